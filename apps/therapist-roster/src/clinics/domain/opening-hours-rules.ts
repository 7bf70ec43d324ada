import { endMinutes, startMinutes } from './local-time';
import { isIsoDate } from './iso-date';
import { HoursException, TimeRange, WEEKDAYS, Weekday, WeeklyHours } from './opening-hours';
import { Checked, invalid, valid } from './problem';

const MAX_RANGES_PER_DAY = 6;
const MAX_REASON_LENGTH = 120;

/** A clinic that has not set its hours yet is closed every day. */
export const CLOSED_ALL_WEEK: WeeklyHours = Object.freeze({
  monday: [],
  tuesday: [],
  wednesday: [],
  thursday: [],
  friday: [],
  saturday: [],
  sunday: [],
});

/**
 * Checks one day's ranges: "HH:MM" times, start before end, no two ranges overlapping
 * (touching is fine: ranges are half-open). Returns them sorted by start.
 */
export function checkDayRanges(
  ranges: readonly TimeRange[],
  day: string,
  field: string,
): Checked<readonly TimeRange[]> {
  if (ranges.length > MAX_RANGES_PER_DAY) {
    return invalid(field, `${day} has ${ranges.length} ranges; give at most ${MAX_RANGES_PER_DAY}`);
  }
  const parsed: { range: TimeRange; start: number; end: number }[] = [];
  for (const range of ranges) {
    const start = startMinutes(range.start);
    if (start === undefined) {
      return invalid(
        field,
        `${day}: start "${range.start}" is not a time; use HH:MM on the 24-hour clock, e.g. 09:00`,
      );
    }
    const end = endMinutes(range.end);
    if (end === undefined) {
      return invalid(
        field,
        `${day}: end "${range.end}" is not a time; use HH:MM on the 24-hour clock from 00:01 to 24:00, e.g. 17:30`,
      );
    }
    if (start >= end) {
      return invalid(
        field,
        `${day}: ${range.start}–${range.end} ends before it starts; the start must be before the end`,
      );
    }
    parsed.push({ range: { start: range.start, end: range.end }, start, end });
  }
  parsed.sort((a, b) => a.start - b.start);
  for (let i = 1; i < parsed.length; i += 1) {
    const previous = parsed[i - 1];
    const current = parsed[i];
    if (previous !== undefined && current !== undefined && current.start < previous.end) {
      return invalid(
        field,
        `${day}: ${previous.range.start}–${previous.range.end} overlaps ${current.range.start}–${current.range.end}; ranges in one day must not overlap`,
      );
    }
  }
  return valid(parsed.map((p) => p.range));
}

/** Checks every weekday's ranges; a day with no ranges is a closed day. */
export function checkWeeklyHours(weekly: WeeklyHours): Checked<WeeklyHours> {
  const checked: Partial<Record<Weekday, readonly TimeRange[]>> = {};
  for (const day of WEEKDAYS) {
    const result = checkDayRanges(weekly[day], day, `openingHours.${day}`);
    if (!result.ok) {
      return result;
    }
    checked[day] = result.value;
  }
  return valid({ ...CLOSED_ALL_WEEK, ...checked });
}

/** Checks one dated exception: a real date, a reason, and valid ranges (none: closed). */
export function checkHoursException(exception: HoursException): Checked<HoursException> {
  if (!isIsoDate(exception.date)) {
    return invalid(
      'date',
      `"${exception.date}" is not a calendar date; use YYYY-MM-DD, e.g. 2026-12-25`,
    );
  }
  const reason = exception.reason.trim().replace(/\s+/g, ' ');
  if (reason.length === 0 || reason.length > MAX_REASON_LENGTH) {
    return invalid(
      'reason',
      `give a reason of 1–${MAX_REASON_LENGTH} characters for the exception on ${exception.date}, e.g. "Christmas Day"`,
    );
  }
  const ranges = checkDayRanges(exception.ranges, exception.date, 'ranges');
  if (!ranges.ok) {
    return ranges;
  }
  return valid({ date: exception.date, ranges: ranges.value, reason });
}

/** Checks a list of exceptions: each valid, one per date. Returns them sorted by date. */
export function checkHoursExceptions(
  exceptions: readonly HoursException[],
): Checked<readonly HoursException[]> {
  const checked: HoursException[] = [];
  for (const exception of exceptions) {
    const result = checkHoursException(exception);
    if (!result.ok) {
      return result;
    }
    if (checked.some((e) => e.date === result.value.date)) {
      return invalid(
        'hoursExceptions',
        `${result.value.date} has more than one exception; give one exception per date`,
      );
    }
    checked.push(result.value);
  }
  return valid(sortByDate(checked));
}

export function sortByDate(exceptions: readonly HoursException[]): HoursException[] {
  return [...exceptions].sort((a, b) => a.date.localeCompare(b.date));
}

/** "09:00–13:00, 14:00–18:00", or "closed". */
export function describeRanges(ranges: readonly TimeRange[]): string {
  return ranges.length === 0 ? 'closed' : ranges.map((r) => `${r.start}–${r.end}`).join(', ');
}
