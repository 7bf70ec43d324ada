import { WEEKDAYS, Weekday } from './opening-hours';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

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

/** The weekday of a calendar date; a calendar date has one weekday in every timezone. */
export function weekdayOf(isoDate: string): Weekday {
  if (!isIsoDate(isoDate)) {
    throw new RangeError(`"${isoDate}" is not a calendar date; use YYYY-MM-DD`);
  }
  const sundayFirst = new Date(`${isoDate}T00:00:00Z`).getUTCDay();
  const weekday = WEEKDAYS[(sundayFirst + 6) % 7];
  if (weekday === undefined) {
    throw new RangeError(`no weekday for ${isoDate}`);
  }
  return weekday;
}
