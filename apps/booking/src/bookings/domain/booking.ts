import type { BookingStatus, CancelledBy } from './booking-status';

/** A booking as the service works with it. */
export interface Booking {
  readonly id: string;
  readonly clinicId: string;
  readonly clientId: string;
  readonly therapistId: string;
  readonly roomId: string;
  readonly treatmentId: string;
  readonly startsAt: Date;
  readonly endsAt: Date;
  readonly blocksUntil: Date;
  readonly status: BookingStatus;
  readonly holdExpiresAt: Date | null;
  readonly pricePence: number;
  readonly currency: string;
  readonly localStart: string;
  readonly localEnd: string;
  readonly timezone: string;
  readonly cancelledBy: CancelledBy | null;
  readonly cancellationReason: string | null;
  readonly cancelledAt: Date | null;
  readonly lateCancellation: boolean | null;
  readonly lateFeePence: number | null;
  /** The policy that judged the cancellation (null until cancelled by a client or the clinic). */
  readonly lateFeePercent: number | null;
  readonly lateWindowHours: number | null;
  readonly seriesId: string | null;
  readonly createdBySubject: string;
  readonly createdByRole: string;
  readonly confirmedAt: Date | null;
  readonly checkedInAt: Date | null;
  readonly completedAt: Date | null;
  readonly noShowAt: Date | null;
  readonly version: number;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/** How long a hold lasts unless confirmed. */
export const HOLD_MINUTES = 10;
