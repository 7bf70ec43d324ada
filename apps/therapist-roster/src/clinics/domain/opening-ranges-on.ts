import { weekdayOf } from './iso-date';
import type { ClinicSchedule, TimeRange } from './opening-hours';

/**
 * The clinic's opening ranges on a calendar date, in its wall-clock time: the dated
 * exception for that date if there is one (no ranges: closed), else the weekday's hours.
 * Throws a RangeError for something that is not a "YYYY-MM-DD" date.
 */
export function openingRangesOn(
  schedule: Pick<ClinicSchedule, 'weekly' | 'exceptions'>,
  isoDate: string,
): readonly TimeRange[] {
  const weekday = weekdayOf(isoDate);
  const exception = schedule.exceptions.find((e) => e.date === isoDate);
  return exception !== undefined ? exception.ranges : schedule.weekly[weekday];
}
