import { DomainError, ErrorKind } from '@app/platform/errors/domain-error';

export enum GdprErrorCode {
  ErasureAlreadyRequested = 'ERASURE_ALREADY_REQUESTED',
  InvalidErasureReason = 'INVALID_ERASURE_REASON',
}

function kindOf(code: GdprErrorCode): ErrorKind {
  switch (code) {
    case GdprErrorCode.ErasureAlreadyRequested:
      return 'conflict';
    case GdprErrorCode.InvalidErasureReason:
      return 'bad_input';
    default: {
      const unreachable: never = code;
      throw new Error(`unmapped gdpr error ${String(unreachable)}`);
    }
  }
}

/** A subject access or erasure request that cannot be carried out as asked. */
export class GdprError extends DomainError {
  readonly kind: ErrorKind;

  constructor(
    readonly code: GdprErrorCode,
    message: string,
    details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message, details);
    this.kind = kindOf(code);
  }
}
