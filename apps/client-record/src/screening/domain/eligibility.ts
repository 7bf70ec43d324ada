import type { CalendarDate } from './calendar-date';
import { hasLapsed, validUntil } from './screening-lapse';
import type { EligibilityCause, EligibilityStatus } from './screening-terms';

/** One eligibility decision as stored (append-only; the latest one counts). */
export interface EligibilityDecision {
  readonly id: string;
  readonly clientId: string;
  readonly screeningId: string;
  readonly status: EligibilityStatus;
  readonly cause: EligibilityCause;
  /** Clinical reasons (red-flag rules, override reason, GP clearance): clinical:read only. */
  readonly reasons: readonly string[];
  readonly decidedAt: Date;
  readonly decidedBy: string;
  readonly decidedByRole: string;
  readonly overrideReason: string | null;
  readonly gpClearedOn: CalendarDate | null;
  readonly gpName: string | null;
  readonly gpPractice: string | null;
  readonly note: string | null;
}

/** A client's eligibility as it stands today. */
export interface CurrentEligibility {
  readonly clientId: string;
  readonly screeningId: string | null;
  readonly status: EligibilityStatus | 'not_screened';
  readonly cause: EligibilityCause | null;
  readonly validUntil: CalendarDate | null;
  readonly decidedAt: Date | null;
  readonly reasons: readonly string[];
}

/**
 * Eligibility at read time: the latest decision, unless its screening has lapsed by `today`
 * (then `lapsed`, whether or not the lapse job has run yet). No decision: `not_screened`.
 */
export function currentEligibility(
  clientId: string,
  latest: { readonly decision: EligibilityDecision; readonly screenedOn: CalendarDate } | undefined,
  today: CalendarDate,
): CurrentEligibility {
  if (latest === undefined) {
    return {
      clientId,
      screeningId: null,
      status: 'not_screened',
      cause: null,
      validUntil: null,
      decidedAt: null,
      reasons: [],
    };
  }
  const { decision, screenedOn } = latest;
  const lapsedNow = decision.status !== 'lapsed' && hasLapsed(screenedOn, today);
  return {
    clientId,
    screeningId: decision.screeningId,
    status: lapsedNow ? 'lapsed' : decision.status,
    cause: lapsedNow ? 'lapse' : decision.cause,
    validUntil: validUntil(screenedOn),
    decidedAt: decision.decidedAt,
    reasons: lapsedNow ? [lapseReason(screenedOn)] : decision.reasons,
  };
}

export function lapseReason(screenedOn: CalendarDate): string {
  return `Screening of ${screenedOn} lapsed after 12 months (valid until ${validUntil(screenedOn)}); screen the client again before treatment.`;
}
