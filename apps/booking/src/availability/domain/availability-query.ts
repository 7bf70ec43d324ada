import type { Weekday } from './calendar-date';
import type { WallTime, WallTimeRange } from './wall-time';

/**
 * Everything an availability search needs, as plain values. The shapes follow the roster
 * events (`clinic.hours_changed`, `working_pattern.changed`, `time_off.approved`,
 * `certification.*`) so a repository fills them from booking's projections with a handful of
 * flat queries: one clinic row, its rooms, the therapists with their shifts at this clinic,
 * their time off and certifications, and the busy periods overlapping the range.
 */
export interface AvailabilityQuery {
  readonly clinic: AvailabilityClinic;
  /** The clinic's rooms; retired (inactive) ones are never offered. */
  readonly rooms: readonly AvailabilityRoom[];
  readonly treatment: AvailabilityTreatment;
  /** Therapists who may work at this clinic (the repository leaves out those who left). */
  readonly therapists: readonly AvailabilityTherapist[];
  /**
   * Time already taken: every slot-holding booking (held, confirmed, checked in, ...) of the
   * listed therapists AT ANY CLINIC and of this clinic's rooms that overlaps the range, and
   * any other blocks (a room out of use). Each period INCLUDES the booking's buffer after.
   */
  readonly busy: readonly BusyPeriod[];
  /** Clinic-local calendar dates, both included; at most 31 dates. */
  readonly range: { readonly fromDate: string; readonly toDate: string };
  /** Only this therapist's slots. */
  readonly therapistId?: string;
  /** The current instant; a slot starts no earlier than now + minimum notice. */
  readonly now: Date;
  /** Default 120. */
  readonly minimumNoticeMinutes?: number;
  /** Minutes between slot starts on the clinic's wall clock; divides 60. Default 15. */
  readonly slotGridMinutes?: number;
}

/** A clinic's hours, as carried by `clinic.hours_changed`. */
export interface AvailabilityClinic {
  /** IANA name, e.g. "Europe/London". */
  readonly timezone: string;
  /** Wall-clock opening ranges per weekday; an empty list is a closed day. */
  readonly weeklyHours: Readonly<Record<Weekday, readonly WallTimeRange[]>>;
  /** Hours on a date that REPLACE the weekday's; no ranges: closed (e.g. a bank holiday). */
  readonly hoursExceptions: readonly AvailabilityHoursException[];
}

export interface AvailabilityHoursException {
  /** Clinic-local date "YYYY-MM-DD". */
  readonly date: string;
  readonly ranges: readonly WallTimeRange[];
}

export interface AvailabilityRoom {
  readonly id: string;
  /** False for a retired room. */
  readonly active: boolean;
}

/** What availability needs of a catalogue treatment (a `Treatment` fits as it is). */
export interface AvailabilityTreatment {
  readonly id: string;
  readonly durationMinutes: number;
  /** Time after the treatment when the therapist and the room stay busy. */
  readonly bufferAfterMinutes: number;
  /** Certification types the therapist must hold, all of them, on the appointment date. */
  readonly requiredCertifications: readonly string[];
}

export interface AvailabilityTherapist {
  readonly id: string;
  /** The therapist's working-pattern shifts AT THIS CLINIC (`working_pattern.changed`). */
  readonly shifts: readonly AvailabilityShift[];
  /** Approved time off (`time_off.approved`, less cancelled), at every clinic. */
  readonly timeOff: readonly UtcPeriod[];
  readonly certifications: readonly AvailabilityCertification[];
  /** First clinic-local date they may not be booked (`therapist.left`); null while they stay. */
  readonly leftOn: string | null;
}

/** One weekly shift in the clinic's wall-clock time. */
export interface AvailabilityShift {
  readonly weekday: Weekday;
  /** "HH:MM", 00:00–23:59. */
  readonly start: WallTime;
  /** "HH:MM", 00:01–24:00. */
  readonly end: WallTime;
  /** First clinic-local date the shift applies. */
  readonly effectiveFrom: string;
  /** Last clinic-local date it applies, included; null: until further notice. */
  readonly effectiveTo: string | null;
}

/** A half-open span of real time [startsAt, endsAt). */
export interface UtcPeriod {
  readonly startsAt: Date;
  readonly endsAt: Date;
}

/**
 * A certification as the roster events describe it. Its `status` in those events is as of
 * the day the event was written, so availability decides from the dates instead.
 */
export interface AvailabilityCertification {
  /** e.g. "pnf_level_1". */
  readonly type: string;
  /** First date it counts. */
  readonly issuedOn: string;
  /** First date it no longer counts; null: does not expire. */
  readonly expiresOn: string | null;
  /** First date it no longer counts after a revocation (`certification.revoked`). */
  readonly revokedOn: string | null;
  /** Only a certification head office has verified counts. */
  readonly verified: boolean;
}

/** Time a therapist and/or a room is taken, buffer included. */
export interface BusyPeriod extends UtcPeriod {
  /** Null: the period blocks only the room (e.g. a room out of use). */
  readonly therapistId: string | null;
  /** Null: the period blocks only the therapist. */
  readonly roomId: string | null;
}
