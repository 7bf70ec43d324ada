import type { CancelledBy } from './booking-status';

const HOUR_MS = 3_600_000;

/** A clinic's late-cancellation policy: what share of the price a late cancellation costs. */
export interface CancellationPolicy {
  /** Percentage of the booking's price charged for a late cancellation (0–100, whole). */
  readonly lateFeePercent: number;
  /** A cancellation strictly under this many real hours before the start is late (1–72, whole). */
  readonly lateWindowHours: number;
}

/** The network's policy, for every clinic that has not set its own: 24 hours, 50%. */
export const NETWORK_CANCELLATION_POLICY: CancellationPolicy = Object.freeze({
  lateFeePercent: 50,
  lateWindowHours: 24,
});

export const LATE_FEE_PERCENT_RANGE = { min: 0, max: 100 } as const;
export const LATE_WINDOW_HOURS_RANGE = { min: 1, max: 72 } as const;

export interface CancellationPolicyViolation {
  readonly field: keyof CancellationPolicy;
  /** Says what a valid value is, ready for the caller's error message. */
  readonly message: string;
}

/** The first value of `policy` out of range, or undefined when the policy is valid. */
export function cancellationPolicyViolation(
  policy: CancellationPolicy,
): CancellationPolicyViolation | undefined {
  const checks: readonly [keyof CancellationPolicy, { min: number; max: number }, string][] = [
    ['lateFeePercent', LATE_FEE_PERCENT_RANGE, 'a whole percentage of the price'],
    ['lateWindowHours', LATE_WINDOW_HOURS_RANGE, 'whole hours before the start'],
  ];
  for (const [field, range, what] of checks) {
    const value = policy[field];
    if (!Number.isInteger(value) || value < range.min || value > range.max) {
      return {
        field,
        message: `${field} must be ${what} from ${range.min} to ${range.max}; got ${String(value)}`,
      };
    }
  }
  return undefined;
}

export interface CancellationTerms {
  readonly late: boolean;
  /** Null when no fee is charged (including a 0% policy, or a fee that rounds down to 0). */
  readonly lateFeePence: number | null;
}

/**
 * The terms of one cancellation under a clinic's policy (the network's when none is given):
 * a cancellation strictly under `lateWindowHours` real hours before the start is late. A late
 * cancellation BY THE CLIENT of a CONFIRMED booking costs `lateFeePercent` of its price
 * (rounded down to the penny; nothing at 0%); a clinic cancelling, or a client letting go of an unconfirmed
 * hold, costs nothing (still recorded as late).
 */
export function cancellationTerms(input: {
  readonly startsAt: Date;
  readonly now: Date;
  readonly pricePence: number;
  readonly cancelledBy: CancelledBy;
  readonly wasConfirmed: boolean;
  readonly policy?: CancellationPolicy;
}): CancellationTerms {
  const policy = input.policy ?? NETWORK_CANCELLATION_POLICY;
  const late = input.startsAt.getTime() - input.now.getTime() < policy.lateWindowHours * HOUR_MS;
  const charged = late && input.cancelledBy === 'client' && input.wasConfirmed;
  const fee = charged ? Math.floor((input.pricePence * policy.lateFeePercent) / 100) : 0;
  return { late, lateFeePence: fee > 0 ? fee : null };
}
