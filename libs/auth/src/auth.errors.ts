/** Stable codes a client can branch on; they become GraphQL `extensions.code`. */
export type AuthErrorCode = 'UNAUTHENTICATED' | 'FORBIDDEN';

export const TOKEN_HINT =
  'Send the header `Authorization: Bearer <token>`; for development get a token with ' +
  '`npm run token -- --role <role> --clinic <clinic-uuid>`.';

/**
 * The caller could not be identified (`UNAUTHENTICATED`) or is not allowed this operation
 * (`FORBIDDEN`). `reason` is the bare cause; `message` adds what to do about it.
 */
export class AuthError extends Error {
  override readonly name = 'AuthError';

  private constructor(
    readonly code: AuthErrorCode,
    readonly reason: string,
    message: string,
  ) {
    super(message);
  }

  static unauthenticated(reason: string): AuthError {
    return new AuthError('UNAUTHENTICATED', reason, `${reason}. ${TOKEN_HINT}`);
  }

  static forbidden(reason: string): AuthError {
    return new AuthError('FORBIDDEN', reason, reason);
  }
}

/** Bad identity configuration at boot; names the variable and what was expected. */
export class AuthConfigError extends Error {
  override readonly name = 'AuthConfigError';

  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
  }
}
