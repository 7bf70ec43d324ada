/**
 * `assessment`: the initial assessment, where screening happens; it never needs screening
 * clearance and is the one kind a client found `not_suitable` may still book.
 * `treatment`: everything else.
 */
export const TREATMENT_KINDS = ['assessment', 'treatment'] as const;

export type TreatmentKind = (typeof TREATMENT_KINDS)[number];

export function isTreatmentKind(value: string): value is TreatmentKind {
  return (TREATMENT_KINDS as readonly string[]).includes(value);
}
