import { parseArgs } from 'node:util';
import { messageOf } from '../error-message';
import { ROLES, isRole, roleRequirements } from '../roles';
import { isUuid } from '../uuid';
import type { DevTokenRequest } from './dev-token';
import { DEFAULT_DEV_TOKEN_TTL } from './dev-token';
import { parseDurationSeconds } from './duration';

export const TOKEN_USAGE = `Usage: npm run token -- --role <role> [options]

Prints a development JWT (RS256, signed with .local/keys/jwt-private.pem) to stdout.

Options:
  --role <role>          one of: ${ROLES.join(', ')}
  --clinic <uuid>        a clinic the caller may act for; repeat for several
                         (required for clinic_manager, receptionist, therapist, integrator)
  --scope <scope>        a granted scope, e.g. events:read; repeat for several
                         (required for integrator)
  --therapist-id <uuid>  the therapist this login acts as (required for therapist)
  --client-id <uuid>     the client this login acts as (required for client)
  --sub <id>             subject (default dev-<role>)
  --ttl <duration>       lifetime such as 15m, 8h, 7d (default ${DEFAULT_DEV_TOKEN_TTL})
  -h, --help             show this help

Example:
  npm run token -- --role clinic_manager --clinic 3f1c9a52-8d1e-4c1b-9a43-2f0e6b7d5c10`;

export type TokenCommand =
  { readonly kind: 'help' } | { readonly kind: 'sign'; readonly request: DevTokenRequest };

/** A command-line mistake; the message says what to change. */
export class TokenUsageError extends Error {
  override readonly name = 'TokenUsageError';
}

/**
 * Parses the `npm run token` arguments (without `node` and the script path) into a token
 * request, or throws `TokenUsageError` naming the flag at fault.
 */
export function parseTokenArgs(argv: readonly string[]): TokenCommand {
  const { values } = parseFlags(argv);
  if (values.help === true) {
    return { kind: 'help' };
  }

  const role = values.role;
  if (role === undefined) {
    throw new TokenUsageError(`--role is required; one of: ${ROLES.join(', ')}`);
  }
  if (!isRole(role)) {
    throw new TokenUsageError(`--role "${role}" is not a role; use one of: ${ROLES.join(', ')}`);
  }

  const clinicIds = values.clinic ?? [];
  const badClinic = clinicIds.find((id): boolean => !isUuid(id));
  if (badClinic !== undefined) {
    throw new TokenUsageError(
      `--clinic "${badClinic}" is not a UUID (e.g. 3f1c9a52-8d1e-4c1b-9a43-2f0e6b7d5c10)`,
    );
  }
  const scopes = (values.scope ?? [])
    .flatMap((scope) => scope.split(/\s+/))
    .filter((scope) => scope !== '');
  const therapistId = optionalUuid(values['therapist-id'], '--therapist-id');
  const clientId = optionalUuid(values['client-id'], '--client-id');

  const needs = roleRequirements(role);
  if (needs.clinicIds && clinicIds.length === 0) {
    throw new TokenUsageError(
      `--role ${role} needs at least one --clinic <uuid> (the clinic it acts for)`,
    );
  }
  if (needs.scopes && scopes.length === 0) {
    throw new TokenUsageError(
      `--role ${role} needs at least one --scope <scope> (e.g. --scope events:read)`,
    );
  }
  if (needs.therapistId !== (therapistId !== undefined)) {
    throw new TokenUsageError(
      needs.therapistId
        ? `--role ${role} needs --therapist-id <uuid> (the therapist this login acts as)`
        : `--therapist-id applies only to --role therapist`,
    );
  }
  if (needs.clientId !== (clientId !== undefined)) {
    throw new TokenUsageError(
      needs.clientId
        ? `--role ${role} needs --client-id <uuid> (the client this login acts as)`
        : `--client-id applies only to --role client`,
    );
  }

  const subject = values.sub;
  if (subject?.trim() === '') {
    throw new TokenUsageError('--sub must not be empty');
  }
  const ttl = values.ttl ?? DEFAULT_DEV_TOKEN_TTL;
  const ttlSeconds = parseDurationSeconds(ttl);
  if (ttlSeconds === undefined || ttlSeconds <= 0 || ttlSeconds > 30 * 86_400) {
    throw new TokenUsageError(
      `--ttl "${ttl}" is not a duration between 1s and 30d; use e.g. 15m, 8h or 7d`,
    );
  }

  return {
    kind: 'sign',
    request: {
      role,
      clinicIds,
      scopes,
      ttl,
      ...(subject === undefined ? {} : { subject }),
      ...(therapistId === undefined ? {} : { therapistId }),
      ...(clientId === undefined ? {} : { clientId }),
    },
  };
}

function parseFlags(argv: readonly string[]): ReturnType<typeof parseWith> {
  try {
    return parseWith(argv);
  } catch (error: unknown) {
    throw new TokenUsageError(
      `${messageOf(error)}. Run \`npm run token -- --help\` for the options`,
    );
  }
}

function parseWith(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: false,
    options: {
      role: { type: 'string' },
      clinic: { type: 'string', multiple: true },
      scope: { type: 'string', multiple: true },
      'therapist-id': { type: 'string' },
      'client-id': { type: 'string' },
      sub: { type: 'string' },
      ttl: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

function optionalUuid(value: string | undefined, flag: string): string | undefined {
  const valid: boolean = value === undefined || isUuid(value);
  if (!valid) {
    throw new TokenUsageError(`${flag} "${String(value)}" is not a UUID`);
  }
  return value;
}
