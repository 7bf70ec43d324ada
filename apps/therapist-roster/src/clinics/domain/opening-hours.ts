/**
 * Clinic opening hours, in wall-clock time of the clinic's IANA timezone. Shared by the
 * clinics context (which owns and validates them) and the schedules context (shifts must
 * lie inside them). Plain data: no Nest, no TypeORM.
 */
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

/** "HH:MM", 24-hour, 00:00–23:59; an end of "24:00" means midnight at the end of the day. */
export type LocalTime = string;

/** A half-open wall-clock range [start, end) within one day; start < end. */
export interface TimeRange {
  readonly start: LocalTime;
  readonly end: LocalTime;
}

/** Several ranges a day are allowed (e.g. a lunch closure); an empty list is a closed day. */
export type WeeklyHours = Readonly<Record<Weekday, readonly TimeRange[]>>;

/** A dated exception: a bank holiday (no ranges: closed) or special hours on one date. */
export interface HoursException {
  /** ISO calendar date in the clinic's timezone, e.g. "2026-12-25". */
  readonly date: string;
  readonly ranges: readonly TimeRange[];
  readonly reason: string;
}

export interface ClinicSchedule {
  readonly clinicId: string;
  readonly timezone: string;
  readonly weekly: WeeklyHours;
  readonly exceptions: readonly HoursException[];
}
