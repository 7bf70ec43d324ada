import { BookingError, BookingErrorCode } from '../bookings.errors';
import type { BookingStatus } from './booking-status';

/** What can happen to a booking. */
export const BOOKING_ACTIONS = [
  'confirm',
  'reschedule',
  'cancel',
  'check_in',
  'complete',
  'no_show',
  'expire_hold',
] as const;
export type BookingAction = (typeof BOOKING_ACTIONS)[number];

/**
 * The lifecycle: held -> confirmed -> checked_in -> completed; held -> hold_expired;
 * held/confirmed -> cancelled; confirmed/checked_in -> no_show; held/confirmed may be
 * rescheduled (staying in their status). Everything else is an invalid transition.
 */
const TRANSITIONS: Readonly<
  Record<BookingAction, Readonly<Partial<Record<BookingStatus, BookingStatus>>>>
> = {
  confirm: { held: 'confirmed' },
  reschedule: { held: 'held', confirmed: 'confirmed' },
  cancel: { held: 'cancelled', confirmed: 'cancelled' },
  check_in: { confirmed: 'checked_in' },
  complete: { checked_in: 'completed' },
  no_show: { confirmed: 'no_show', checked_in: 'no_show' },
  expire_hold: { held: 'hold_expired' },
};

const ACTION_WORDS: Record<BookingAction, string> = {
  confirm: 'confirmed',
  reschedule: 'rescheduled',
  cancel: 'cancelled',
  check_in: 'checked in',
  complete: 'completed',
  no_show: 'marked as a no-show',
  expire_hold: 'expired',
};

/** The status after `action`, or undefined when the action is not allowed from `status`. */
export function nextStatus(
  status: BookingStatus,
  action: BookingAction,
): BookingStatus | undefined {
  return TRANSITIONS[action][status];
}

/** The statuses `action` is allowed from. */
export function statusesAllowing(action: BookingAction): BookingStatus[] {
  return Object.keys(TRANSITIONS[action]) as BookingStatus[];
}

/** The status after `action`; throws INVALID_BOOKING_TRANSITION naming the current status. */
export function transition(status: BookingStatus, action: BookingAction): BookingStatus {
  const next = nextStatus(status, action);
  if (next === undefined) {
    throw new BookingError(
      BookingErrorCode.InvalidBookingTransition,
      `a booking that is ${status} cannot be ${ACTION_WORDS[action]}; only a booking that is ${statusesAllowing(action).join(' or ')} can`,
      { currentStatus: status, action },
    );
  }
  return next;
}
