import { DomainError, ErrorKind } from '@app/platform/errors/domain-error';

export enum ClinicErrorCode {
  ClinicNotFound = 'CLINIC_NOT_FOUND',
  InvalidClinicId = 'INVALID_CLINIC_ID',
  ClinicCodeTaken = 'CLINIC_CODE_TAKEN',
  InvalidClinicCode = 'INVALID_CLINIC_CODE',
  InvalidClinicName = 'INVALID_CLINIC_NAME',
  InvalidTimezone = 'INVALID_TIMEZONE',
  InvalidAddress = 'INVALID_ADDRESS',
  InvalidPostcode = 'INVALID_POSTCODE',
  InvalidContact = 'INVALID_CONTACT',
  EmptyClinicUpdate = 'EMPTY_CLINIC_UPDATE',
  InvalidOpeningHours = 'INVALID_OPENING_HOURS',
  InvalidHoursException = 'INVALID_HOURS_EXCEPTION',
  HoursExceptionExists = 'HOURS_EXCEPTION_EXISTS',
  HoursExceptionNotFound = 'HOURS_EXCEPTION_NOT_FOUND',
  InvalidStatusTransition = 'INVALID_STATUS_TRANSITION',
  ClinicAddressMissing = 'CLINIC_ADDRESS_MISSING',
  ClinicClosed = 'CLINIC_CLOSED',
  InvalidRoomName = 'INVALID_ROOM_NAME',
  InvalidRoomId = 'INVALID_ROOM_ID',
  RoomNameTaken = 'ROOM_NAME_TAKEN',
  RoomNotFound = 'ROOM_NOT_FOUND',
  RoomAlreadyRetired = 'ROOM_ALREADY_RETIRED',
}

function kindOf(code: ClinicErrorCode): ErrorKind {
  switch (code) {
    case ClinicErrorCode.ClinicNotFound:
    case ClinicErrorCode.HoursExceptionNotFound:
    case ClinicErrorCode.RoomNotFound:
      return 'not_found';
    case ClinicErrorCode.ClinicCodeTaken:
    case ClinicErrorCode.HoursExceptionExists:
    case ClinicErrorCode.InvalidStatusTransition:
    case ClinicErrorCode.ClinicAddressMissing:
    case ClinicErrorCode.ClinicClosed:
    case ClinicErrorCode.RoomNameTaken:
    case ClinicErrorCode.RoomAlreadyRetired:
      return 'conflict';
    case ClinicErrorCode.InvalidClinicId:
    case ClinicErrorCode.InvalidClinicCode:
    case ClinicErrorCode.InvalidClinicName:
    case ClinicErrorCode.InvalidTimezone:
    case ClinicErrorCode.InvalidAddress:
    case ClinicErrorCode.InvalidPostcode:
    case ClinicErrorCode.InvalidContact:
    case ClinicErrorCode.EmptyClinicUpdate:
    case ClinicErrorCode.InvalidOpeningHours:
    case ClinicErrorCode.InvalidHoursException:
    case ClinicErrorCode.InvalidRoomName:
    case ClinicErrorCode.InvalidRoomId:
      return 'bad_input';
    default: {
      const unreachable: never = code;
      throw new Error(`unmapped clinic error ${String(unreachable)}`);
    }
  }
}

export class ClinicError extends DomainError {
  readonly kind: ErrorKind;

  constructor(
    readonly code: ClinicErrorCode,
    message: string,
    details: Record<string, unknown> = {},
  ) {
    super(message, details);
    this.kind = kindOf(code);
  }
}
