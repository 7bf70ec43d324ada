import { createPrivateKey, createPublicKey, randomUUID, type KeyObject } from 'node:crypto';
import { SignJWT, calculateJwkThumbprint, exportJWK } from 'jose';
import { AuthError } from '../auth.errors';
import type { Caller } from '../caller';
import { callerFromClaims, claimsFromCaller } from '../caller-claims';
import { DEFAULT_JWT_AUDIENCE, DEFAULT_JWT_ISSUER, JWT_ALGORITHM } from '../jwt-defaults';
import type { Role } from '../roles';
import { parseDurationSeconds } from './duration';

export interface DevTokenRequest {
  readonly role: Role;
  readonly clinicIds?: readonly string[];
  readonly scopes?: readonly string[];
  /** Default `dev-<role>` (e.g. `dev-clinic_manager`). */
  readonly subject?: string;
  readonly therapistId?: string;
  readonly clientId?: string;
  /** `8h`, `15m`, `90s`, `7d` or seconds; default `8h`, at most 30 days. */
  readonly ttl?: string | number;
  /** Default `DEFAULT_JWT_ISSUER` (what the verifier expects when `JWT_ISSUER` is unset). */
  readonly issuer?: string;
  /** Default `DEFAULT_JWT_AUDIENCE`. */
  readonly audience?: string;
  /** The clock; tests pass a fixed one. */
  readonly now?: Date;
}

export const DEFAULT_DEV_TOKEN_TTL = '8h';
const MAX_TTL_SECONDS = 30 * 86_400;

/**
 * Signs an RS256 development token for `request` with the development private key (PEM or
 * KeyObject). The claims are checked with the same rules the verifier applies, so a token
 * this returns is one the platform accepts. Throws `Error` saying what to change otherwise.
 */
export async function signDevToken(
  request: DevTokenRequest,
  privateKey: string | KeyObject,
): Promise<string> {
  const caller = validCaller(request);
  const ttlSeconds = ttlOf(request.ttl ?? DEFAULT_DEV_TOKEN_TTL);
  const key = typeof privateKey === 'string' ? createPrivateKey(privateKey) : privateKey;
  const kid = await calculateJwkThumbprint(await exportJWK(createPublicKey(key)));
  const issuedAt = Math.floor((request.now ?? new Date()).getTime() / 1000);

  return new SignJWT({ ...claimsFromCaller(caller) })
    .setProtectedHeader({ alg: JWT_ALGORITHM, typ: 'JWT', kid })
    .setIssuer(request.issuer ?? DEFAULT_JWT_ISSUER)
    .setAudience(request.audience ?? DEFAULT_JWT_AUDIENCE)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + ttlSeconds)
    .setJti(randomUUID())
    .sign(key);
}

function validCaller(request: DevTokenRequest): Caller {
  const draft: Caller = {
    subject: request.subject ?? `dev-${request.role}`,
    role: request.role,
    clinicIds: request.clinicIds ?? [],
    scopes: request.scopes ?? [],
    ...(request.therapistId === undefined ? {} : { therapistId: request.therapistId }),
    ...(request.clientId === undefined ? {} : { clientId: request.clientId }),
  };
  try {
    return callerFromClaims({ ...claimsFromCaller(draft) });
  } catch (error: unknown) {
    if (error instanceof AuthError) {
      throw new Error(`cannot sign a development token: ${error.reason}`);
    }
    throw error;
  }
}

function ttlOf(ttl: string | number): number {
  const seconds = typeof ttl === 'number' ? ttl : parseDurationSeconds(ttl);
  if (
    seconds === undefined ||
    !Number.isInteger(seconds) ||
    seconds <= 0 ||
    seconds > MAX_TTL_SECONDS
  ) {
    throw new Error(
      `cannot sign a development token: ttl ${JSON.stringify(ttl)} is not a duration between 1s and 30d (e.g. 8h, 15m, 90s)`,
    );
  }
  return seconds;
}
