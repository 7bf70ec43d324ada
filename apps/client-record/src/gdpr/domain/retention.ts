import { ageOn, anniversary, CalendarDate } from './calendar-date';

/** Adults' clinical records are kept this many years after the last treatment. */
export const ADULT_RETENTION_YEARS = 8;
/** Children's records are kept until this birthday ... */
export const CHILD_RETENTION_BIRTHDAY = 25;
/** ... or this one if they were 17 when treatment ended. */
export const SEVENTEEN_AT_END_RETENTION_BIRTHDAY = 26;
/** The age from which the adult rule applies. */
export const ADULT_AGE = 18;

export interface RetentionFacts {
  /** The client's date of birth, when the record still has it. */
  readonly dateOfBirth: CalendarDate | null;
  /** The last day the client was treated, or null when they never were. */
  readonly lastTreatmentOn: CalendarDate | null;
  /** The day the erasure was requested. */
  readonly erasedOn: CalendarDate;
}

/** Which rule set the retention date, for the erasure record and the README. */
export type RetentionRule =
  'never_treated' | 'adult' | 'child_25th_birthday' | 'child_26th_birthday' | 'unknown_age';

export interface Retention {
  /** The clinical records are purged on (or after) this day. */
  readonly retainUntil: CalendarDate;
  readonly rule: RetentionRule;
}

/**
 * How long the clinical records of an erased client are kept (UK NHS Records Management
 * Code of Practice, "adult health records" and "children's records"):
 *
 * - adults (18 or over on the last day of treatment): 8 years after the last treatment;
 * - children (under 18 then): until their 25th birthday, or their 26th if they were 17 when
 *   treatment ended. That is always more than 8 years after the last treatment (a
 *   16-year-old's 25th birthday is over 8 years away, as is a 17-year-old's 26th), so a
 *   child's record is never kept for less time than an adult's. The Code's alternative
 *   "or 8 years after death" needs a date of death, which this service never holds;
 * - never treated: nothing clinical to keep, so the records go at the next purge run
 *   (the retention date is the day of the erasure request);
 * - no date of birth on record: the adult rule (the age cannot be known).
 *
 * Birthdays and anniversaries of 29 February fall on 1 March in common years.
 */
export function retentionOf(facts: RetentionFacts): Retention {
  const { dateOfBirth, lastTreatmentOn, erasedOn } = facts;
  if (lastTreatmentOn === null) {
    return { retainUntil: erasedOn, rule: 'never_treated' };
  }
  const eightYearsOn = anniversary(lastTreatmentOn, ADULT_RETENTION_YEARS);
  if (dateOfBirth === null) {
    return { retainUntil: eightYearsOn, rule: 'unknown_age' };
  }
  const ageAtEnd = ageOn(dateOfBirth, lastTreatmentOn);
  if (ageAtEnd >= ADULT_AGE) {
    return { retainUntil: eightYearsOn, rule: 'adult' };
  }
  const seventeen = ageAtEnd === ADULT_AGE - 1;
  const birthday = anniversary(
    dateOfBirth,
    seventeen ? SEVENTEEN_AT_END_RETENTION_BIRTHDAY : CHILD_RETENTION_BIRTHDAY,
  );
  return {
    retainUntil: birthday,
    rule: seventeen ? 'child_26th_birthday' : 'child_25th_birthday',
  };
}

/** The latest of the dates given, or null when there is none. */
export function latestDate(dates: readonly (CalendarDate | null)[]): CalendarDate | null {
  let latest: CalendarDate | null = null;
  for (const date of dates) {
    if (date !== null && (latest === null || date > latest)) {
      latest = date;
    }
  }
  return latest;
}

/** True when the records of an erasure retained until `retainUntil` are due on `today`. */
export function isPurgeDue(retainUntil: CalendarDate, today: CalendarDate): boolean {
  return retainUntil <= today;
}
