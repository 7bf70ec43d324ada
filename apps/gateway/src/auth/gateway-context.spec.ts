import { GraphQLError } from 'graphql';
import { AuthError, Caller, JwtVerifier } from '@app/auth';
import { RateLimiter } from '../limits/rate-limiter';
import { gatewayContextFactory } from './gateway-context';

const headOffice: Caller = {
  subject: 'ho-1',
  role: 'head_office_admin',
  clinicIds: [],
  scopes: [],
};

const verifier: Pick<JwtVerifier, 'verifyAuthorizationHeader'> = {
  verifyAuthorizationHeader: async (header: string | undefined) => {
    if (header === 'Bearer good') {
      return headOffice;
    }
    throw AuthError.unauthenticated('the token signature is not valid');
  },
};

async function codeOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
    return 'no error';
  } catch (error) {
    return error instanceof GraphQLError ? error.extensions.code : error;
  }
}

describe(gatewayContextFactory.name, () => {
  it('puts the verified caller and the request correlation id in the context', async () => {
    const context = await gatewayContextFactory(
      verifier,
      new RateLimiter(10),
    )({
      req: { headers: { authorization: 'Bearer good', 'x-correlation-id': 'abc-1' } },
    });
    expect(context).toEqual({
      caller: headOffice,
      authorization: 'Bearer good',
      correlationId: 'abc-1',
    });
  });

  it('lets a request without a token through without a caller (only health will be answered)', async () => {
    const context = await gatewayContextFactory(
      verifier,
      new RateLimiter(10),
    )({ req: { headers: {} } });
    expect(context.caller).toBeUndefined();
  });

  it('refuses a bad token as UNAUTHENTICATED', async () => {
    const context = gatewayContextFactory(verifier, new RateLimiter(10));
    expect(
      await codeOf(
        context({ req: { headers: { authorization: 'Bearer forged' }, ip: '10.0.0.1' } }),
      ),
    ).toBe('UNAUTHENTICATED');
  });

  it('rate-limits a flood of bad tokens by address', async () => {
    const context = gatewayContextFactory(verifier, new RateLimiter(2));
    const forged = { req: { headers: { authorization: 'Bearer forged' }, ip: '10.0.0.9' } };
    const codes = [];
    for (let i = 0; i < 3; i += 1) {
      codes.push(await codeOf(context(forged)));
    }
    expect(codes).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED', 'RATE_LIMITED']);
  });
});
