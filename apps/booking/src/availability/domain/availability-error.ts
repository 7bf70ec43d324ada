import { DomainError, ErrorKind } from '@app/platform/errors/domain-error';

export enum AvailabilityErrorCode {
  DateRangeTooLong = 'DATE_RANGE_TOO_LONG',
  InvalidDateRange = 'INVALID_DATE_RANGE',
  InvalidTimezone = 'INVALID_TIMEZONE',
  InvalidSlotGrid = 'INVALID_SLOT_GRID',
  InvalidMinimumNotice = 'INVALID_MINIMUM_NOTICE',
  InvalidTreatmentTiming = 'INVALID_TREATMENT_TIMING',
}

function kindOf(code: AvailabilityErrorCode): ErrorKind {
  switch (code) {
    case AvailabilityErrorCode.DateRangeTooLong:
    case AvailabilityErrorCode.InvalidDateRange:
    case AvailabilityErrorCode.InvalidTimezone:
    case AvailabilityErrorCode.InvalidSlotGrid:
    case AvailabilityErrorCode.InvalidMinimumNotice:
    case AvailabilityErrorCode.InvalidTreatmentTiming:
      return 'bad_input';
    default: {
      const unreachable: never = code;
      throw new Error(`unmapped availability error ${String(unreachable)}`);
    }
  }
}

/** An availability search that cannot run as asked; the message says what to change. */
export class AvailabilityError extends DomainError {
  readonly kind: ErrorKind;

  constructor(
    readonly code: AvailabilityErrorCode,
    message: string,
    details: Record<string, unknown> = {},
  ) {
    super(message, details);
    this.kind = kindOf(code);
  }
}
