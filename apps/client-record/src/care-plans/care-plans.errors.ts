import { DomainError, ErrorKind } from '@app/platform/errors/domain-error';

export enum CarePlanErrorCode {
  InvalidCarePlanId = 'INVALID_CARE_PLAN_ID',
  CarePlanNotFound = 'CARE_PLAN_NOT_FOUND',
  InvalidCarePlan = 'INVALID_CARE_PLAN',
  InvalidCondition = 'INVALID_CONDITION',
  InvalidFrequency = 'INVALID_FREQUENCY',
  InvalidDate = 'INVALID_DATE',
  InvalidClinic = 'INVALID_CLINIC',
  CarePlanClosed = 'CARE_PLAN_CLOSED',
}

function kindOf(code: CarePlanErrorCode): ErrorKind {
  switch (code) {
    case CarePlanErrorCode.CarePlanNotFound:
      return 'not_found';
    case CarePlanErrorCode.CarePlanClosed:
      return 'conflict';
    case CarePlanErrorCode.InvalidCarePlanId:
    case CarePlanErrorCode.InvalidCarePlan:
    case CarePlanErrorCode.InvalidCondition:
    case CarePlanErrorCode.InvalidFrequency:
    case CarePlanErrorCode.InvalidDate:
    case CarePlanErrorCode.InvalidClinic:
      return 'bad_input';
    default: {
      const unreachable: never = code;
      throw new Error(`unmapped care plan error ${String(unreachable)}`);
    }
  }
}

export class CarePlanError extends DomainError {
  readonly kind: ErrorKind;

  constructor(
    readonly code: CarePlanErrorCode,
    message: string,
    details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message, details);
    this.kind = kindOf(code);
  }
}
