import type { CareRelationshipStatus } from '../../access/domain/client-scope';

/** Whether a booking's session may be written up now, and if not, why. */
export type SessionRecordability = 'recordable' | 'released' | 'not_started';

/** The booking statuses (booking_projection) by which the session has begun. */
const STARTED_BOOKING_STATUSES: readonly string[] = ['checked_in', 'completed'];

/**
 * A session is recorded once it took place or is taking place: the booking completed (the
 * care relationship is `treated`) or the client checked in. A booking only held or
 * confirmed has not happened yet (`not_started`); a cancelled, expired or missed one never
 * will (`released`).
 *
 * @param careStatus the care relationship of the booking
 * @param bookingStatus the booking projection's status, when the projection has the booking
 */
export function sessionRecordabilityOf(
  careStatus: CareRelationshipStatus,
  bookingStatus: string | undefined,
): SessionRecordability {
  if (careStatus === 'released') {
    return 'released';
  }
  if (careStatus === 'treated') {
    return 'recordable';
  }
  return bookingStatus !== undefined && STARTED_BOOKING_STATUSES.includes(bookingStatus)
    ? 'recordable'
    : 'not_started';
}
