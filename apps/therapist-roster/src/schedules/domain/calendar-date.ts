import { isIsoDate } from '../../clinics/domain/iso-date';

const DAY_MS = 24 * 60 * 60 * 1000;

function toUtcMs(date: string): number {
  if (!isIsoDate(date)) {
    throw new RangeError(`"${date}" is not a calendar date; use YYYY-MM-DD`);
  }
  return Date.parse(`${date}T00:00:00Z`);
}

/** The calendar date `days` after `date` (negative: before). */
export function addDays(date: string, days: number): string {
  return new Date(toUtcMs(date) + days * DAY_MS).toISOString().slice(0, 10);
}

/** How many calendar dates lie in [from, to], both included; 0 when `to` is before `from`. */
export function datesInclusive(from: string, to: string): number {
  return Math.max(0, Math.round((toUtcMs(to) - toUtcMs(from)) / DAY_MS) + 1);
}

/** Every calendar date from `from` to `to`, both included. */
export function eachDate(from: string, to: string): string[] {
  const count = datesInclusive(from, to);
  return Array.from({ length: count }, (_, i) => addDays(from, i));
}

/** True when two inclusive date periods share a date; a missing end runs for ever. */
export function periodsOverlap(
  a: { readonly from: string; readonly to: string | null },
  b: { readonly from: string; readonly to: string | null },
): boolean {
  return (a.to === null || b.from <= a.to) && (b.to === null || a.from <= b.to);
}
