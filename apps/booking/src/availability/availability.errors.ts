import { DomainError, ErrorKind } from '@app/platform/errors/domain-error';
import { AvailabilityErrorCode } from './domain/availability-error';

/** Errors of an availability search beyond the core's own (`AvailabilityErrorCode`). */
export enum AvailabilitySearchErrorCode {
  ClinicNotFound = 'CLINIC_NOT_FOUND',
  TreatmentNotFound = 'TREATMENT_NOT_FOUND',
  TreatmentNotOffered = 'TREATMENT_NOT_OFFERED',
  TreatmentNotSelfBookable = 'TREATMENT_NOT_SELF_BOOKABLE',
  InvalidTherapistId = 'INVALID_THERAPIST_ID',
}

/** Every code an availability search can answer with (FORBIDDEN comes as ForbiddenError). */
export type AvailabilityServiceErrorCode = AvailabilitySearchErrorCode | AvailabilityErrorCode;

function kindOf(code: AvailabilitySearchErrorCode): ErrorKind {
  switch (code) {
    case AvailabilitySearchErrorCode.ClinicNotFound:
    case AvailabilitySearchErrorCode.TreatmentNotFound:
      return 'not_found';
    case AvailabilitySearchErrorCode.TreatmentNotOffered:
    case AvailabilitySearchErrorCode.InvalidTherapistId:
      return 'bad_input';
    case AvailabilitySearchErrorCode.TreatmentNotSelfBookable:
      return 'forbidden';
    default: {
      const unreachable: never = code;
      throw new Error(`unmapped availability search error ${String(unreachable)}`);
    }
  }
}

/** A search that cannot be answered; the message says what to do instead. */
export class AvailabilitySearchError extends DomainError {
  readonly kind: ErrorKind;

  constructor(
    readonly code: AvailabilitySearchErrorCode,
    message: string,
    details: Record<string, unknown> = {},
  ) {
    super(message, details);
    this.kind = kindOf(code);
  }
}
