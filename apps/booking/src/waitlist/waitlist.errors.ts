import { DomainError, ErrorKind } from '@app/platform/errors/domain-error';

export enum WaitlistErrorCode {
  WaitlistEntryNotFound = 'WAITLIST_ENTRY_NOT_FOUND',
  InvalidWaitlistInput = 'INVALID_WAITLIST_INPUT',
  InvalidWaitlistWindow = 'INVALID_WAITLIST_WINDOW',
  WaitlistWindowInPast = 'WAITLIST_WINDOW_IN_PAST',
  ClinicNotFound = 'CLINIC_NOT_FOUND',
  TherapistNotFound = 'THERAPIST_NOT_FOUND',
  TreatmentNotFound = 'TREATMENT_NOT_FOUND',
  TreatmentNotOffered = 'TREATMENT_NOT_OFFERED',
  TreatmentNotSelfBookable = 'TREATMENT_NOT_SELF_BOOKABLE',
  ClientNotEligible = 'CLIENT_NOT_ELIGIBLE',
  ClientErased = 'CLIENT_ERASED',
  AlreadyOnWaitlist = 'ALREADY_ON_WAITLIST',
  WaitlistEntryClosed = 'WAITLIST_ENTRY_CLOSED',
}

function kindOf(code: WaitlistErrorCode): ErrorKind {
  switch (code) {
    case WaitlistErrorCode.WaitlistEntryNotFound:
    case WaitlistErrorCode.ClinicNotFound:
    case WaitlistErrorCode.TherapistNotFound:
    case WaitlistErrorCode.TreatmentNotFound:
      return 'not_found';
    case WaitlistErrorCode.ClientNotEligible:
    case WaitlistErrorCode.ClientErased:
    case WaitlistErrorCode.AlreadyOnWaitlist:
    case WaitlistErrorCode.WaitlistEntryClosed:
      return 'conflict';
    case WaitlistErrorCode.InvalidWaitlistInput:
    case WaitlistErrorCode.InvalidWaitlistWindow:
    case WaitlistErrorCode.WaitlistWindowInPast:
    case WaitlistErrorCode.TreatmentNotOffered:
    case WaitlistErrorCode.TreatmentNotSelfBookable:
      return 'bad_input';
    default: {
      const unreachable: never = code;
      throw new Error(`unmapped waitlist error ${String(unreachable)}`);
    }
  }
}

export class WaitlistError extends DomainError {
  readonly kind: ErrorKind;

  constructor(
    readonly code: WaitlistErrorCode,
    message: string,
    details: Record<string, unknown> = {},
  ) {
    super(message, details);
    this.kind = kindOf(code);
  }
}
