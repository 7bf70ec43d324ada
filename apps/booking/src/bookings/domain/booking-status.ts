export const BOOKING_STATUSES = [
  'held',
  'confirmed',
  'checked_in',
  'completed',
  'cancelled',
  'no_show',
  'hold_expired',
] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];

/** Statuses that occupy the therapist and the room (the exclusion constraints' WHERE). */
export const ACTIVE_BOOKING_STATUSES: readonly BookingStatus[] = [
  'held',
  'confirmed',
  'checked_in',
];

export const CANCELLED_BY = ['client', 'clinic'] as const;
export type CancelledBy = (typeof CANCELLED_BY)[number];
