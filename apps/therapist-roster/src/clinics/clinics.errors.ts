import { DomainError, ErrorKind } from '@app/platform/errors/domain-error';

export enum ClinicErrorCode {
  ClinicNotFound = 'CLINIC_NOT_FOUND',
  InvalidClinicId = 'INVALID_CLINIC_ID',
  ClinicCodeTaken = 'CLINIC_CODE_TAKEN',
  InvalidClinicCode = 'INVALID_CLINIC_CODE',
  InvalidTimezone = 'INVALID_TIMEZONE',
}

function kindOf(code: ClinicErrorCode): ErrorKind {
  switch (code) {
    case ClinicErrorCode.ClinicNotFound:
      return 'not_found';
    case ClinicErrorCode.ClinicCodeTaken:
      return 'conflict';
    case ClinicErrorCode.InvalidClinicId:
    case ClinicErrorCode.InvalidClinicCode:
    case ClinicErrorCode.InvalidTimezone:
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
