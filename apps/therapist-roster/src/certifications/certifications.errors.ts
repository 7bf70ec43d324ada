import { DomainError, ErrorKind } from '@app/platform/errors/domain-error';

export enum CertificationErrorCode {
  CertificationNotFound = 'CERTIFICATION_NOT_FOUND',
  InvalidCertificationId = 'INVALID_CERTIFICATION_ID',
  InvalidCertificationType = 'INVALID_CERTIFICATION_TYPE',
  InvalidDate = 'INVALID_DATE',
  ExpiryBeforeIssue = 'EXPIRY_BEFORE_ISSUE',
  InvalidEvidenceReference = 'INVALID_EVIDENCE_REFERENCE',
  InvalidRevocationReason = 'INVALID_REVOCATION_REASON',
  AlreadyVerified = 'CERTIFICATION_ALREADY_VERIFIED',
  AlreadyRevoked = 'CERTIFICATION_ALREADY_REVOKED',
  CertificationRevoked = 'CERTIFICATION_REVOKED',
}

function kindOf(code: CertificationErrorCode): ErrorKind {
  switch (code) {
    case CertificationErrorCode.CertificationNotFound:
      return 'not_found';
    case CertificationErrorCode.AlreadyVerified:
    case CertificationErrorCode.AlreadyRevoked:
    case CertificationErrorCode.CertificationRevoked:
      return 'conflict';
    case CertificationErrorCode.InvalidCertificationId:
    case CertificationErrorCode.InvalidCertificationType:
    case CertificationErrorCode.InvalidDate:
    case CertificationErrorCode.ExpiryBeforeIssue:
    case CertificationErrorCode.InvalidEvidenceReference:
    case CertificationErrorCode.InvalidRevocationReason:
      return 'bad_input';
    default: {
      const unreachable: never = code;
      throw new Error(`unmapped certification error ${String(unreachable)}`);
    }
  }
}

export class CertificationError extends DomainError {
  readonly kind: ErrorKind;

  constructor(
    readonly code: CertificationErrorCode,
    message: string,
    details: Record<string, unknown> = {},
  ) {
    super(message, details);
    this.kind = kindOf(code);
  }
}
