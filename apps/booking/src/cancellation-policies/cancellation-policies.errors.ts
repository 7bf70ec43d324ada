import { DomainError, ErrorKind } from '@app/platform/errors/domain-error';

export enum CancellationPolicyErrorCode {
  InvalidCancellationPolicy = 'INVALID_CANCELLATION_POLICY',
  InvalidClinicId = 'INVALID_CLINIC_ID',
  ClinicNotFound = 'CLINIC_NOT_FOUND',
}

function kindOf(code: CancellationPolicyErrorCode): ErrorKind {
  switch (code) {
    case CancellationPolicyErrorCode.InvalidCancellationPolicy:
    case CancellationPolicyErrorCode.InvalidClinicId:
      return 'bad_input';
    case CancellationPolicyErrorCode.ClinicNotFound:
      return 'not_found';
    default: {
      const unreachable: never = code;
      throw new Error(`unmapped cancellation policy error ${String(unreachable)}`);
    }
  }
}

export class CancellationPolicyError extends DomainError {
  readonly kind: ErrorKind;

  constructor(
    readonly code: CancellationPolicyErrorCode,
    message: string,
    details: Record<string, unknown> = {},
  ) {
    super(message, details);
    this.kind = kindOf(code);
  }
}
