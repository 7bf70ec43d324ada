import { DomainError, ErrorKind } from '@app/platform/errors/domain-error';

export enum AdverseEventErrorCode {
  InvalidAdverseEventId = 'INVALID_ADVERSE_EVENT_ID',
  AdverseEventNotFound = 'ADVERSE_EVENT_NOT_FOUND',
  InvalidAdverseEventType = 'INVALID_ADVERSE_EVENT_TYPE',
  DescriptionRequired = 'ADVERSE_EVENT_DESCRIPTION_REQUIRED',
  InvalidSeverity = 'INVALID_ADVERSE_EVENT_SEVERITY',
  OccurredInFuture = 'ADVERSE_EVENT_IN_FUTURE',
  InvalidDateTime = 'INVALID_DATE_TIME',
  InvalidText = 'INVALID_ADVERSE_EVENT_TEXT',
  InvalidFollowUp = 'INVALID_ADVERSE_EVENT_FOLLOW_UP',
  ClinicNotAttended = 'CLINIC_NOT_ATTENDED_BY_CLIENT',
  InvalidBookingId = 'INVALID_BOOKING_ID',
  InvalidClinicId = 'INVALID_CLINIC_ID',
  BookingOfAnotherClient = 'BOOKING_OF_ANOTHER_CLIENT',
  NotFlaggedForGovernance = 'ADVERSE_EVENT_NOT_FLAGGED',
  AlreadyReviewed = 'ADVERSE_EVENT_ALREADY_REVIEWED',
  InvalidCursor = 'INVALID_ADVERSE_EVENT_CURSOR',
  InvalidPageSize = 'INVALID_PAGE_SIZE',
}

function kindOf(code: AdverseEventErrorCode): ErrorKind {
  switch (code) {
    case AdverseEventErrorCode.AdverseEventNotFound:
      return 'not_found';
    case AdverseEventErrorCode.NotFlaggedForGovernance:
    case AdverseEventErrorCode.AlreadyReviewed:
      return 'conflict';
    case AdverseEventErrorCode.InvalidAdverseEventId:
    case AdverseEventErrorCode.InvalidAdverseEventType:
    case AdverseEventErrorCode.DescriptionRequired:
    case AdverseEventErrorCode.InvalidSeverity:
    case AdverseEventErrorCode.OccurredInFuture:
    case AdverseEventErrorCode.InvalidDateTime:
    case AdverseEventErrorCode.InvalidText:
    case AdverseEventErrorCode.InvalidFollowUp:
    case AdverseEventErrorCode.ClinicNotAttended:
    case AdverseEventErrorCode.InvalidBookingId:
    case AdverseEventErrorCode.InvalidClinicId:
    case AdverseEventErrorCode.BookingOfAnotherClient:
    case AdverseEventErrorCode.InvalidCursor:
    case AdverseEventErrorCode.InvalidPageSize:
      return 'bad_input';
    default: {
      const unreachable: never = code;
      throw new Error(`unmapped adverse event error ${String(unreachable)}`);
    }
  }
}

export class AdverseEventError extends DomainError {
  readonly kind: ErrorKind;

  constructor(
    readonly code: AdverseEventErrorCode,
    message: string,
    details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message, details);
    this.kind = kindOf(code);
  }
}
