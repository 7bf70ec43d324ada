/**
 * Calendar dates ("YYYY-MM-DD") with no time and no timezone, as the retention rules use
 * them. Arithmetic is done in UTC, where every day has 24 hours.
 */
export type CalendarDate = string;

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

interface DateParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

function partsOf(value: string): DateParts | undefined {
  const match = CALENDAR_DATE.exec(value);
  if (match === null) {
    return undefined;
  }
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  const real =
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return real ? { year, month, day } : undefined;
}

/** True for a real date written "YYYY-MM-DD" (2026-02-30 is not one). */
export function isCalendarDate(value: string): boolean {
  return partsOf(value) !== undefined;
}

function requireParts(value: CalendarDate): DateParts {
  const parts = partsOf(value);
  if (parts === undefined) {
    throw new RangeError(`"${value}" is not a calendar date; use YYYY-MM-DD`);
  }
  return parts;
}

function format(year: number, month: number, day: number): CalendarDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * The date `years` years after `date`. The anniversary of 29 February in a year without
 * one is 1 March: in England and Wales a person born on 29 February attains an age on
 * 1 March of a common year, and for retention that errs on keeping a record one day
 * longer rather than one day shorter.
 */
export function anniversary(date: CalendarDate, years: number): CalendarDate {
  const { year, month, day } = requireParts(date);
  const target = year + years;
  if (month === 2 && day === 29 && !isLeapYear(target)) {
    return format(target, 3, 1);
  }
  return format(target, month, day);
}

/** Whole years of age on `on` for someone born on `born` (0 before the first birthday). */
export function ageOn(born: CalendarDate, on: CalendarDate): number {
  const birth = requireParts(born);
  const day = requireParts(on);
  let age = day.year - birth.year;
  if (anniversary(born, age) > on) {
    age -= 1;
  }
  return age;
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  requireParts(date);
  const epochDay = Date.parse(`${date}T00:00:00Z`) / 86_400_000 + days;
  return new Date(epochDay * 86_400_000).toISOString().slice(0, 10);
}

/** The UTC calendar date of an instant. */
export function utcDateOf(instant: Date): CalendarDate {
  return instant.toISOString().slice(0, 10);
}
