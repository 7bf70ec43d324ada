import { AuthError } from './auth.errors';
import type { Caller } from './caller';
import { ROLES, isRole, roleRequirements } from './roles';
import { isUuid } from './uuid';

/** Names of the claims this platform reads (see `Caller` for shapes). */
export const CALLER_CLAIMS = {
  subject: 'sub',
  role: 'role',
  clinicIds: 'clinic_ids',
  scope: 'scope',
  therapistId: 'therapist_id',
  clientId: 'client_id',
} as const;

/** The platform's own claims as they appear in a token (standard time claims aside). */
export interface CallerClaims {
  readonly sub: string;
  readonly role: string;
  readonly clinic_ids?: readonly string[];
  readonly scope?: string;
  readonly therapist_id?: string;
  readonly client_id?: string;
}

const SCOPE_PATTERN = /^[A-Za-z0-9_.:*/-]{1,100}$/;

/**
 * Turns a verified token payload into a `Caller`, or throws `AuthError` (UNAUTHENTICATED)
 * naming the claim that is wrong and what was expected. Pure: no clock, no keys.
 */
export function callerFromClaims(payload: Readonly<Record<string, unknown>>): Caller {
  const reject = (reason: string): never => {
    throw AuthError.unauthenticated(reason);
  };

  const subject = payload[CALLER_CLAIMS.subject];
  if (typeof subject !== 'string' || subject.trim() === '') {
    return reject('the token claim `sub` must be a non-empty string (the caller id)');
  }

  const role = payload[CALLER_CLAIMS.role];
  if (!isRole(role)) {
    return reject(
      `the token claim \`role\` is ${describe(role)}; expected one of ${ROLES.join(', ')}`,
    );
  }

  const clinicIds = readClinicIds(payload[CALLER_CLAIMS.clinicIds], reject);
  const scopes = readScopes(payload[CALLER_CLAIMS.scope], reject);
  const therapistId = readOptionalUuid(payload, CALLER_CLAIMS.therapistId, reject);
  const clientId = readOptionalUuid(payload, CALLER_CLAIMS.clientId, reject);

  const needs = roleRequirements(role);
  if (needs.clinicIds && clinicIds.length === 0) {
    reject(`a ${role} token needs at least one clinic id in claim \`clinic_ids\``);
  }
  if (needs.scopes && scopes.length === 0) {
    reject(`a ${role} token needs at least one scope in claim \`scope\``);
  }
  if (needs.therapistId && therapistId === undefined) {
    reject(`a ${role} token needs claim \`therapist_id\` (the therapist this login acts as)`);
  }
  if (needs.clientId && clientId === undefined) {
    reject(`a ${role} token needs claim \`client_id\` (the client this login acts as)`);
  }

  return {
    subject,
    role,
    clinicIds,
    scopes,
    ...(therapistId === undefined ? {} : { therapistId }),
    ...(clientId === undefined ? {} : { clientId }),
  };
}

/** The inverse of `callerFromClaims`, used when signing development tokens. */
export function claimsFromCaller(caller: Caller): CallerClaims {
  return {
    sub: caller.subject,
    role: caller.role,
    ...(caller.clinicIds.length > 0 ? { clinic_ids: [...caller.clinicIds] } : {}),
    ...(caller.scopes.length > 0 ? { scope: caller.scopes.join(' ') } : {}),
    ...(caller.therapistId === undefined ? {} : { therapist_id: caller.therapistId }),
    ...(caller.clientId === undefined ? {} : { client_id: caller.clientId }),
  };
}

function readClinicIds(value: unknown, reject: (reason: string) => never): readonly string[] {
  if (value === undefined) {
    return [];
  }
  if (!Array.isArray(value)) {
    return reject(
      `the token claim \`clinic_ids\` must be an array of clinic UUIDs, got ${describe(value)}`,
    );
  }
  const ids: string[] = [];
  for (const id of value as unknown[]) {
    if (!isUuid(id)) {
      return reject(`the token claim \`clinic_ids\` holds ${describe(id)}, which is not a UUID`);
    }
    const normalised = id.toLowerCase();
    if (!ids.includes(normalised)) {
      ids.push(normalised);
    }
  }
  return ids;
}

function readScopes(value: unknown, reject: (reason: string) => never): readonly string[] {
  if (value === undefined) {
    return [];
  }
  if (typeof value !== 'string') {
    return reject(
      `the token claim \`scope\` must be a space-separated string, got ${describe(value)}`,
    );
  }
  const scopes = value.split(' ').filter((scope) => scope !== '');
  const bad = scopes.find((scope) => !SCOPE_PATTERN.test(scope));
  if (bad !== undefined) {
    return reject(
      `the token claim \`scope\` holds ${describe(bad)}, which is not a valid scope name`,
    );
  }
  return [...new Set(scopes)];
}

function readOptionalUuid(
  payload: Readonly<Record<string, unknown>>,
  claim: string,
  reject: (reason: string) => never,
): string | undefined {
  const value = payload[claim];
  if (value === undefined) {
    return undefined;
  }
  if (!isUuid(value)) {
    return reject(`the token claim \`${claim}\` must be a UUID, got ${describe(value)}`);
  }
  return value.toLowerCase();
}

function describe(value: unknown): string {
  if (value === undefined) {
    return 'missing';
  }
  const text = JSON.stringify(value) ?? typeof value;
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
