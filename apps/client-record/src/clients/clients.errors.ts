import { DomainError, ErrorKind } from '@app/platform/errors/domain-error';

export enum ClientErrorCode {
  InvalidClinicId = 'INVALID_CLINIC_ID',
  ClinicNotFound = 'CLINIC_NOT_FOUND',
  ClinicClosed = 'CLINIC_CLOSED',
  InvalidName = 'INVALID_NAME',
  InvalidDateOfBirth = 'INVALID_DATE_OF_BIRTH',
  DateOfBirthInFuture = 'DATE_OF_BIRTH_IN_FUTURE',
  InvalidEmail = 'INVALID_EMAIL',
  InvalidPhone = 'INVALID_PHONE',
  ContactRequired = 'CONTACT_REQUIRED',
  InvalidPostcode = 'INVALID_POSTCODE',
  InvalidAddress = 'INVALID_ADDRESS',
  InvalidGpPractice = 'INVALID_GP_PRACTICE',
  InvalidEmergencyContact = 'INVALID_EMERGENCY_CONTACT',
  LikelyDuplicate = 'CLIENT_LIKELY_DUPLICATE',
  AlreadyRegistered = 'CLIENT_ALREADY_REGISTERED',
  AlreadyAttends = 'CLIENT_ALREADY_ATTENDS_CLINIC',
  NoChanges = 'NO_CHANGES',
  InvalidSearch = 'INVALID_SEARCH',
  InvalidCursor = 'INVALID_CURSOR',
  InvalidPageSize = 'INVALID_PAGE_SIZE',
  InvalidIdentityProof = 'INVALID_IDENTITY_PROOF',
  IdentityProofRequired = 'CLIENT_IDENTITY_PROOF_REQUIRED',
  IdentityMismatch = 'CLIENT_IDENTITY_MISMATCH',
}

function kindOf(code: ClientErrorCode): ErrorKind {
  switch (code) {
    case ClientErrorCode.ClinicNotFound:
      return 'not_found';
    case ClientErrorCode.ClinicClosed:
    case ClientErrorCode.LikelyDuplicate:
    case ClientErrorCode.AlreadyRegistered:
    case ClientErrorCode.AlreadyAttends:
      return 'conflict';
    case ClientErrorCode.InvalidClinicId:
    case ClientErrorCode.InvalidName:
    case ClientErrorCode.InvalidDateOfBirth:
    case ClientErrorCode.DateOfBirthInFuture:
    case ClientErrorCode.InvalidEmail:
    case ClientErrorCode.InvalidPhone:
    case ClientErrorCode.ContactRequired:
    case ClientErrorCode.InvalidPostcode:
    case ClientErrorCode.InvalidAddress:
    case ClientErrorCode.InvalidGpPractice:
    case ClientErrorCode.InvalidEmergencyContact:
    case ClientErrorCode.NoChanges:
    case ClientErrorCode.InvalidSearch:
    case ClientErrorCode.InvalidCursor:
    case ClientErrorCode.InvalidPageSize:
    case ClientErrorCode.InvalidIdentityProof:
      return 'bad_input';
    case ClientErrorCode.IdentityProofRequired:
    case ClientErrorCode.IdentityMismatch:
      return 'forbidden';
    default: {
      const unreachable: never = code;
      throw new Error(`unmapped client error ${String(unreachable)}`);
    }
  }
}

export class ClientError extends DomainError {
  readonly kind: ErrorKind;

  constructor(
    readonly code: ClientErrorCode,
    message: string,
    details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message, details);
    this.kind = kindOf(code);
  }
}
