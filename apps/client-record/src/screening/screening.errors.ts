import { DomainError, ErrorKind } from '@app/platform/errors/domain-error';

export enum ScreeningErrorCode {
  InvalidPainScore = 'INVALID_PAIN_SCORE',
  InvalidScreeningDate = 'INVALID_SCREENING_DATE',
  ConditionsRequired = 'CONDITIONS_REQUIRED',
  InvalidOtherCondition = 'INVALID_OTHER_CONDITION',
  InvalidMedications = 'INVALID_MEDICATIONS',
  InvalidClinic = 'INVALID_CLINIC',
  OverrideReasonRequired = 'OVERRIDE_REASON_REQUIRED',
  InvalidGpClearance = 'INVALID_GP_CLEARANCE',
  InvalidScreeningId = 'INVALID_SCREENING_ID',
  ScreeningNotFound = 'SCREENING_NOT_FOUND',
  ScreeningRequired = 'SCREENING_REQUIRED',
  GpClearanceNotApplicable = 'GP_CLEARANCE_NOT_APPLICABLE',
}

function kindOf(code: ScreeningErrorCode): ErrorKind {
  switch (code) {
    case ScreeningErrorCode.InvalidPainScore:
    case ScreeningErrorCode.InvalidScreeningDate:
    case ScreeningErrorCode.ConditionsRequired:
    case ScreeningErrorCode.InvalidOtherCondition:
    case ScreeningErrorCode.InvalidMedications:
    case ScreeningErrorCode.InvalidClinic:
    case ScreeningErrorCode.OverrideReasonRequired:
    case ScreeningErrorCode.InvalidGpClearance:
    case ScreeningErrorCode.InvalidScreeningId:
      return 'bad_input';
    case ScreeningErrorCode.ScreeningNotFound:
      return 'not_found';
    case ScreeningErrorCode.ScreeningRequired:
    case ScreeningErrorCode.GpClearanceNotApplicable:
      return 'conflict';
    default: {
      const unreachable: never = code;
      throw new Error(`unmapped screening error ${String(unreachable)}`);
    }
  }
}

/** Bad screening input, or a screening, override or GP clearance that does not apply. */
export class ScreeningError extends DomainError {
  readonly kind: ErrorKind;

  constructor(
    readonly code: ScreeningErrorCode,
    message: string,
    details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message, details);
    this.kind = kindOf(code);
  }
}
