import type { EnvField } from './env-field';
import type { DefaultSource } from './variable-spec';
import { ENV_VARIABLES, type VariableName } from './variables';

type Catalogue = typeof ENV_VARIABLES;

/** The typed value of one catalogue variable after defaults: `undefined` only if it may be unset. */
export type VariableValue<K extends VariableName> = Catalogue[K] extends {
  readonly field: EnvField<infer T>;
  readonly default: infer D;
}
  ? D extends { readonly kind: 'optional' }
    ? T | undefined
    : D extends { readonly kind: 'derived'; readonly resolve: (source: DefaultSource) => string }
      ? T
      : D extends { readonly kind: 'derived' }
        ? T | undefined
        : T
  : never;

export type VariableValues<V extends VariableName> = { readonly [K in V]: VariableValue<K> };

/**
 * A check across several variables (e.g. "exactly one key source"). It runs only when each
 * of its variables parsed on its own; it returns a problem in words, or undefined.
 */
export interface ConfigRule {
  readonly variables: readonly VariableName[];
  check(values: Readonly<Partial<Record<VariableName, unknown>>>): string | undefined;
}

/** What loadConfig needs: which variables an app reads and how it shapes them into its config. */
export interface ConfigSchema<T> {
  readonly appName: string;
  readonly variables: readonly VariableName[];
  readonly rules: readonly ConfigRule[];
  build(values: Readonly<Partial<Record<VariableName, unknown>>>): T;
}

export function defineConfigSchema<const V extends readonly VariableName[], T>(definition: {
  readonly appName: string;
  readonly variables: V;
  readonly rules?: readonly ConfigRule[];
  readonly build: (values: VariableValues<V[number]>) => T;
}): ConfigSchema<T> {
  return {
    appName: definition.appName,
    variables: definition.variables,
    rules: definition.rules ?? [],
    // loadConfig calls build only after every variable in `variables` parsed with its own
    // catalogue field, so the record has exactly the shape VariableValues<V> describes.
    build: (values) => definition.build(values as VariableValues<V[number]>),
  };
}
