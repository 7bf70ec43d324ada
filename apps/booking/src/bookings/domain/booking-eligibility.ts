import type { EligibilityStatusValue } from '@app/contracts';

export interface EligibilityInput {
  readonly treatment: {
    readonly kind: 'assessment' | 'treatment';
    readonly requiresScreeningClearance: boolean;
  };
  /** The client's projected eligibility; undefined: never screened. */
  readonly eligibility:
    { readonly status: EligibilityStatusValue; readonly validUntil: string } | undefined;
  /** Clinic-local date of the appointment, "YYYY-MM-DD". */
  readonly appointmentDate: string;
}

/**
 * Why the client may not have this treatment on that date, or undefined. `not_suitable`
 * blocks everything but an assessment; a treatment needing clearance needs `cleared`
 * valid through the appointment date.
 */
export function ineligibilityReason(input: EligibilityInput): string | undefined {
  const { treatment, eligibility, appointmentDate } = input;
  if (eligibility?.status === 'not_suitable' && treatment.kind !== 'assessment') {
    return 'not suitable: the screening found this client not suitable for treatment; only an initial assessment can be booked';
  }
  if (!treatment.requiresScreeningClearance) {
    return undefined;
  }
  if (eligibility === undefined) {
    return 'not screened: book an initial assessment first, where screening happens';
  }
  switch (eligibility.status) {
    case 'cleared':
      return eligibility.validUntil >= appointmentDate
        ? undefined
        : `lapsed: the screening is valid until ${eligibility.validUntil}, before the appointment; rescreen the client first`;
    case 'gp_clearance_required':
      return "gp clearance required: record the GP's clearance before booking this treatment";
    case 'lapsed':
      return 'lapsed: the screening has lapsed; rescreen the client first';
    case 'not_suitable':
      return 'not suitable: only an initial assessment can be booked';
    default: {
      const unreachable: never = eligibility.status;
      return String(unreachable);
    }
  }
}
