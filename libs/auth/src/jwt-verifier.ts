import { createPublicKey, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import {
  createRemoteJWKSet,
  decodeProtectedHeader,
  errors,
  jwtVerify,
  type JWTPayload,
  type JWTVerifyGetKey,
} from 'jose';
import { AuthConfigError, AuthError } from './auth.errors';
import type { Caller } from './caller';
import { callerFromClaims } from './caller-claims';
import { messageOf } from './error-message';
import { DEFAULT_CLOCK_TOLERANCE_SECONDS, JWT_ALGORITHM } from './jwt-defaults';

/** Where the verification key comes from. */
export type JwtKeySource =
  /** An RSA public key (SPKI or X.509 certificate PEM). `variable` names its origin in errors. */
  | { readonly kind: 'pem'; readonly pem: string; readonly variable?: string }
  /** A file holding such a PEM, read once when the verifier is created (at boot). */
  | { readonly kind: 'file'; readonly path: string; readonly variable?: string }
  /** A JWKS endpoint; keys are fetched on demand and cached (jose `createRemoteJWKSet`). */
  | { readonly kind: 'jwks'; readonly url: string; readonly variable?: string }
  /** Any jose key resolver, e.g. `createLocalJWKSet(jwks)`. */
  | { readonly kind: 'keySet'; readonly getKey: JWTVerifyGetKey };

export interface JwtVerifierOptions {
  readonly key: JwtKeySource;
  readonly issuer: string;
  readonly audience: string;
  /** Leeway for `exp` and `nbf`; default `DEFAULT_CLOCK_TOLERANCE_SECONDS`. */
  readonly clockToleranceSeconds?: number;
  /** The clock; tests pass a fixed one. */
  readonly now?: () => Date;
}

/** Tokens longer than this are refused before any parsing. */
const MAX_TOKEN_LENGTH = 8_192;
const MIN_RSA_MODULUS_BITS = 2_048;
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Verifies RS256 bearer tokens and turns them into a `Caller`.
 * Pinned to RS256 (so `none` and HS256-with-the-public-key are refused), checks issuer and
 * audience, requires `exp` (and `sub`), honours `nbf`, allows a small clock tolerance.
 * Every rejection is an `AuthError` with code `UNAUTHENTICATED`; a JWKS endpoint that cannot
 * be reached is a plain `Error` (a server fault, not the caller's).
 */
export class JwtVerifier {
  private constructor(
    private readonly key: KeyObject | JWTVerifyGetKey,
    private readonly jwksUrl: string | undefined,
    private readonly issuer: string,
    private readonly audience: string,
    private readonly clockToleranceSeconds: number,
    private readonly now: () => Date,
  ) {}

  /** Validates the options (throwing `AuthConfigError` naming the variable) and builds a verifier. */
  static create(options: JwtVerifierOptions): JwtVerifier {
    requireText(options.issuer, 'JWT_ISSUER', 'an issuer URL or name');
    requireText(options.audience, 'JWT_AUDIENCE', 'an audience name');
    const tolerance = options.clockToleranceSeconds ?? DEFAULT_CLOCK_TOLERANCE_SECONDS;
    if (!Number.isInteger(tolerance) || tolerance < 0 || tolerance > 300) {
      throw new AuthConfigError(
        'JWT_CLOCK_TOLERANCE_SECONDS',
        `expected a whole number of seconds between 0 and 300, got ${String(tolerance)}`,
      );
    }
    const source = options.key;
    const now = options.now ?? ((): Date => new Date());
    switch (source.kind) {
      case 'pem':
        return new JwtVerifier(
          publicKeyFromPem(source.pem, source.variable ?? 'JWT_PUBLIC_KEY'),
          undefined,
          options.issuer,
          options.audience,
          tolerance,
          now,
        );
      case 'file': {
        const variable = source.variable ?? 'JWT_PUBLIC_KEY_FILE';
        return new JwtVerifier(
          publicKeyFromPem(readKeyFile(source.path, variable), variable),
          undefined,
          options.issuer,
          options.audience,
          tolerance,
          now,
        );
      }
      case 'jwks': {
        const url = jwksUrl(source.url, source.variable ?? 'JWT_JWKS_URL');
        return new JwtVerifier(
          createRemoteJWKSet(url),
          url.href,
          options.issuer,
          options.audience,
          tolerance,
          now,
        );
      }
      case 'keySet':
        return new JwtVerifier(
          source.getKey,
          undefined,
          options.issuer,
          options.audience,
          tolerance,
          now,
        );
      default: {
        const unreachable: never = source;
        throw new Error(`unknown key source ${JSON.stringify(unreachable)}`);
      }
    }
  }

  /** Verifies a compact JWS and returns the caller it names. */
  async verify(token: string): Promise<Caller> {
    if (token === '') {
      throw AuthError.unauthenticated('the bearer token is empty');
    }
    if (token.length > MAX_TOKEN_LENGTH) {
      throw AuthError.unauthenticated(
        `the bearer token is longer than ${MAX_TOKEN_LENGTH} characters`,
      );
    }
    let payload: JWTPayload;
    try {
      const verified = await this.verifyWithJose(token);
      payload = verified.payload;
    } catch (error: unknown) {
      throw this.translate(error, token);
    }
    return callerFromClaims(payload);
  }

  /** Verifies the value of an `Authorization` header (`Bearer <token>`). */
  async verifyAuthorizationHeader(header: string | readonly string[] | undefined): Promise<Caller> {
    return this.verify(bearerToken(header));
  }

  private async verifyWithJose(token: string): Promise<{ payload: JWTPayload }> {
    const options = {
      algorithms: [JWT_ALGORITHM],
      issuer: this.issuer,
      audience: this.audience,
      clockTolerance: this.clockToleranceSeconds,
      requiredClaims: ['exp', 'sub'],
      currentDate: this.now(),
    };
    // Two calls so each overload of jwtVerify gets its own key type.
    if (typeof this.key === 'function') {
      return jwtVerify(token, this.key, options);
    }
    return jwtVerify(token, this.key, options);
  }

  private translate(error: unknown, token: string): Error {
    if (error instanceof errors.JWTExpired) {
      return AuthError.unauthenticated(
        `the token expired${at(error.payload.exp)}; get a fresh one`,
      );
    }
    if (error instanceof errors.JWTClaimValidationFailed) {
      return AuthError.unauthenticated(this.claimReason(error));
    }
    if (error instanceof errors.JOSEAlgNotAllowed || isUnsecured(token)) {
      return AuthError.unauthenticated(
        `the token is signed with ${headerAlg(token)}; only ${JWT_ALGORITHM} is accepted`,
      );
    }
    if (error instanceof errors.JWSSignatureVerificationFailed) {
      return AuthError.unauthenticated(
        'the token signature does not verify (signed by another key, or altered)',
      );
    }
    if (error instanceof errors.JWKSNoMatchingKey) {
      return AuthError.unauthenticated("no published signing key matches the token's `kid`");
    }
    if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid) {
      return new Error(
        `could not load the signing keys from ${this.jwksUrl ?? 'the key set'}: ${error.message}`,
        { cause: error },
      );
    }
    if (error instanceof errors.JOSEError) {
      return AuthError.unauthenticated(`the token is malformed (${error.message})`);
    }
    if (this.jwksUrl !== undefined) {
      // Network failures (ECONNREFUSED, TLS) while fetching the key set.
      return new Error(
        `could not load the signing keys from ${this.jwksUrl}: ${messageOf(error)}`,
        {
          cause: error,
        },
      );
    }
    return error instanceof Error ? error : new Error(messageOf(error), { cause: error });
  }

  private claimReason(error: InstanceType<typeof errors.JWTClaimValidationFailed>): string {
    if (error.reason === 'missing') {
      return `the token has no \`${error.claim}\` claim`;
    }
    switch (error.claim) {
      case 'iss':
        return `the token issuer ${quote(error.payload.iss)} is not the expected "${this.issuer}"`;
      case 'aud':
        return `the token audience ${quote(error.payload.aud)} does not include "${this.audience}"`;
      case 'nbf':
        return `the token is not valid yet${at(error.payload.nbf, 'until')}`;
      default:
        return `the token claim \`${error.claim}\` is invalid (${error.message})`;
    }
  }
}

/** Extracts the token from `Bearer <token>`, or throws `AuthError` saying what was wrong. */
export function bearerToken(header: string | readonly string[] | undefined): string {
  if (typeof header !== 'string') {
    if (header !== undefined && header.length > 1) {
      throw AuthError.unauthenticated('the request has more than one Authorization header');
    }
    if (header === undefined || header.length === 0) {
      throw AuthError.unauthenticated('the request has no Authorization header');
    }
    return bearerToken(header[0]);
  }
  const match = /^\s*(\S+)(?:\s+(\S+))?\s*$/.exec(header);
  if (match === null) {
    throw AuthError.unauthenticated('the Authorization header is empty');
  }
  const [, scheme = '', token] = match;
  if (scheme.toLowerCase() !== 'bearer') {
    throw AuthError.unauthenticated(
      `the Authorization header uses the "${scheme.slice(0, 20)}" scheme; expected "Bearer"`,
    );
  }
  if (token === undefined) {
    throw AuthError.unauthenticated('the Authorization header has no token after "Bearer"');
  }
  return token;
}

function readKeyFile(path: string, variable: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error: unknown) {
    throw new AuthConfigError(
      variable,
      `could not read the public key file ${path}: ${messageOf(error)}`,
    );
  }
}

function publicKeyFromPem(text: string, variable: string): KeyObject {
  // Env files often carry a PEM on one line with literal "\n" separators.
  const pem = text.includes('\n') ? text : text.replace(/\\n/g, '\n');
  if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(pem)) {
    throw new AuthConfigError(
      variable,
      'holds a private key; give the RSA public key (PEM) instead',
    );
  }
  let key: KeyObject;
  try {
    key = createPublicKey(pem);
  } catch (error: unknown) {
    throw new AuthConfigError(
      variable,
      `expected an RSA public key in PEM form ("-----BEGIN PUBLIC KEY-----"), could not read it: ${messageOf(error)}`,
    );
  }
  if (key.asymmetricKeyType !== 'rsa') {
    throw new AuthConfigError(
      variable,
      `expected an RSA public key for RS256, got a ${key.asymmetricKeyType ?? 'unknown'} key`,
    );
  }
  const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
  if (bits < MIN_RSA_MODULUS_BITS) {
    throw new AuthConfigError(
      variable,
      `the RSA key has ${bits} bits; at least ${MIN_RSA_MODULUS_BITS} are required`,
    );
  }
  return key;
}

function jwksUrl(value: string, variable: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new AuthConfigError(variable, `expected a URL, got "${value}"`);
  }
  const loopback = LOOPBACK_HOSTS.has(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new AuthConfigError(
      variable,
      `expected an https:// URL (plain http is allowed only for localhost), got "${value}"`,
    );
  }
  return url;
}

function requireText(value: string, variable: string, expected: string): void {
  if (value.trim() === '') {
    throw new AuthConfigError(variable, `expected ${expected}, got an empty value`);
  }
}

function headerAlg(token: string): string {
  try {
    const alg = decodeProtectedHeader(token).alg;
    return alg === undefined ? 'no algorithm' : `"${alg}"`;
  } catch {
    return 'an unreadable header';
  }
}

function isUnsecured(token: string): boolean {
  try {
    return decodeProtectedHeader(token).alg === 'none';
  } catch {
    return false;
  }
}

function at(epochSeconds: unknown, word = 'at'): string {
  return typeof epochSeconds === 'number'
    ? ` ${word} ${new Date(epochSeconds * 1000).toISOString()}`
    : '';
}

function quote(value: unknown): string {
  return value === undefined ? '(none)' : JSON.stringify(value);
}
