/** A pragmatic email check: one @, a dotted domain, no spaces. Lower-cased. */
export function normaliseEmail(raw: string): string | undefined {
  const value = raw.trim().toLowerCase();
  return value.length <= 254 && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value) ? value : undefined;
}

/**
 * A phone number as people write it: digits with spaces, dashes, brackets and an optional
 * leading +, 7–15 digits (E.164 allows 15). Kept as written, trimmed.
 */
export function normalisePhone(raw: string): string | undefined {
  const value = raw.trim().replace(/\s+/g, ' ');
  if (!/^\+?[\d ()-]+$/.test(value)) {
    return undefined;
  }
  const digits = value.replace(/\D/g, '').length;
  return digits >= 7 && digits <= 15 ? value : undefined;
}
