import { DomainError, ErrorKind } from '@app/platform/errors/domain-error';

export enum TherapistErrorCode {
  TherapistNotFound = 'THERAPIST_NOT_FOUND',
  InvalidTherapistId = 'INVALID_THERAPIST_ID',
  InvalidClinicId = 'INVALID_CLINIC_ID',
  InvalidName = 'INVALID_NAME',
  InvalidEmail = 'INVALID_EMAIL',
  InvalidPhone = 'INVALID_PHONE',
  HcpcNumberRequired = 'HCPC_NUMBER_REQUIRED',
  InvalidHcpcNumber = 'INVALID_HCPC_NUMBER',
  DuplicateHcpcNumber = 'DUPLICATE_HCPC_NUMBER',
  ClinicRequired = 'CLINIC_REQUIRED',
  ClinicClosed = 'CLINIC_CLOSED',
  AlreadyAssigned = 'THERAPIST_ALREADY_ASSIGNED',
  NotAssigned = 'THERAPIST_NOT_ASSIGNED',
  LastClinic = 'LAST_CLINIC',
  TherapistHasLeft = 'THERAPIST_HAS_LEFT',
  InvalidStatusChange = 'INVALID_STATUS_CHANGE',
  NoChanges = 'NO_CHANGES',
  InvalidDate = 'INVALID_DATE',
  InvalidCursor = 'INVALID_CURSOR',
  InvalidPageSize = 'INVALID_PAGE_SIZE',
}

function kindOf(code: TherapistErrorCode): ErrorKind {
  switch (code) {
    case TherapistErrorCode.TherapistNotFound:
      return 'not_found';
    case TherapistErrorCode.DuplicateHcpcNumber:
    case TherapistErrorCode.ClinicClosed:
    case TherapistErrorCode.AlreadyAssigned:
    case TherapistErrorCode.NotAssigned:
    case TherapistErrorCode.LastClinic:
    case TherapistErrorCode.TherapistHasLeft:
      return 'conflict';
    case TherapistErrorCode.InvalidTherapistId:
    case TherapistErrorCode.InvalidClinicId:
    case TherapistErrorCode.InvalidName:
    case TherapistErrorCode.InvalidEmail:
    case TherapistErrorCode.InvalidPhone:
    case TherapistErrorCode.HcpcNumberRequired:
    case TherapistErrorCode.InvalidHcpcNumber:
    case TherapistErrorCode.ClinicRequired:
    case TherapistErrorCode.InvalidStatusChange:
    case TherapistErrorCode.NoChanges:
    case TherapistErrorCode.InvalidDate:
    case TherapistErrorCode.InvalidCursor:
    case TherapistErrorCode.InvalidPageSize:
      return 'bad_input';
    default: {
      const unreachable: never = code;
      throw new Error(`unmapped therapist error ${String(unreachable)}`);
    }
  }
}

export class TherapistError extends DomainError {
  readonly kind: ErrorKind;

  constructor(
    readonly code: TherapistErrorCode,
    message: string,
    details: Record<string, unknown> = {},
  ) {
    super(message, details);
    this.kind = kindOf(code);
  }
}
