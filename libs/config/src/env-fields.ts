import { z } from 'zod';
import type { EnvField } from './env-field';

/*
 * Reusable field builders for environment variables. Each returns an EnvField whose zod
 * schema receives the trimmed, non-empty raw string (unset and blank values never reach it:
 * the loader applies the catalogue default or reports the variable as required).
 */

export const NODE_ENVS = ['development', 'test', 'production'] as const;
export type NodeEnv = (typeof NODE_ENVS)[number];

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export const LOG_FORMATS = ['json', 'pretty'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

const TRUE_WORDS = ['true', '1', 'yes', 'on'];
const FALSE_WORDS = ['false', '0', 'no', 'off'];

function field<T>(
  schema: z.ZodType<T, string>,
  expected: string,
  example: string,
  secret = false,
): EnvField<T> {
  return { schema, expected, example, secret };
}

const wholeNumber = z.string().regex(/^\d+$/).transform(Number);

export function portField(): EnvField<number> {
  return field(
    wholeNumber.pipe(z.number().int().min(1).max(65_535)),
    'an integer port 1-65535',
    '4000',
  );
}

export function integerField(options: {
  min: number;
  max?: number;
  example: string;
}): EnvField<number> {
  const { min, max, example } = options;
  const bounded =
    max === undefined ? z.number().int().min(min) : z.number().int().min(min).max(max);
  const range = max === undefined ? `>= ${min}` : `${min}-${max}`;
  return field(wholeNumber.pipe(bounded), `a whole number ${range}`, example);
}

export function durationMsField(options: { min?: number; example: string }): EnvField<number> {
  const min = options.min ?? 0;
  return field(
    wholeNumber.pipe(z.number().int().min(min)),
    `a duration in milliseconds (a whole number >= ${min})`,
    options.example,
  );
}

export function booleanField(): EnvField<boolean> {
  return field(
    z
      .string()
      .transform((raw) => raw.toLowerCase())
      .pipe(z.enum([...TRUE_WORDS, ...FALSE_WORDS]))
      .transform((word) => TRUE_WORDS.includes(word)),
    'true or false (also 1/0, yes/no, on/off)',
    'true',
  );
}

function enumField<const V extends readonly [string, ...string[]]>(
  values: V,
  example: V[number],
): EnvField<V[number]> {
  const expected =
    values.length === 2 ? `${values[0]} or ${values[1]}` : `one of ${values.join(', ')}`;
  return field(
    z
      .string()
      .transform((raw) => raw.toLowerCase())
      .pipe(z.enum(values)),
    expected,
    example,
  );
}

export function nodeEnvField(): EnvField<NodeEnv> {
  return enumField(NODE_ENVS, 'production');
}

export function logLevelField(): EnvField<LogLevel> {
  return enumField(LOG_LEVELS, 'info');
}

export function logFormatField(): EnvField<LogFormat> {
  return enumField(LOG_FORMATS, 'json');
}

export function textField(options: {
  expected: string;
  example: string;
  secret?: boolean;
}): EnvField<string> {
  return field(z.string().min(1), options.expected, options.example, options.secret ?? false);
}

/**
 * A PostgreSQL server URL (postgres:// or postgresql://). Treated as secret: it usually
 * carries a password, so errors describe the problem without echoing the value.
 */
export function postgresUrlField(): EnvField<string> {
  return field(
    z.string().transform((raw, ctx) => {
      const url = parseUrl(raw);
      if (url === undefined) {
        ctx.addIssue({ code: 'custom', message: 'not a URL' });
        return z.NEVER;
      }
      if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
        ctx.addIssue({
          code: 'custom',
          message: `scheme is ${url.protocol}// instead of postgres://`,
        });
        return z.NEVER;
      }
      if (url.hostname === '') {
        ctx.addIssue({ code: 'custom', message: 'no host' });
        return z.NEVER;
      }
      return raw;
    }),
    'a postgres:// server URL (each service puts its own database name in the path)',
    'postgres://postgres:postgres@127.0.0.1:5432',
    true,
  );
}

export function httpUrlField(example: string): EnvField<string> {
  return field(
    z.string().transform((raw, ctx) => {
      const url = parseUrl(raw);
      if (
        url === undefined ||
        (url.protocol !== 'http:' && url.protocol !== 'https:') ||
        url.hostname === ''
      ) {
        ctx.addIssue({ code: 'custom', message: '' });
        return z.NEVER;
      }
      return raw;
    }),
    'an http:// or https:// URL',
    example,
  );
}

/** `host:port,host:port` → `['host:port', 'host:port']`, each entry checked. */
export function brokersField(): EnvField<readonly string[]> {
  return field(
    z.string().transform((raw, ctx) => {
      const entries = raw.split(',').map((entry) => entry.trim());
      const problems: string[] = [];
      entries.forEach((entry) => {
        const problem = brokerProblem(entry);
        if (problem !== undefined) {
          problems.push(problem);
        }
      });
      if (problems.length > 0) {
        ctx.addIssue({ code: 'custom', message: problems.join('; ') });
        return z.NEVER;
      }
      return entries;
    }),
    'comma-separated host:port list',
    '127.0.0.1:9092',
  );
}

/** A PEM public key; literal `\n` sequences (common in .env files) become newlines. */
export function pemPublicKeyField(): EnvField<string> {
  return field(
    z.string().transform((raw, ctx) => {
      const pem = raw.replace(/\\n/g, '\n');
      if (!/-----BEGIN (RSA )?PUBLIC KEY-----[\s\S]+-----END (RSA )?PUBLIC KEY-----/.test(pem)) {
        ctx.addIssue({ code: 'custom', message: 'no -----BEGIN PUBLIC KEY----- block' });
        return z.NEVER;
      }
      return pem;
    }),
    'a PEM-encoded RSA public key',
    '"-----BEGIN PUBLIC KEY-----\\n...\\n-----END PUBLIC KEY-----"',
  );
}

function brokerProblem(entry: string): string | undefined {
  if (entry === '') {
    return 'empty entry';
  }
  const match = /^(.+):(\d+)$/.exec(entry);
  if (match === null) {
    return `"${entry}" has no :port`;
  }
  const port = Number(match[2]);
  if (port < 1 || port > 65_535) {
    return `"${entry}" has port ${port} outside 1-65535`;
  }
  return undefined;
}

function parseUrl(raw: string): URL | undefined {
  try {
    return new URL(raw);
  } catch {
    return undefined;
  }
}
