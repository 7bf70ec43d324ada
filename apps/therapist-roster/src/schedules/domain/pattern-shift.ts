import type { LocalTime, Weekday } from '../../clinics/domain/opening-hours';

/** One weekly shift of a therapist's working pattern, in the clinic's wall-clock time. */
export interface PatternShift {
  readonly id: string;
  readonly therapistId: string;
  readonly clinicId: string;
  readonly weekday: Weekday;
  /** "HH:MM", 00:00–23:59. */
  readonly start: LocalTime;
  /** "HH:MM", 00:01–24:00; after `start`. */
  readonly end: LocalTime;
  /** First calendar date (clinic-local) the shift applies. */
  readonly effectiveFrom: string;
  /** Last calendar date it applies, included; null: until further notice. */
  readonly effectiveTo: string | null;
}

/** Labels used in messages, so they name people and places rather than ids. */
export interface ShiftLabels {
  readonly therapist: string;
  readonly clinic: string;
}
