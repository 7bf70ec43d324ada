import { DomainError, ErrorKind } from '@app/platform/errors/domain-error';

export enum SessionRecordErrorCode {
  InvalidBookingId = 'INVALID_BOOKING_ID',
  InvalidSessionRecordId = 'INVALID_SESSION_RECORD_ID',
  BookingNotFound = 'BOOKING_NOT_FOUND',
  BookingNotTreatable = 'BOOKING_NOT_TREATABLE',
  BookingNotStarted = 'BOOKING_NOT_STARTED',
  SessionRecordNotFound = 'SESSION_RECORD_NOT_FOUND',
  SessionAlreadyRecorded = 'SESSION_ALREADY_RECORDED',
  SessionNotRecorded = 'SESSION_NOT_RECORDED',
  InvalidPainScore = 'INVALID_PAIN_SCORE',
  InvalidRangeOfMotion = 'INVALID_RANGE_OF_MOTION',
  InvalidTechnique = 'INVALID_TECHNIQUE',
  InvalidNotes = 'INVALID_NOTES',
  AmendmentReasonRequired = 'AMENDMENT_REASON_REQUIRED',
}

function kindOf(code: SessionRecordErrorCode): ErrorKind {
  switch (code) {
    case SessionRecordErrorCode.BookingNotFound:
    case SessionRecordErrorCode.SessionRecordNotFound:
      return 'not_found';
    case SessionRecordErrorCode.BookingNotTreatable:
    case SessionRecordErrorCode.BookingNotStarted:
    case SessionRecordErrorCode.SessionAlreadyRecorded:
    case SessionRecordErrorCode.SessionNotRecorded:
      return 'conflict';
    case SessionRecordErrorCode.InvalidBookingId:
    case SessionRecordErrorCode.InvalidSessionRecordId:
    case SessionRecordErrorCode.InvalidPainScore:
    case SessionRecordErrorCode.InvalidRangeOfMotion:
    case SessionRecordErrorCode.InvalidTechnique:
    case SessionRecordErrorCode.InvalidNotes:
    case SessionRecordErrorCode.AmendmentReasonRequired:
      return 'bad_input';
    default: {
      const unreachable: never = code;
      throw new Error(`unmapped session record error ${String(unreachable)}`);
    }
  }
}

export class SessionRecordError extends DomainError {
  readonly kind: ErrorKind;

  constructor(
    readonly code: SessionRecordErrorCode,
    message: string,
    details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message, details);
    this.kind = kindOf(code);
  }
}
