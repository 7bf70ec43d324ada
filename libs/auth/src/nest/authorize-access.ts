import { AuthError } from '../auth.errors';
import type { Caller } from '../caller';
import type { JwtVerifier } from '../jwt-verifier';
import type { Role } from '../roles';

export interface AccessRequest {
  /** The operation is marked `@Public()`. */
  readonly isPublic: boolean;
  /** From `@Roles(...)`; empty means any authenticated caller. */
  readonly requiredRoles: readonly Role[];
  /** The request's `Authorization` header. */
  readonly authorization: string | readonly string[] | undefined;
  /** A caller already verified earlier in this request (several root fields share one). */
  readonly knownCaller?: Caller;
}

/**
 * The guard's whole decision, free of Nest: public operations pass without a caller;
 * otherwise the token must verify (`UNAUTHENTICATED`) and the role must be one of those
 * required (`FORBIDDEN`). Returns the caller to attach to the request.
 */
export async function authorizeAccess(
  request: AccessRequest,
  verifier: Pick<JwtVerifier, 'verifyAuthorizationHeader'>,
): Promise<Caller | undefined> {
  if (request.isPublic) {
    return undefined;
  }
  const caller =
    request.knownCaller ?? (await verifier.verifyAuthorizationHeader(request.authorization));
  if (request.requiredRoles.length > 0 && !request.requiredRoles.includes(caller.role)) {
    const needed = request.requiredRoles.join(' or ');
    throw AuthError.forbidden(
      `this operation needs the role ${needed}; your token has the role ${caller.role}. ` +
        'Sign in as a user with that role (development: `npm run token -- --role ' +
        `${request.requiredRoles[0] ?? ''} ...\`)`,
    );
  }
  return caller;
}
