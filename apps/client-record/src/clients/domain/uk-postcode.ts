/**
 * A UK postcode in its standard form ("LS1 4AP", "SW1A 1AA"), or undefined if `raw` is not
 * one. Accepts any case and spacing. The same rule as therapist-roster's clinic addresses
 * (copied: services share contracts, not domain code). Outward code: area letters (not Q,
 * V, X first; not I, J, Z second), district digits and an optional letter; inward code: a
 * digit and two letters (not C, I, K, M, O, V).
 */
export function normaliseUkPostcode(raw: string): string | undefined {
  const compact = raw.replace(/\s+/g, '').toUpperCase();
  if (compact === 'GIR0AA') {
    return 'GIR 0AA';
  }
  const match =
    /^([A-PR-UWYZ](?:[0-9][0-9]?|[A-HK-Y][0-9][0-9]?|[0-9][A-HJKPS-UW]|[A-HK-Y][0-9][ABEHMNPRV-Y]))([0-9][ABD-HJLNP-UW-Z]{2})$/.exec(
      compact,
    );
  return match === null ? undefined : `${match[1]} ${match[2]}`;
}
