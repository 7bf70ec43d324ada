import type { CancelledBy } from './booking-status';

/** A cancellation under this many hours before the start is late. */
export const LATE_CANCELLATION_HOURS = 24;
/** The clinic's late-cancellation fee: this percentage of the booking's price. */
export const LATE_CANCELLATION_FEE_PERCENT = 50;

export interface CancellationTerms {
  readonly late: boolean;
  /** Null when no fee is charged. */
  readonly lateFeePence: number | null;
}

/**
 * The network's cancellation policy (one policy for every clinic until clinics configure
 * their own): a cancellation strictly under 24 hours before the start is late. A late
 * cancellation BY THE CLIENT of a CONFIRMED booking costs 50% of its price (rounded down to
 * the penny); a clinic cancelling, or a client letting go of an unconfirmed hold, costs
 * nothing (still recorded as late).
 */
export function cancellationTerms(input: {
  readonly startsAt: Date;
  readonly now: Date;
  readonly pricePence: number;
  readonly cancelledBy: CancelledBy;
  readonly wasConfirmed: boolean;
}): CancellationTerms {
  const late = input.startsAt.getTime() - input.now.getTime() < LATE_CANCELLATION_HOURS * 3_600_000;
  const charged = late && input.cancelledBy === 'client' && input.wasConfirmed;
  return {
    late,
    lateFeePence: charged
      ? Math.floor((input.pricePence * LATE_CANCELLATION_FEE_PERCENT) / 100)
      : null,
  };
}
