import { DomainError, ErrorKind } from '@app/platform/errors/domain-error';

/** Errors of the reactions' queries (FORBIDDEN comes as ForbiddenError). */
export enum ReactionsErrorCode {
  InvalidClinicId = 'INVALID_CLINIC_ID',
}

function kindOf(code: ReactionsErrorCode): ErrorKind {
  switch (code) {
    case ReactionsErrorCode.InvalidClinicId:
      return 'bad_input';
    default: {
      const unreachable: never = code;
      throw new Error(`unmapped reactions error ${String(unreachable)}`);
    }
  }
}

export class ReactionsError extends DomainError {
  readonly kind: ErrorKind;

  constructor(
    readonly code: ReactionsErrorCode,
    message: string,
    details: Record<string, unknown> = {},
  ) {
    super(message, details);
    this.kind = kindOf(code);
  }
}
