import { DomainError, ErrorKind } from '@app/platform/errors/domain-error';

export enum ScheduleErrorCode {
  InvalidId = 'INVALID_ID',
  InvalidDate = 'INVALID_DATE',
  InvalidDateRange = 'INVALID_DATE_RANGE',
  RosterRangeTooLong = 'ROSTER_RANGE_TOO_LONG',
  InvalidShiftTime = 'INVALID_SHIFT_TIME',
  ShiftEndBeforeStart = 'SHIFT_END_BEFORE_START',
  ShiftOutsideOpeningHours = 'SHIFT_OUTSIDE_OPENING_HOURS',
  ShiftOverlap = 'SHIFT_OVERLAP',
  TherapistNotAtClinic = 'THERAPIST_NOT_AT_CLINIC',
  TherapistHasLeft = 'THERAPIST_HAS_LEFT',
  ClinicNotSchedulable = 'CLINIC_NOT_SCHEDULABLE',
  InvalidTimeOffPeriod = 'INVALID_TIME_OFF_PERIOD',
  TimeOffNotFound = 'TIME_OFF_NOT_FOUND',
  TimeOffTransitionNotAllowed = 'TIME_OFF_TRANSITION_NOT_ALLOWED',
}

function kindOf(code: ScheduleErrorCode): ErrorKind {
  switch (code) {
    case ScheduleErrorCode.TimeOffNotFound:
      return 'not_found';
    case ScheduleErrorCode.ShiftOverlap:
    case ScheduleErrorCode.TherapistHasLeft:
    case ScheduleErrorCode.ClinicNotSchedulable:
    case ScheduleErrorCode.TimeOffTransitionNotAllowed:
      return 'conflict';
    case ScheduleErrorCode.InvalidId:
    case ScheduleErrorCode.InvalidDate:
    case ScheduleErrorCode.InvalidDateRange:
    case ScheduleErrorCode.RosterRangeTooLong:
    case ScheduleErrorCode.InvalidShiftTime:
    case ScheduleErrorCode.ShiftEndBeforeStart:
    case ScheduleErrorCode.ShiftOutsideOpeningHours:
    case ScheduleErrorCode.TherapistNotAtClinic:
    case ScheduleErrorCode.InvalidTimeOffPeriod:
      return 'bad_input';
    default: {
      const unreachable: never = code;
      throw new Error(`unmapped schedule error ${String(unreachable)}`);
    }
  }
}

/** A broken scheduling rule or a missing thing; the message says what to fix. */
export class ScheduleError extends DomainError {
  readonly kind: ErrorKind;

  constructor(
    readonly code: ScheduleErrorCode,
    message: string,
    details: Record<string, unknown> = {},
  ) {
    super(message, details);
    this.kind = kindOf(code);
  }
}
