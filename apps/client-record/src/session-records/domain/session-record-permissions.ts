import type { Caller } from '@app/auth';

export type WriteDecision =
  { readonly allowed: true } | { readonly allowed: false; readonly reason: string };

/**
 * Session records are written (and amended) by the therapist who treats the booking, and by
 * nobody else: not another therapist of the client, not a manager, not head office. Call it
 * after the client access gate allowed clinical:write.
 */
export function mayWriteSessionRecord(
  caller: Caller,
  booking: { readonly bookingId: string; readonly therapistId: string },
): WriteDecision {
  if (caller.role !== 'therapist') {
    return {
      allowed: false,
      reason: `session records are written by the treating therapist of booking ${booking.bookingId}; a ${caller.role} may read them but not write them`,
    };
  }
  if (caller.therapistId !== booking.therapistId) {
    return {
      allowed: false,
      reason: `you do not treat the client in booking ${booking.bookingId}; only its therapist may write its session record`,
    };
  }
  return { allowed: true };
}
