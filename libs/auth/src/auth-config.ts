import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { AuthConfigError } from './auth.errors';
import {
  DEFAULT_CLOCK_TOLERANCE_SECONDS,
  DEFAULT_JWT_AUDIENCE,
  DEFAULT_JWT_ISSUER,
  DEV_KEY_DIR,
  DEV_PUBLIC_KEY_FILE,
} from './jwt-defaults';
import type { JwtVerifierOptions } from './jwt-verifier';

/**
 * The identity variables, read once at boot:
 *
 * | variable                      | default                                   |
 * |-------------------------------|-------------------------------------------|
 * | `JWT_PUBLIC_KEY`              | unset: RSA public key PEM (`\n` escapes ok) |
 * | `JWT_PUBLIC_KEY_FILE`         | unset: path to the RSA public key PEM     |
 * | `JWT_JWKS_URL`                | unset: https JWKS endpoint                |
 * | `JWT_ISSUER`                  | `https://id.dev.stretch-clinics.local/`   |
 * | `JWT_AUDIENCE`                | `stretch-clinic-platform`                 |
 * | `JWT_CLOCK_TOLERANCE_SECONDS` | `5`                                       |
 *
 * Set at most one of the three key variables. With none set, outside production the
 * development public key `.local/keys/jwt-public.pem` (made by `npm run token` or
 * `npm start`) is used; with `NODE_ENV=production` one of them is required.
 */
export const AUTH_ENV_VARIABLES = [
  'JWT_PUBLIC_KEY',
  'JWT_PUBLIC_KEY_FILE',
  'JWT_JWKS_URL',
  'JWT_ISSUER',
  'JWT_AUDIENCE',
  'JWT_CLOCK_TOLERANCE_SECONDS',
] as const;

export type AuthEnv = Readonly<
  Partial<Record<(typeof AUTH_ENV_VARIABLES)[number] | 'NODE_ENV', string>>
>;

export interface AuthConfigContext {
  /** Base for the development key path; default `process.cwd()`. */
  readonly cwd?: string;
}

/** Validates the identity variables and returns verifier options, or throws `AuthConfigError`. */
export function authConfigFromEnv(
  env: AuthEnv,
  context: AuthConfigContext = {},
): JwtVerifierOptions {
  const pem = present(env.JWT_PUBLIC_KEY);
  const file = present(env.JWT_PUBLIC_KEY_FILE);
  const jwks = present(env.JWT_JWKS_URL);
  const given = [
    pem === undefined ? undefined : 'JWT_PUBLIC_KEY',
    file === undefined ? undefined : 'JWT_PUBLIC_KEY_FILE',
    jwks === undefined ? undefined : 'JWT_JWKS_URL',
  ].filter((name): name is string => name !== undefined);
  if (given.length > 1) {
    throw new AuthConfigError(
      given.join(' and '),
      'set only one of JWT_PUBLIC_KEY, JWT_PUBLIC_KEY_FILE, JWT_JWKS_URL',
    );
  }

  const common = {
    issuer: env.JWT_ISSUER ?? DEFAULT_JWT_ISSUER,
    audience: env.JWT_AUDIENCE ?? DEFAULT_JWT_AUDIENCE,
    clockToleranceSeconds: tolerance(env.JWT_CLOCK_TOLERANCE_SECONDS),
  };
  if (pem !== undefined) {
    return { ...common, key: { kind: 'pem', pem, variable: 'JWT_PUBLIC_KEY' } };
  }
  if (jwks !== undefined) {
    return { ...common, key: { kind: 'jwks', url: jwks, variable: 'JWT_JWKS_URL' } };
  }
  if (file !== undefined) {
    return { ...common, key: { kind: 'file', path: file, variable: 'JWT_PUBLIC_KEY_FILE' } };
  }
  if (env.NODE_ENV === 'production') {
    throw new AuthConfigError(
      'JWT_PUBLIC_KEY',
      'in production set JWT_PUBLIC_KEY, JWT_PUBLIC_KEY_FILE or JWT_JWKS_URL (the identity provider key)',
    );
  }
  const devFile = join(context.cwd ?? process.cwd(), DEV_KEY_DIR, DEV_PUBLIC_KEY_FILE);
  if (!existsSync(devFile)) {
    throw new AuthConfigError(
      'JWT_PUBLIC_KEY_FILE',
      `not set, and the development key ${devFile} does not exist yet: run ` +
        '`npm run token -- --role head_office_admin` once to create it, or set JWT_PUBLIC_KEY, ' +
        'JWT_PUBLIC_KEY_FILE or JWT_JWKS_URL',
    );
  }
  return {
    ...common,
    key: { kind: 'file', path: devFile, variable: `JWT_PUBLIC_KEY_FILE (default ${devFile})` },
  };
}

function present(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}

function tolerance(value: string | undefined): number {
  if (value === undefined || value.trim() === '') {
    return DEFAULT_CLOCK_TOLERANCE_SECONDS;
  }
  if (!/^\d{1,3}$/.test(value.trim()) || Number(value) > 300) {
    throw new AuthConfigError(
      'JWT_CLOCK_TOLERANCE_SECONDS',
      `expected a whole number of seconds between 0 and 300, got "${value}"`,
    );
  }
  return Number(value);
}
