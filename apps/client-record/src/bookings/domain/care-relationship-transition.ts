import type { CareRelationshipStatus } from '../../access/domain/client-scope';

/** The booking events that move a care relationship. */
export type BookingLifecycleEvent =
  | 'booking.held'
  | 'booking.confirmed'
  | 'booking.rescheduled'
  | 'booking.checked_in'
  | 'booking.completed'
  | 'booking.cancelled'
  | 'booking.no_show'
  | 'booking.hold_expired';

function statusAnnouncedBy(event: BookingLifecycleEvent): CareRelationshipStatus {
  switch (event) {
    case 'booking.held':
    case 'booking.confirmed':
    case 'booking.rescheduled':
    case 'booking.checked_in':
      return 'booked';
    case 'booking.completed':
      return 'treated';
    case 'booking.cancelled':
    case 'booking.no_show':
    case 'booking.hold_expired':
      return 'released';
    default: {
      const unreachable: never = event;
      throw new Error(`unknown booking event ${String(unreachable)}`);
    }
  }
}

/**
 * The care relationship after `event`, given what we hold (undefined: nothing yet).
 * - `treated` is for good: nothing downgrades it (the therapist treated the client).
 * - `released` (cancelled, expired, no-show) ends the booking: a late or replayed
 *   held/confirmed/rescheduled/checked_in does not revive it; only `completed` (the
 *   session happened after all) moves it on, to `treated`.
 * So duplicate and out-of-order deliveries of one booking's events end in the same state.
 */
export function nextCareStatus(
  current: CareRelationshipStatus | undefined,
  event: BookingLifecycleEvent,
): CareRelationshipStatus {
  const announced = statusAnnouncedBy(event);
  if (current === undefined) {
    return announced;
  }
  switch (current) {
    case 'treated':
      return 'treated';
    case 'released':
      return announced === 'treated' ? 'treated' : 'released';
    case 'booked':
      return announced;
    default: {
      const unreachable: never = current;
      throw new Error(`unknown care relationship status ${String(unreachable)}`);
    }
  }
}
