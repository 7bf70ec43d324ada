import { DomainError, ErrorKind } from '@app/platform/errors/domain-error';

export enum AuditTrailErrorCode {
  InvalidFilter = 'INVALID_AUDIT_FILTER',
  InvalidCursor = 'INVALID_AUDIT_CURSOR',
  InvalidPageSize = 'INVALID_PAGE_SIZE',
}

function kindOf(code: AuditTrailErrorCode): ErrorKind {
  switch (code) {
    case AuditTrailErrorCode.InvalidFilter:
    case AuditTrailErrorCode.InvalidCursor:
    case AuditTrailErrorCode.InvalidPageSize:
      return 'bad_input';
    default: {
      const unreachable: never = code;
      throw new Error(`unmapped audit trail error ${String(unreachable)}`);
    }
  }
}

export class AuditTrailError extends DomainError {
  readonly kind: ErrorKind;

  constructor(
    readonly code: AuditTrailErrorCode,
    message: string,
    details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message, details);
    this.kind = kindOf(code);
  }
}
