import { DomainError, ErrorKind } from './domain-error';
import { toGraphQLError } from './graphql-error-mapper';

class ShelfError extends DomainError {
  readonly kind: ErrorKind;
  constructor(
    readonly code: string,
    kind: ErrorKind,
  ) {
    super(`shelf ${code}`, { shelf: 'A' });
    this.kind = kind;
  }
}

describe(toGraphQLError.name, () => {
  it('carries the stable code, the message and the details to the client', () => {
    const error = toGraphQLError(new ShelfError('SHELF_FULL', 'conflict'));
    expect(error.message).toBe('shelf SHELF_FULL');
    expect(error.extensions).toEqual({
      code: 'SHELF_FULL',
      kind: 'conflict',
      status: 409,
      shelf: 'A',
    });
  });

  it('marks bad input as a 400 and a missing thing as a 404', () => {
    expect(toGraphQLError(new ShelfError('X', 'bad_input')).extensions.status).toBe(400);
    expect(toGraphQLError(new ShelfError('Y', 'not_found')).extensions.status).toBe(404);
  });
});
