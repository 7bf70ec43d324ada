/**
 * A bookable slot: the treatment itself runs [startsAt, endsAt); the therapist and the room
 * are also kept free for the treatment's buffer after `endsAt`.
 */
export interface AvailableSlot {
  /** UTC, ISO 8601 ("2026-07-01T08:00:00.000Z"); the identity of the slot for a booking. */
  readonly startsAt: string;
  /** UTC end of the treatment, buffer NOT included. */
  readonly endsAt: string;
  /** Clinic wall clock at the start, "YYYY-MM-DDTHH:MM". */
  readonly localStart: string;
  /** Clinic wall clock at the end, "YYYY-MM-DDTHH:MM". */
  readonly localEnd: string;
  /**
   * The clinic's UTC offset at the start, e.g. "+01:00". Tells apart the two slots that show
   * the same wall time in the hour the clocks go back (01:00 BST and 01:00 GMT).
   */
  readonly utcOffset: string;
  readonly therapistId: string;
  /** The first free active room by id for the whole treatment and its buffer. */
  readonly roomId: string;
}
