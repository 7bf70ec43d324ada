import { GraphQLError } from 'graphql';
import { AuthError, Caller, JwtVerifier } from '@app/auth';
import { correlationIdFrom, CORRELATION_HEADER, currentCorrelationId } from '@app/observability';
import { RateLimiter } from '../limits/rate-limiter';

/** What each gateway request carries to the plugins and to the subgraph requests. */
export interface GatewayContext {
  readonly caller: Caller | undefined;
  readonly authorization: string | undefined;
  readonly correlationId: string;
}

interface IncomingRequest {
  readonly headers: Record<string, string | string[] | undefined>;
  readonly ip?: string;
}

/**
 * Builds the request context: verifies the bearer token when one is sent (a bad token is
 * refused here, before any parsing), and applies the per-caller rate limit. A request with
 * no token gets a context without a caller; the access plugin lets only `health` through.
 */
export function gatewayContextFactory(
  verifier: Pick<JwtVerifier, 'verifyAuthorizationHeader'>,
  limiter: RateLimiter,
) {
  return async ({ req }: { req: IncomingRequest }): Promise<GatewayContext> => {
    const header = req.headers.authorization;
    const authorization = Array.isArray(header) ? header[0] : header;
    let caller: Caller | undefined;
    let refusal: GraphQLError | undefined;
    if (authorization !== undefined && authorization !== '') {
      try {
        caller = await verifier.verifyAuthorizationHeader(authorization);
      } catch (error) {
        if (!(error instanceof AuthError)) {
          throw error;
        }
        refusal = new GraphQLError(error.message, {
          extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
        });
      }
    }
    // Bad tokens count against the caller's address like anonymous requests, so a flood of
    // forged tokens is limited too.
    enforceRateLimit(
      limiter,
      caller === undefined ? `ip:${req.ip ?? 'unknown'}` : `sub:${caller.subject}`,
    );
    if (refusal !== undefined) {
      throw refusal;
    }
    return {
      caller,
      authorization,
      correlationId: currentCorrelationId() ?? correlationIdFrom(req.headers[CORRELATION_HEADER]),
    };
  };
}

function enforceRateLimit(limiter: RateLimiter, key: string): void {
  const limit = limiter.take(key);
  if (limit.allowed) {
    return;
  }
  const seconds = Math.ceil(limit.retryAfterMs / 1000);
  throw new GraphQLError(`too many requests: try again in ${seconds} s`, {
    extensions: {
      code: 'RATE_LIMITED',
      retryAfterSeconds: seconds,
      http: { status: 429, headers: new Map([['retry-after', String(seconds)]]) },
    },
  });
}
