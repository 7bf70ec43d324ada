/**
 * Calendar dates ("YYYY-MM-DD") with no time and no timezone: certification issue and
 * expiry dates, the day a therapist left. Arithmetic is done in UTC, where every day has
 * 24 hours, so it is exact whatever the host's timezone.
 */
export type CalendarDate = string;

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real date written "YYYY-MM-DD" (2026-02-30 is not one). */
export function isCalendarDate(value: string): boolean {
  const match = CALENDAR_DATE.exec(value);
  if (match === null) {
    return false;
  }
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

function toEpochDay(date: CalendarDate): number {
  if (!isCalendarDate(date)) {
    throw new RangeError(`"${date}" is not a calendar date; use YYYY-MM-DD`);
  }
  return Date.parse(`${date}T00:00:00Z`) / 86_400_000;
}

/** Whole days from `from` to `to`: 2026-01-01 → 2026-01-31 is 30; negative when `to` is earlier. */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return toEpochDay(to) - toEpochDay(from);
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  return new Date((toEpochDay(date) + days) * 86_400_000).toISOString().slice(0, 10);
}

/** The UTC calendar date of an instant (the network's "today" for certifications). */
export function utcDateOf(instant: Date): CalendarDate {
  return instant.toISOString().slice(0, 10);
}
