/**
 * The pure selection rules of booking's reactions to other services' events: which bookings
 * a time off, a lapsed certification or an erased client affects. No I/O, no clock: `now`
 * is passed in.
 */

/** Statuses whose booking still lies ahead and can be affected (held, confirmed, checked in). */
export const AFFECTED_STATUSES = ['held', 'confirmed', 'checked_in'] as const;
export type AffectedStatus = (typeof AFFECTED_STATUSES)[number];

export function isAffectedStatus(status: string): status is AffectedStatus {
  return (AFFECTED_STATUSES as readonly string[]).includes(status);
}

export interface BookingTimes {
  readonly status: string;
  readonly startsAt: Date;
  /** End of the treatment itself (the buffer after is clinic time, not the client's). */
  readonly endsAt: Date;
}

/** A booking that has not started yet and still holds its slot. */
export function isFutureActive(booking: BookingTimes, now: Date): boolean {
  return isAffectedStatus(booking.status) && booking.startsAt.getTime() > now.getTime();
}

/**
 * Time off [startsAt, endsAt) of the therapist affects a future active booking of theirs
 * whose appointment [startsAt, endsAt) overlaps it (touching ends do not overlap).
 */
export function timeOffAffects(
  booking: BookingTimes,
  timeOff: { readonly startsAt: Date; readonly endsAt: Date },
  now: Date,
): boolean {
  return (
    isFutureActive(booking, now) &&
    booking.startsAt.getTime() < timeOff.endsAt.getTime() &&
    timeOff.startsAt.getTime() < booking.endsAt.getTime()
  );
}

export interface CertificationCover {
  readonly type: string;
  /** YYYY-MM-DD, first day valid. */
  readonly issuedOn: string;
  /** YYYY-MM-DD, first day NOT valid; null: does not expire. */
  readonly expiresOn: string | null;
  /** YYYY-MM-DD from which a revoked certification no longer counts; null: not revoked. */
  readonly revokedOn: string | null;
  readonly verified: boolean;
}

/** Whether a certification counts on a clinic-local date (YYYY-MM-DD). */
export function coversDate(certification: CertificationCover, date: string): boolean {
  return (
    certification.verified &&
    certification.issuedOn <= date &&
    (certification.expiresOn === null || date < certification.expiresOn) &&
    (certification.revokedOn === null || date < certification.revokedOn)
  );
}

export interface CertifiedBooking extends BookingTimes {
  /** Clinic wall-clock start "YYYY-MM-DDTHH:mm"; its date is the appointment date. */
  readonly localStart: string;
  /** Certification types the booking's treatment requires. */
  readonly requiredCertifications: readonly string[];
}

/**
 * A certification of `type` stopped counting from `lapsedOn` (its expiry day, or the day it
 * was revoked). A future active booking is affected when its treatment needs that type, its
 * appointment date (clinic-local) is on or after `lapsedOn`, and no OTHER certification of
 * the therapist of that type covers the date (a renewal).
 */
export function certificationLapseAffects(
  booking: CertifiedBooking,
  lapse: { readonly type: string; readonly lapsedOn: string },
  otherCertifications: readonly CertificationCover[],
  now: Date,
): boolean {
  if (!isFutureActive(booking, now) || !booking.requiredCertifications.includes(lapse.type)) {
    return false;
  }
  const date = booking.localStart.slice(0, 10);
  if (date < lapse.lapsedOn) {
    return false;
  }
  return !otherCertifications.some((other) => other.type === lapse.type && coversDate(other, date));
}

/**
 * An erased client's bookings: every one is pseudonymised; those still ahead and active are
 * also cancelled by the clinic (no one will attend, and the slot goes back to others).
 */
export function erasureAction(booking: BookingTimes, now: Date): 'cancel' | 'pseudonymise' {
  return isFutureActive(booking, now) ? 'cancel' : 'pseudonymise';
}
