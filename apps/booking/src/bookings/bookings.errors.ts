import { DomainError, ErrorKind } from '@app/platform/errors/domain-error';

export enum BookingErrorCode {
  BookingNotFound = 'BOOKING_NOT_FOUND',
  InvalidBookingId = 'INVALID_BOOKING_ID',
  InvalidBookingInput = 'INVALID_BOOKING_INPUT',
  InvalidIdempotencyKey = 'INVALID_IDEMPOTENCY_KEY',
  IdempotencyKeyReused = 'IDEMPOTENCY_KEY_REUSED',
  ClinicNotFound = 'CLINIC_NOT_FOUND',
  TherapistNotFound = 'THERAPIST_NOT_FOUND',
  RoomNotFound = 'ROOM_NOT_FOUND',
  TreatmentNotFound = 'TREATMENT_NOT_FOUND',
  TreatmentNotOffered = 'TREATMENT_NOT_OFFERED',
  TreatmentNotSelfBookable = 'TREATMENT_NOT_SELF_BOOKABLE',
  StartInPast = 'START_IN_PAST',
  OffSlotGrid = 'OFF_SLOT_GRID',
  SlotNotBookable = 'SLOT_NOT_BOOKABLE',
  SlotUnavailable = 'SLOT_UNAVAILABLE',
  TherapistNotCertified = 'THERAPIST_NOT_CERTIFIED',
  ClientNotEligible = 'CLIENT_NOT_ELIGIBLE',
  ClientErased = 'CLIENT_ERASED',
  InvalidBookingTransition = 'INVALID_BOOKING_TRANSITION',
  HoldExpired = 'HOLD_EXPIRED',
  NoShowBeforeStart = 'NO_SHOW_BEFORE_START',
  InvalidDateRange = 'INVALID_DATE_RANGE',
  DiaryTooLarge = 'DIARY_TOO_LARGE',
}

function kindOf(code: BookingErrorCode): ErrorKind {
  switch (code) {
    case BookingErrorCode.BookingNotFound:
    case BookingErrorCode.ClinicNotFound:
    case BookingErrorCode.TherapistNotFound:
    case BookingErrorCode.RoomNotFound:
    case BookingErrorCode.TreatmentNotFound:
      return 'not_found';
    case BookingErrorCode.IdempotencyKeyReused:
    case BookingErrorCode.SlotUnavailable:
    case BookingErrorCode.InvalidBookingTransition:
    case BookingErrorCode.HoldExpired:
    case BookingErrorCode.ClientNotEligible:
    case BookingErrorCode.ClientErased:
    case BookingErrorCode.TherapistNotCertified:
    case BookingErrorCode.NoShowBeforeStart:
      return 'conflict';
    case BookingErrorCode.InvalidBookingId:
    case BookingErrorCode.InvalidBookingInput:
    case BookingErrorCode.InvalidIdempotencyKey:
    case BookingErrorCode.TreatmentNotOffered:
    case BookingErrorCode.TreatmentNotSelfBookable:
    case BookingErrorCode.StartInPast:
    case BookingErrorCode.OffSlotGrid:
    case BookingErrorCode.SlotNotBookable:
    case BookingErrorCode.InvalidDateRange:
    case BookingErrorCode.DiaryTooLarge:
      return 'bad_input';
    default: {
      const unreachable: never = code;
      throw new Error(`unmapped booking error ${String(unreachable)}`);
    }
  }
}

export class BookingError extends DomainError {
  readonly kind: ErrorKind;

  constructor(
    readonly code: BookingErrorCode,
    message: string,
    details: Record<string, unknown> = {},
  ) {
    super(message, details);
    this.kind = kindOf(code);
  }
}
