import type { AppName } from './app-names';
import type { EnvField } from './env-field';

/** Who reads a variable: an app, the infrastructure scripts (`infra/`), or the test setup. */
export type ConfigReader = AppName | 'infra' | 'tests';

/** Raw values a derived default may look at: the env value, else that variable's own default. */
export interface DefaultSource {
  readonly appName: string;
  raw(name: string): string | undefined;
}

export type VariableDefault =
  /** Must be set; the app refuses to start without it. */
  | { readonly kind: 'required' }
  /** May be left unset; the app then goes without it. */
  | { readonly kind: 'optional' }
  /** A fixed default, written as the raw string an operator would set. */
  | { readonly kind: 'value'; readonly value: string }
  /** Computed from other variables or the app; `describe` is what the README shows. */
  | {
      readonly kind: 'derived';
      readonly describe: string;
      readonly resolve: (source: DefaultSource) => string | undefined;
    };

/** One row of the catalogue of environment variables. */
export interface VariableSpec<T = unknown> {
  readonly field: EnvField<T>;
  readonly default: VariableDefault;
  readonly description: string;
  readonly readBy: readonly ConfigReader[];
}
