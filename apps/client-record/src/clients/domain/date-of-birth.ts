/** The oldest age we accept for a date of birth: anything older is a typing mistake. */
export const MAX_AGE_YEARS = 120;

export type DateOfBirthProblem = 'malformed' | 'in_future' | 'too_old';

export type DateOfBirthCheck =
  | { readonly ok: true; readonly dateOfBirth: string }
  | { readonly ok: false; readonly problem: DateOfBirthProblem };

/**
 * A date of birth as YYYY-MM-DD: a real calendar date, not after `today` (UTC date,
 * YYYY-MM-DD) and not more than MAX_AGE_YEARS before it.
 */
export function checkDateOfBirth(raw: string, today: string): DateOfBirthCheck {
  const value = raw.trim();
  if (!isCalendarDate(value)) {
    return { ok: false, problem: 'malformed' };
  }
  if (value > today) {
    return { ok: false, problem: 'in_future' };
  }
  const earliest = `${String(Number(today.slice(0, 4)) - MAX_AGE_YEARS).padStart(4, '0')}${today.slice(4)}`;
  if (value < earliest) {
    return { ok: false, problem: 'too_old' };
  }
  return { ok: true, dateOfBirth: value };
}

/** True for a real YYYY-MM-DD date (no 2025-02-30). */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (match === null) {
    return false;
  }
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

/** The UTC calendar date of an instant, YYYY-MM-DD. */
export function utcDateOf(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}
