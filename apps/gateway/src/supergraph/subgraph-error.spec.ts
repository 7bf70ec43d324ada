import { subgraphErrorOf } from './subgraph-error';

describe(subgraphErrorOf.name, () => {
  it("passes on a subgraph's GraphQL error with its code, never the subgraph's URL", () => {
    const error = subgraphErrorOf(400, {
      errors: [
        {
          message: 'Variable "$input" got invalid value "2027-03-28T01:30:00"; send Z or an offset',
          extensions: { code: 'BAD_USER_INPUT' },
        },
      ],
    });
    expect(error.message).toBe(
      'Variable "$input" got invalid value "2027-03-28T01:30:00"; send Z or an offset',
    );
    expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT' });
    expect(JSON.stringify(error.extensions)).not.toContain('http://');
  });

  it('says how many more errors there were', () => {
    const error = subgraphErrorOf(400, {
      errors: [{ message: 'first', extensions: { code: 'BAD_USER_INPUT' } }, { message: 'second' }],
    });
    expect(error.message).toBe('first (and 1 more)');
  });

  it.each([
    [401, 'UNAUTHENTICATED'],
    [403, 'FORBIDDEN'],
    [413, 'BAD_REQUEST'],
    [502, 'SERVICE_UNAVAILABLE'],
  ])('without a GraphQL body, HTTP %i is %s and names only the status', (status, code) => {
    const error = subgraphErrorOf(status, '<html>upstream at http://10.0.0.7:3002</html>');
    expect(error.extensions).toEqual({ code });
    expect(error.message).toBe(
      `a service answered HTTP ${status}; try again, and tell support if it keeps happening`,
    );
  });

  it('gives an error without a code the status code', () => {
    expect(subgraphErrorOf(400, { errors: [{ message: 'bad' }] }).extensions).toEqual({
      code: 'BAD_REQUEST',
    });
  });
});
