import { z } from 'zod';
import { defineEvent } from '../event-definition';
import { TOPICS } from '../topics';

/**
 * The booking waitlist (issue 5): a client waits for a treatment at a clinic within a date
 * window; when a slot frees, booking holds it for the first matching client and offers it.
 * Public: ids, dates and times only (no treatment detail beyond its id, nothing clinical).
 */
const isoDate = z.iso.date();
const utcInstant = z.iso.datetime({ offset: true });
/** Clinic wall-clock time, "YYYY-MM-DDTHH:MM", in the offer's timezone. */
const localDateTime = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d$/);

/** The offered slot: who, what and when, in UTC and on the clinic's wall clock. */
const offeredSlotSchema = z.object({
  therapistId: z.uuid(),
  treatmentId: z.uuid(),
  startsAt: utcInstant,
  endsAt: utcInstant,
  /** Clinic wall clock, "YYYY-MM-DDTHH:MM", in timezone. */
  localStart: localDateTime,
  localEnd: localDateTime,
  /** The clinic's IANA timezone, e.g. Europe/London. */
  timezone: z.string().min(1),
});

export const waitlistEntryStateSchema = z.object({
  entryId: z.uuid(),
  clinicId: z.uuid(),
  clientId: z.uuid(),
  treatmentId: z.uuid(),
  /** Only this therapist; null: any therapist. */
  therapistId: z.uuid().nullable(),
  /** Clinic-local dates, both included. */
  fromDate: isoDate,
  toDate: isoDate,
  joinedAt: utcInstant,
});

export const WaitlistJoinedV1 = defineEvent({
  type: 'waitlist.joined',
  version: 1,
  topic: TOPICS.booking,
  visibility: 'public',
  description:
    'A client joined the waitlist for a treatment at a clinic between fromDate and toDate (clinic-local, included), optionally with one therapist.',
  schema: waitlistEntryStateSchema,
});

export const WaitlistOfferMadeV1 = defineEvent({
  type: 'waitlist.offer_made',
  version: 1,
  topic: TOPICS.booking,
  visibility: 'public',
  description:
    'A freed slot is held (booking bookingId, status held) for the waitlisted client: treatmentId with therapistId from startsAt to endsAt (UTC; localStart/localEnd on the clinic wall clock in timezone). They confirm the booking before offerExpiresAt or the offer lapses and passes to the next client.',
  schema: offeredSlotSchema.extend({
    entryId: z.uuid(),
    clientId: z.uuid(),
    clinicId: z.uuid(),
    bookingId: z.uuid(),
    offerExpiresAt: utcInstant,
  }),
});

export const WaitlistOfferExpiredV1 = defineEvent({
  type: 'waitlist.offer_expired',
  version: 1,
  topic: TOPICS.booking,
  visibility: 'public',
  description:
    'A waitlist offer was not taken up in time (its hold expired); the entry is closed and the slot (treatmentId with therapistId, startsAt to endsAt UTC, localStart/localEnd in timezone) goes to the next waiting client.',
  schema: offeredSlotSchema.extend({
    entryId: z.uuid(),
    clientId: z.uuid(),
    clinicId: z.uuid(),
    bookingId: z.uuid(),
    expiredAt: utcInstant,
  }),
});

export const WaitlistExpiredV1 = defineEvent({
  type: 'waitlist.expired',
  version: 1,
  topic: TOPICS.booking,
  visibility: 'public',
  description:
    "A waiting entry was closed because its window passed without an offer: toDate (clinic-local, included) is before the clinic's today. Nothing more will be offered for it; the client may join again with new dates. An entry with an outstanding offer is not expired this way (its offer expires or is taken).",
  schema: waitlistEntryStateSchema.omit({ joinedAt: true }).extend({ expiredAt: utcInstant }),
});

const sampleEntry = {
  entryId: '4c0f7a52-1b1e-4f43-9d0a-7a1f5e0b9c21',
  clinicId: '0b7c4f7e-2f4d-4b7e-9a51-3c1f0c2d8e11',
  clientId: '9a3e2d1c-5b6f-4a7e-8c9d-0e1f2a3b4c5d',
  treatmentId: '6f1d2c10-0000-4000-8000-000000000002',
  therapistId: null,
  fromDate: '2026-03-23',
  toDate: '2026-03-29',
  joinedAt: '2026-03-20T09:12:00.000Z',
};

export const WAITLIST_EVENT_SAMPLES: Readonly<Record<string, unknown>> = {
  'waitlist.joined': sampleEntry,
  'waitlist.offer_made': {
    entryId: sampleEntry.entryId,
    clientId: sampleEntry.clientId,
    clinicId: sampleEntry.clinicId,
    bookingId: '2d4c6e8a-0b1c-4d3e-8f5a-6b7c8d9e0f1a',
    therapistId: '7e8f9a0b-1c2d-4e3f-8a5b-6c7d8e9f0a1b',
    treatmentId: sampleEntry.treatmentId,
    startsAt: '2026-03-25T10:00:00.000Z',
    endsAt: '2026-03-25T10:30:00.000Z',
    localStart: '2026-03-25T10:00',
    localEnd: '2026-03-25T10:30',
    timezone: 'Europe/London',
    offerExpiresAt: '2026-03-24T16:10:00.000Z',
  },
  'waitlist.offer_expired': {
    entryId: sampleEntry.entryId,
    clientId: sampleEntry.clientId,
    clinicId: sampleEntry.clinicId,
    bookingId: '2d4c6e8a-0b1c-4d3e-8f5a-6b7c8d9e0f1a',
    therapistId: '7e8f9a0b-1c2d-4e3f-8a5b-6c7d8e9f0a1b',
    treatmentId: sampleEntry.treatmentId,
    startsAt: '2026-03-25T10:00:00.000Z',
    endsAt: '2026-03-25T10:30:00.000Z',
    localStart: '2026-03-25T10:00',
    localEnd: '2026-03-25T10:30',
    timezone: 'Europe/London',
    expiredAt: '2026-03-24T16:10:05.000Z',
  },
  'waitlist.expired': {
    entryId: sampleEntry.entryId,
    clinicId: sampleEntry.clinicId,
    clientId: sampleEntry.clientId,
    treatmentId: sampleEntry.treatmentId,
    therapistId: sampleEntry.therapistId,
    fromDate: sampleEntry.fromDate,
    toDate: sampleEntry.toDate,
    expiredAt: '2026-03-30T00:15:00.000Z',
  },
};
