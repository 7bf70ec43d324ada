import { DomainError, ErrorKind } from '@app/platform/errors/domain-error';

export enum SeriesErrorCode {
  InvalidSeriesInput = 'INVALID_SERIES_INPUT',
  SeriesNotFound = 'SERIES_NOT_FOUND',
  CarePlanNotFound = 'CARE_PLAN_NOT_FOUND',
  CarePlanNotActive = 'CARE_PLAN_NOT_ACTIVE',
  /** Some wanted dates could not be placed; nothing was written (extensions.unplaced). */
  SeriesDatesUnavailable = 'SERIES_DATES_UNAVAILABLE',
  /** Lost to concurrent bookings several times over (deadlock/serialization); nothing was written: try again. */
  SeriesConflict = 'SERIES_CONFLICT',
}

function kindOf(code: SeriesErrorCode): ErrorKind {
  switch (code) {
    case SeriesErrorCode.SeriesNotFound:
    case SeriesErrorCode.CarePlanNotFound:
      return 'not_found';
    case SeriesErrorCode.CarePlanNotActive:
    case SeriesErrorCode.SeriesDatesUnavailable:
    case SeriesErrorCode.SeriesConflict:
      return 'conflict';
    case SeriesErrorCode.InvalidSeriesInput:
      return 'bad_input';
    default: {
      const unreachable: never = code;
      throw new Error(`unmapped series error ${String(unreachable)}`);
    }
  }
}

export class SeriesError extends DomainError {
  readonly kind: ErrorKind;

  constructor(
    readonly code: SeriesErrorCode,
    message: string,
    details: Record<string, unknown> = {},
  ) {
    super(message, details);
    this.kind = kindOf(code);
  }
}
