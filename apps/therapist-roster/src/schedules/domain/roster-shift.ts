import type { Weekday } from '../../clinics/domain/opening-hours';

/** A concrete shift on a date: wall-clock times in the clinic's zone and UTC instants. */
export interface RosterShift {
  readonly patternShiftId: string;
  readonly therapistId: string;
  readonly clinicId: string;
  readonly timezone: string;
  /** The clinic-local calendar date the shift belongs to. */
  readonly date: string;
  readonly weekday: Weekday;
  /** Wall-clock start as the clinic's clocks show it, "HH:MM". */
  readonly localStart: string;
  /** Wall-clock end, "HH:MM"; "24:00" for midnight at the end of `date`. */
  readonly localEnd: string;
  readonly startsAt: Date;
  readonly endsAt: Date;
}
