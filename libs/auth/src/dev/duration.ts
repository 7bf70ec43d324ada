const UNIT_SECONDS = { s: 1, m: 60, h: 3_600, d: 86_400 } as const;

/**
 * Parses a short duration such as `90s`, `15m`, `8h` or `7d` (a bare number means seconds)
 * into whole seconds. Returns `undefined` when the text is not such a duration.
 */
export function parseDurationSeconds(text: string): number | undefined {
  const match = /^(\d{1,7})([smhd]?)$/.exec(text.trim());
  if (match === null) {
    return undefined;
  }
  const [, amount = '0', unit = ''] = match;
  const factor = unit === '' ? 1 : UNIT_SECONDS[unit as keyof typeof UNIT_SECONDS];
  return Number(amount) * factor;
}
