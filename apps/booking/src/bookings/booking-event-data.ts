import type { BookingState } from '@app/contracts';
import type { Booking } from './domain/booking';

/** The event payload of a booking; the contracts call hold_expired "expired". */
export function bookingStateOf(booking: Booking): BookingState {
  return {
    bookingId: booking.id,
    clinicId: booking.clinicId,
    clientId: booking.clientId,
    therapistId: booking.therapistId,
    treatmentId: booking.treatmentId,
    roomId: booking.roomId,
    startsAt: booking.startsAt.toISOString(),
    endsAt: booking.endsAt.toISOString(),
    localStart: booking.localStart,
    localEnd: booking.localEnd,
    timezone: booking.timezone,
    status: booking.status === 'hold_expired' ? 'expired' : booking.status,
  };
}
