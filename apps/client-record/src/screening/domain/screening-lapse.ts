import { addDays, addMonthsClamped, CalendarDate } from './calendar-date';

/** A screening counts for 12 months. */
export const SCREENING_VALID_MONTHS = 12;

/**
 * The first day a screening no longer counts: 12 calendar months after the day it was done
 * (clamped to the month's last day, so 2024-02-29 lapses on 2025-02-28: never more than 12
 * months of validity).
 */
export function lapsesOn(screenedOn: CalendarDate): CalendarDate {
  return addMonthsClamped(screenedOn, SCREENING_VALID_MONTHS);
}

/** The last day (included) a screening counts: the day before it lapses. */
export function validUntil(screenedOn: CalendarDate): CalendarDate {
  return addDays(lapsesOn(screenedOn), -1);
}

/** True from the lapse day on. Dates compare as strings in YYYY-MM-DD. */
export function hasLapsed(screenedOn: CalendarDate, today: CalendarDate): boolean {
  return today >= lapsesOn(screenedOn);
}
