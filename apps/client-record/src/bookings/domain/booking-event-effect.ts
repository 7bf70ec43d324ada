/** What client-record does with a booking event, given where its client stands. */
export type BookingEventEffect =
  /** Booking projection, care relationship and (on completion) the open session record. */
  | 'apply'
  /**
   * Erased client: the status of what is already held moves on (a cancellation still ends
   * a therapist's access), nothing new is created and no session record is opened.
   */
  | 'status_only'
  /** Purged client: everything was deleted and must stay deleted; the event is dropped. */
  | 'drop';

/** Where the client of a booking stands (ClientScopeRepository.lifecycleOf). */
export interface BookingClient {
  /** A client row exists. */
  readonly registered: boolean;
  /** The row is marked erased (personal details gone, clinical records kept). */
  readonly erased: boolean;
  /** The erasure request says the records were purged (the row is gone). */
  readonly purged: boolean;
}

/**
 * - purged: drop. A late or redelivered event must not recreate rows for a client whose
 *   records the retention purge deleted (no later purge would remove them).
 * - erased: status only (see BookingEventEffect).
 * - registered: apply.
 * - never registered here: apply. A client's login carries its client id before the
 *   client registers online, so a booking may reach client-record before the registration
 *   does; dropping it would lose the therapist's access for good (nothing re-sends the
 *   event). The rows hold ids and times only, and the access gate refuses a client id with
 *   no client row (CLIENT_NOT_FOUND), so nothing is readable until the client registers.
 */
export function bookingEventEffect(client: BookingClient): BookingEventEffect {
  if (client.purged) {
    return 'drop';
  }
  if (client.registered && client.erased) {
    return 'status_only';
  }
  return 'apply';
}
