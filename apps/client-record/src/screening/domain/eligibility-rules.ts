import { RED_FLAG_RULES } from './red-flag-rules';
import type { RedFlag, ScreeningOutcome } from './screening-terms';

export interface ScreeningVerdict {
  readonly status: ScreeningOutcome;
  /** One reason per red flag, in the order the flags were given; empty when cleared. */
  readonly reasons: readonly string[];
}

const SEVERITY: Readonly<Record<ScreeningOutcome, number>> = {
  cleared: 0,
  gp_clearance_required: 1,
  not_suitable: 2,
};

/** The worse of two outcomes. */
export function worseOutcome(a: ScreeningOutcome, b: ScreeningOutcome): ScreeningOutcome {
  return SEVERITY[b] > SEVERITY[a] ? b : a;
}

/**
 * The eligibility a screening's red flags give: no red flag is `cleared`; otherwise the
 * worst outcome of the flags' rules wins, and every flag's reason is listed.
 */
export function eligibilityForRedFlags(redFlags: readonly RedFlag[]): ScreeningVerdict {
  const unique = [...new Set(redFlags)];
  return unique.reduce<ScreeningVerdict>(
    (verdict, flag) => {
      const rule = RED_FLAG_RULES[flag];
      return {
        status: worseOutcome(verdict.status, rule.outcome),
        reasons: [...verdict.reasons, rule.reason],
      };
    },
    { status: 'cleared', reasons: [] },
  );
}
