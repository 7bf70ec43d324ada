import { z } from 'zod';
import { defineEvent } from '../event-definition';
import { TOPICS } from '../topics';
import { bookingStateSchema } from './booking.events';

/**
 * Booking's reactions to other services (issue 5, "Reacting to other services"): a booking
 * that can no longer go ahead as planned is FLAGGED for its clinic, never cancelled
 * silently. Public: ids, times and a cause code only. The cause says what happened, never
 * why (the kind of time off may be sickness, which is health data, so it is not here).
 */
export const bookingAttentionCauseSchema = z.enum([
  /** Approved time off of the therapist overlaps the appointment. */
  'therapist_time_off',
  /** A certification the treatment needs expires on or before the appointment date. */
  'certification_expired',
  /** A certification the treatment needs was revoked on or before the appointment date. */
  'certification_revoked',
]);
export type BookingAttentionCause = z.infer<typeof bookingAttentionCauseSchema>;

const attentionStateSchema = bookingStateSchema.extend({
  status: z.enum(['held', 'confirmed', 'checked_in']),
  cause: bookingAttentionCauseSchema,
});

export const BookingNeedsRescheduleV1 = defineEvent({
  type: 'booking.needs_reschedule',
  version: 1,
  topic: TOPICS.booking,
  visibility: 'public',
  description:
    'A future booking can no longer take place as planned (cause: therapist_time_off, certification_expired or certification_revoked). It stays as it is (status unchanged): the clinic reschedules or cancels it; until then it is listed by bookingsNeedingAttention.',
  schema: attentionStateSchema,
});

export const BookingAttentionClearedV1 = defineEvent({
  type: 'booking.attention_cleared',
  version: 1,
  topic: TOPICS.booking,
  visibility: 'public',
  description:
    'What made a booking need rescheduling went away (e.g. the time off was cancelled): the booking can go ahead as planned for that cause.',
  schema: attentionStateSchema,
});

export const BOOKING_ATTENTION_EVENTS = [
  BookingNeedsRescheduleV1,
  BookingAttentionClearedV1,
] as const;

const sample = {
  bookingId: '6f1c2a0e-3b7d-4c59-9a1e-2d8f4b6c7e01',
  clinicId: '0b6e8f3a-1c2d-4e5f-8a9b-0c1d2e3f4a5b',
  clientId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
  therapistId: '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f',
  treatmentId: '7e6d5c4b-3a29-4180-9f7e-6d5c4b3a2918',
  roomId: '5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d',
  startsAt: '2026-03-30T09:00:00.000Z',
  endsAt: '2026-03-30T10:00:00.000Z',
  localStart: '2026-03-30T10:00',
  localEnd: '2026-03-30T11:00',
  timezone: 'Europe/London',
  status: 'confirmed',
} as const;

/** A realistic payload of each booking attention event, by type (docs and contract tests). */
export const BOOKING_ATTENTION_EVENT_SAMPLES: Readonly<Record<string, unknown>> = {
  [BookingNeedsRescheduleV1.type]: { ...sample, cause: 'therapist_time_off' },
  [BookingAttentionClearedV1.type]: { ...sample, cause: 'therapist_time_off' },
};
