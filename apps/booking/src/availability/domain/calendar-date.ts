const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 24 * 60 * 60 * 1000;

export const WEEKDAYS = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
] as const;

export type Weekday = (typeof WEEKDAYS)[number];

/** True for a real calendar date written "YYYY-MM-DD" (2026-02-30 is not one). */
export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (match === null) {
    return false;
  }
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

/**
 * A calendar date as milliseconds of its midnight read as if it were UTC ("wall as UTC"):
 * the arithmetic base for wall-clock times on that date. Throws a RangeError for a non-date.
 */
export function wallMidnightMs(date: string): number {
  if (!isIsoDate(date)) {
    throw new RangeError(`"${date}" is not a calendar date; use YYYY-MM-DD`);
  }
  return Date.parse(`${date}T00:00:00Z`);
}

/** The calendar date `days` after `date` (negative: before). */
export function addDays(date: string, days: number): string {
  return new Date(wallMidnightMs(date) + days * DAY_MS).toISOString().slice(0, 10);
}

/** How many calendar dates lie in [from, to], both included; 0 when `to` is before `from`. */
export function datesInclusive(from: string, to: string): number {
  return Math.max(0, Math.round((wallMidnightMs(to) - wallMidnightMs(from)) / DAY_MS) + 1);
}

/** Every calendar date from `from` to `to`, both included. */
export function eachDate(from: string, to: string): string[] {
  return Array.from({ length: datesInclusive(from, to) }, (_, i) => addDays(from, i));
}

/** The weekday of a calendar date; a calendar date has one weekday in every timezone. */
export function weekdayOf(date: string): Weekday {
  const sundayFirst = new Date(wallMidnightMs(date)).getUTCDay();
  return WEEKDAYS[(sundayFirst + 6) % 7];
}
