/**
 * Calendar dates ("YYYY-MM-DD") with no time and no timezone: the day a client was
 * screened, the day a screening lapses. Arithmetic in UTC, exact whatever the host's zone.
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

function parts(date: CalendarDate): [number, number, number] {
  const match = CALENDAR_DATE.exec(date);
  if (match === null || !isCalendarDate(date)) {
    throw new RangeError(`"${date}" is not a calendar date; use YYYY-MM-DD`);
  }
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

function format(utc: Date): CalendarDate {
  return utc.toISOString().slice(0, 10);
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  const [year, month, day] = parts(date);
  return format(new Date(Date.UTC(year, month - 1, day + days)));
}

/**
 * The same day `months` later; when that month is shorter, its last day (29 Feb + 12
 * months is 28 Feb, 31 Aug + 6 months is 28 or 29 Feb): never past the calendar month.
 */
export function addMonthsClamped(date: CalendarDate, months: number): CalendarDate {
  const [year, month, day] = parts(date);
  const lastDay = new Date(Date.UTC(year, month - 1 + months + 1, 0)).getUTCDate();
  return format(new Date(Date.UTC(year, month - 1 + months, Math.min(day, lastDay))));
}

/** The UTC calendar date of an instant (the network's "today" for lapses). */
export function utcDateOf(instant: Date): CalendarDate {
  return format(instant);
}
