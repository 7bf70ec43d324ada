import type { ConfigRule } from './config-schema';
import type { LogFormat, LogLevel, NodeEnv } from './env-fields';

/*
 * Config pieces every app shares: the variables they come from and the typed shapes the
 * app schemas build from them.
 */

export const COMMON_VARIABLES = ['NODE_ENV', 'LOG_LEVEL', 'LOG_FORMAT'] as const;

export const JWT_VARIABLES = [
  'JWT_PUBLIC_KEY',
  'JWT_PUBLIC_KEY_FILE',
  'JWT_JWKS_URL',
  'JWT_ISSUER',
  'JWT_AUDIENCE',
  'JWT_CLOCK_TOLERANCE_SECONDS',
] as const;

export interface LogConfig {
  readonly level: LogLevel;
  readonly format: LogFormat;
}

/** Where the public key that verifies tokens comes from: exactly one source. */
export type JwtKeySource =
  | { readonly kind: 'pem'; readonly pem: string }
  | { readonly kind: 'file'; readonly path: string }
  | { readonly kind: 'jwks'; readonly url: string };

export interface JwtConfig {
  readonly key: JwtKeySource;
  readonly issuer: string;
  readonly audience: string;
  readonly clockToleranceSeconds: number;
}

export interface CommonConfig {
  readonly nodeEnv: NodeEnv;
  readonly log: LogConfig;
  readonly jwt: JwtConfig;
}

const KEY_VARIABLES = ['JWT_PUBLIC_KEY', 'JWT_PUBLIC_KEY_FILE', 'JWT_JWKS_URL'] as const;

/** Exactly one of the three key sources must be set. */
export const jwtKeySourceRule: ConfigRule = {
  variables: KEY_VARIABLES,
  check(values) {
    const set = KEY_VARIABLES.filter((name) => values[name] !== undefined);
    if (set.length === 1) {
      return undefined;
    }
    return set.length === 0
      ? 'none is set: set exactly one (a PEM key, a PEM file, or a JWKS URL) so tokens can be verified'
      : `${set.join(' and ')} are all set: set exactly one so it is clear which key verifies tokens`;
  },
};

export function commonConfigFrom(values: {
  readonly NODE_ENV: NodeEnv;
  readonly LOG_LEVEL: LogLevel;
  readonly LOG_FORMAT: LogFormat;
  readonly JWT_PUBLIC_KEY: string | undefined;
  readonly JWT_PUBLIC_KEY_FILE: string | undefined;
  readonly JWT_JWKS_URL: string | undefined;
  readonly JWT_ISSUER: string;
  readonly JWT_AUDIENCE: string;
  readonly JWT_CLOCK_TOLERANCE_SECONDS: number;
}): CommonConfig {
  return {
    nodeEnv: values.NODE_ENV,
    log: { level: values.LOG_LEVEL, format: values.LOG_FORMAT },
    jwt: {
      key: jwtKeySource(values.JWT_PUBLIC_KEY, values.JWT_PUBLIC_KEY_FILE, values.JWT_JWKS_URL),
      issuer: values.JWT_ISSUER,
      audience: values.JWT_AUDIENCE,
      clockToleranceSeconds: values.JWT_CLOCK_TOLERANCE_SECONDS,
    },
  };
}

function jwtKeySource(
  pem: string | undefined,
  path: string | undefined,
  jwksUrl: string | undefined,
): JwtKeySource {
  if (pem !== undefined) {
    return { kind: 'pem', pem };
  }
  if (path !== undefined) {
    return { kind: 'file', path };
  }
  if (jwksUrl !== undefined) {
    return { kind: 'jwks', url: jwksUrl };
  }
  // jwtKeySourceRule runs before build, so this only fires when a schema forgot the rule.
  throw new Error('no JWT key source: add jwtKeySourceRule to the config schema');
}
