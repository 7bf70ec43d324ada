import { DomainError, ErrorKind } from '@app/platform/errors/domain-error';

export enum OutcomeErrorCode {
  InvalidClinicId = 'INVALID_CLINIC_ID',
  InvalidCondition = 'INVALID_CONDITION',
}

function kindOf(code: OutcomeErrorCode): ErrorKind {
  switch (code) {
    case OutcomeErrorCode.InvalidClinicId:
    case OutcomeErrorCode.InvalidCondition:
      return 'bad_input';
    default: {
      const unreachable: never = code;
      throw new Error(`unmapped outcome error ${String(unreachable)}`);
    }
  }
}

export class OutcomeError extends DomainError {
  readonly kind: ErrorKind;

  constructor(
    readonly code: OutcomeErrorCode,
    message: string,
    details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message, details);
    this.kind = kindOf(code);
  }
}
