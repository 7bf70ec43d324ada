/** Types the network uses today; others may be recorded (snake_case), e.g. "dry_needling". */
export const KNOWN_CERTIFICATION_TYPES = [
  'hcpc_registration',
  'pnf_level_1',
  'pnf_level_2',
  'first_aid',
  'chronic_pain_cpd',
] as const;

const SNAKE_CASE = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;

/** Trims and lower-cases; undefined unless the result is snake_case of at most 50 characters. */
export function normaliseCertificationType(raw: string): string | undefined {
  const type = raw.trim().toLowerCase();
  return type.length <= 50 && SNAKE_CASE.test(type) ? type : undefined;
}
