/** A broken rule found by a domain check: the input field at fault and what to fix. */
export interface Problem {
  readonly field: string;
  readonly message: string;
}

/** The outcome of a check that also normalises its input. */
export type Checked<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: Problem };

export function valid<T>(value: T): Checked<T> {
  return { ok: true, value };
}

export function invalid<T>(field: string, message: string): Checked<T> {
  return { ok: false, problem: { field, message } };
}
