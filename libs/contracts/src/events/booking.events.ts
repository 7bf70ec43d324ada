import { z } from 'zod';
import { defineEvent } from '../event-definition';
import { TOPICS } from '../topics';

/**
 * The booking lifecycle as booking publishes it (issue 5). Every event carries the whole
 * booking as notifications and integrators need it: who, where, which treatment and when,
 * in UTC and in clinic-local wall-clock time. Never clinical data (no screening, no notes,
 * no reason a client gave). client-record keeps its care relationships from these: a
 * therapist sees the clinical record of clients they are booked to treat or have treated.
 */
export const bookingStatusSchema = z.enum([
  'held',
  'confirmed',
  'checked_in',
  'completed',
  'cancelled',
  'no_show',
  'expired',
]);

/** Clinic wall-clock time, "YYYY-MM-DDTHH:MM", in the booking's timezone. */
const localDateTime = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d$/);
const utcInstant = z.iso.datetime({ offset: true });

export const bookingStateSchema = z.object({
  bookingId: z.uuid(),
  clinicId: z.uuid(),
  clientId: z.uuid(),
  therapistId: z.uuid(),
  treatmentId: z.uuid(),
  /** null when the treatment needs no room. */
  roomId: z.uuid().nullable(),
  startsAt: utcInstant,
  endsAt: utcInstant,
  localStart: localDateTime,
  localEnd: localDateTime,
  /** The clinic's IANA timezone, e.g. Europe/London. */
  timezone: z.string().min(1),
  status: bookingStatusSchema,
});

export type BookingState = z.infer<typeof bookingStateSchema>;

function bookingEvent<TType extends string, TSchema extends z.ZodType>(
  type: TType,
  description: string,
  schema: TSchema,
) {
  return defineEvent({
    type,
    version: 1,
    topic: TOPICS.booking,
    visibility: 'public',
    description,
    schema,
  });
}

const withStatus = <S extends z.infer<typeof bookingStatusSchema>>(status: S) =>
  bookingStateSchema.extend({ status: z.literal(status) });

export const BookingHeldV1 = bookingEvent(
  'booking.held',
  'A slot is held for a client (not yet confirmed); the hold expires unless confirmed (booking.hold_expired).',
  withStatus('held'),
);

export const BookingConfirmedV1 = bookingEvent(
  'booking.confirmed',
  'A held booking was confirmed: the client is expected at startsAt.',
  withStatus('confirmed'),
);

export const BookingRescheduledV1 = bookingEvent(
  'booking.rescheduled',
  'A booking moved to a new slot (and possibly another therapist or room); previous* give the old times. Status is what it was before the move (held or confirmed).',
  bookingStateSchema.extend({
    status: z.enum(['held', 'confirmed']),
    previousStartsAt: utcInstant,
    previousEndsAt: utcInstant,
    previousLocalStart: localDateTime,
    previousLocalEnd: localDateTime,
    previousTherapistId: z.uuid(),
  }),
);

export const BookingCancelledV1 = bookingEvent(
  'booking.cancelled',
  "A booking was cancelled by the client or the clinic. late: inside the clinic's late-cancellation window (24 hours unless the clinic set its own, see cancellation_policy.changed); lateFeePence is the fee the clinic's policy charges (null when none).",
  withStatus('cancelled').extend({
    cancelledBy: z.enum(['client', 'clinic']),
    late: z.boolean(),
    lateFeePence: z.number().int().nonnegative().nullable(),
    currency: z.literal('GBP'),
  }),
);

export const BookingCheckedInV1 = bookingEvent(
  'booking.checked_in',
  'The client arrived and was checked in.',
  withStatus('checked_in'),
);

export const BookingCompletedV1 = bookingEvent(
  'booking.completed',
  'The session took place. client-record opens the session record for the therapist.',
  withStatus('completed'),
);

export const BookingNoShowV1 = bookingEvent(
  'booking.no_show',
  'The client did not attend.',
  withStatus('no_show'),
);

export const BookingHoldExpiredV1 = bookingEvent(
  'booking.hold_expired',
  'A hold was not confirmed in time; the slot is free again.',
  withStatus('expired'),
);

export const BOOKING_LIFECYCLE_EVENTS = [
  BookingHeldV1,
  BookingConfirmedV1,
  BookingRescheduledV1,
  BookingCancelledV1,
  BookingCheckedInV1,
  BookingCompletedV1,
  BookingNoShowV1,
  BookingHoldExpiredV1,
] as const;

const sampleState = {
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
} as const;

/** A realistic payload of each booking event, by type (docs and contract tests). */
export const BOOKING_EVENT_SAMPLES: Readonly<Record<string, unknown>> = {
  'booking.held': { ...sampleState, status: 'held' },
  'booking.confirmed': { ...sampleState, status: 'confirmed' },
  'booking.rescheduled': {
    ...sampleState,
    status: 'confirmed',
    previousStartsAt: '2026-03-27T13:30:00.000Z',
    previousEndsAt: '2026-03-27T14:30:00.000Z',
    previousLocalStart: '2026-03-27T13:30',
    previousLocalEnd: '2026-03-27T14:30',
    previousTherapistId: sampleState.therapistId,
  },
  'booking.cancelled': {
    ...sampleState,
    status: 'cancelled',
    cancelledBy: 'client',
    late: true,
    lateFeePence: 2500,
    currency: 'GBP',
  },
  'booking.checked_in': { ...sampleState, status: 'checked_in' },
  'booking.completed': { ...sampleState, status: 'completed' },
  'booking.no_show': { ...sampleState, status: 'no_show' },
  'booking.hold_expired': { ...sampleState, status: 'expired' },
};
