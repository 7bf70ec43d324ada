import { ConfigError, type ConfigIssue } from './config-error';
import type { ConfigSchema } from './config-schema';
import type { DefaultSource, VariableSpec } from './variable-spec';
import { ENV_VARIABLES, isVariableName, type VariableName } from './variables';

export type EnvSource = Readonly<Record<string, string | undefined>>;

type ReadResult =
  { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly problem: string };

const MAX_SHOWN_LENGTH = 80;

/**
 * Validates the environment once, at boot: every variable the schema reads is parsed with
 * its catalogue field (defaults applied), then cross-variable rules run. Returns the app's
 * typed, deeply frozen config, or throws a ConfigError naming EVERY bad variable.
 */
export function loadConfig<T>(schema: ConfigSchema<T>, env: EnvSource = process.env): T {
  const source = defaultSource(schema.appName, env);
  const values: Partial<Record<VariableName, unknown>> = {};
  const failed = new Set<VariableName>();
  const issues: ConfigIssue[] = [];

  for (const name of schema.variables) {
    if (!isVariableName(name)) {
      throw new Error(
        `${schema.appName} reads ${String(name)}, which is missing from libs/config/src/variables.ts: add it there.`,
      );
    }
    const result = readVariable(name, env, source);
    if (result.ok) {
      values[name] = result.value;
    } else {
      failed.add(name);
      issues.push({ variables: [name], problem: result.problem });
    }
  }

  for (const rule of schema.rules) {
    if (rule.variables.some((name) => failed.has(name))) {
      continue;
    }
    const problem = rule.check(values);
    if (problem !== undefined) {
      issues.push({ variables: rule.variables, problem });
    }
  }

  if (issues.length > 0) {
    throw new ConfigError(schema.appName, issues);
  }
  return deepFreeze(schema.build(values));
}

/**
 * loadConfig for a main.ts: on bad configuration, prints the ConfigError message (without a
 * stack trace) to stderr and exits with status 1.
 */
export function loadConfigOrExit<T>(schema: ConfigSchema<T>, env: EnvSource = process.env): T {
  try {
    return loadConfig(schema, env);
  } catch (error: unknown) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

function readVariable(name: VariableName, env: EnvSource, source: DefaultSource): ReadResult {
  const spec: VariableSpec = ENV_VARIABLES[name];
  const { field } = spec;
  let raw = clean(env[name]);
  let defaultNote = '';
  if (raw === undefined) {
    const fallback = spec.default;
    switch (fallback.kind) {
      case 'required':
        return { ok: false, problem: `required (${field.expected}), e.g. ${field.example}` };
      case 'optional':
        return { ok: true, value: undefined };
      case 'value':
        raw = fallback.value;
        defaultNote = `; this is the default, set ${name} explicitly`;
        break;
      case 'derived':
        raw = fallback.resolve(source);
        if (raw === undefined) {
          return { ok: true, value: undefined };
        }
        defaultNote = `; this is the default (${fallback.describe}): fix the variables it comes from or set ${name}`;
        break;
      default: {
        const unhandled: never = fallback;
        throw new Error(`unknown default kind: ${JSON.stringify(unhandled)}`);
      }
    }
  }

  const parsed = field.schema.safeParse(raw);
  if (parsed.success) {
    return { ok: true, value: parsed.data };
  }
  const details = parsed.error.issues
    .filter((issue) => issue.code === 'custom' && issue.message !== '')
    .map((issue) => issue.message);
  const detail = details.length > 0 ? ` (${details.join('; ')})` : '';
  return {
    ok: false,
    problem: `expected ${field.expected}, got ${show(raw, field.secret)}${detail}${defaultNote}`,
  };
}

/** Raw lookups for derived defaults: the env value, else the variable's own default. */
function defaultSource(appName: string, env: EnvSource): DefaultSource {
  const resolving = new Set<string>();
  const source: DefaultSource = {
    appName,
    raw(name: string): string | undefined {
      const own = clean(env[name]);
      if (own !== undefined || !isVariableName(name) || resolving.has(name)) {
        return own;
      }
      const fallback = ENV_VARIABLES[name].default;
      switch (fallback.kind) {
        case 'required':
        case 'optional':
          return undefined;
        case 'value':
          return fallback.value;
        case 'derived':
          resolving.add(name);
          try {
            return fallback.resolve(source);
          } finally {
            resolving.delete(name);
          }
        default: {
          const unhandled: never = fallback;
          throw new Error(`unknown default kind: ${JSON.stringify(unhandled)}`);
        }
      }
    },
  };
  return source;
}

/** Unset, empty and blank all mean "not set" (compose files often pass `FOO=`). */
function clean(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}

function show(raw: string, secret: boolean): string {
  if (secret) {
    return `a ${raw.length}-character value (not shown: it may hold a password)`;
  }
  const clipped = raw.length > MAX_SHOWN_LENGTH ? `${raw.slice(0, MAX_SHOWN_LENGTH - 3)}...` : raw;
  return JSON.stringify(clipped);
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) {
      deepFreeze(child);
    }
  }
  return value;
}
