import { DomainError, ErrorKind } from '@app/platform/errors/domain-error';

export enum CatalogueErrorCode {
  TreatmentNotFound = 'TREATMENT_NOT_FOUND',
  TreatmentNotOffered = 'TREATMENT_NOT_OFFERED',
  ClinicNotFound = 'CLINIC_NOT_FOUND',
  DuplicateTreatmentCode = 'DUPLICATE_TREATMENT_CODE',
  TreatmentRetired = 'TREATMENT_RETIRED',
  InvalidTreatmentId = 'INVALID_TREATMENT_ID',
  InvalidClinicId = 'INVALID_CLINIC_ID',
  InvalidTreatmentCode = 'INVALID_TREATMENT_CODE',
  InvalidTreatmentName = 'INVALID_TREATMENT_NAME',
  InvalidDuration = 'INVALID_DURATION',
  InvalidBuffer = 'INVALID_BUFFER',
  InvalidPrice = 'INVALID_PRICE',
  UnknownCertificationType = 'UNKNOWN_CERTIFICATION_TYPE',
  AssessmentRequiresClearance = 'ASSESSMENT_REQUIRES_CLEARANCE',
  NoChanges = 'NO_CHANGES',
}

function kindOf(code: CatalogueErrorCode): ErrorKind {
  switch (code) {
    case CatalogueErrorCode.TreatmentNotFound:
    case CatalogueErrorCode.ClinicNotFound:
      return 'not_found';
    case CatalogueErrorCode.DuplicateTreatmentCode:
    case CatalogueErrorCode.TreatmentRetired:
    case CatalogueErrorCode.TreatmentNotOffered:
      return 'conflict';
    case CatalogueErrorCode.InvalidTreatmentId:
    case CatalogueErrorCode.InvalidClinicId:
    case CatalogueErrorCode.InvalidTreatmentCode:
    case CatalogueErrorCode.InvalidTreatmentName:
    case CatalogueErrorCode.InvalidDuration:
    case CatalogueErrorCode.InvalidBuffer:
    case CatalogueErrorCode.InvalidPrice:
    case CatalogueErrorCode.UnknownCertificationType:
    case CatalogueErrorCode.AssessmentRequiresClearance:
    case CatalogueErrorCode.NoChanges:
      return 'bad_input';
    default: {
      const unreachable: never = code;
      throw new Error(`unmapped catalogue error ${String(unreachable)}`);
    }
  }
}

export class CatalogueError extends DomainError {
  readonly kind: ErrorKind;

  constructor(
    readonly code: CatalogueErrorCode,
    message: string,
    details: Record<string, unknown> = {},
  ) {
    super(message, details);
    this.kind = kindOf(code);
  }
}
