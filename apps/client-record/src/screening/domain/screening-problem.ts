import type { ScreeningErrorCode } from '../screening.errors';

/** A broken screening rule found by a pure check: code, the field at fault, what to fix. */
export interface ScreeningProblem {
  readonly code: ScreeningErrorCode;
  readonly field: string;
  readonly message: string;
}

export type Checked<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly problem: ScreeningProblem };
