import { z } from 'zod';
import { defineEvent } from '../event-definition';
import { TOPICS } from '../topics';

/**
 * Client and consent events of client-record, keyed by the client id so one client's events
 * stay in order. Never clinical data. Contact details are personal data: only
 * `client.contact_changed` carries them, and it is internal (never offered to integrators).
 */
export const registrationChannelSchema = z.enum(['staff', 'online']);

export const ClientRegisteredV1 = defineEvent({
  type: 'client.registered',
  version: 1,
  topic: TOPICS.clientRecord,
  visibility: 'public',
  description:
    'A client was registered at a clinic, by clinic staff or by the client online. Ids only: read the client through GraphQL with your own permissions. An internal client.contact_changed follows with what notification needs to reach them.',
  schema: z.object({
    clientId: z.uuid(),
    clinicId: z.uuid(),
    registeredVia: registrationChannelSchema,
    registeredAt: z.iso.datetime({ offset: true }),
  }),
});

export const ClientClinicAddedV1 = defineEvent({
  type: 'client.clinic_added',
  version: 1,
  topic: TOPICS.clientRecord,
  visibility: 'public',
  description:
    'A client now also attends another clinic (ids only). clinicIds lists every clinic they attend, oldest first.',
  schema: z.object({
    clientId: z.uuid(),
    clinicId: z.uuid(),
    clinicIds: z.array(z.uuid()).min(1),
  }),
});

export const contactChangeCauseSchema = z.enum(['registered', 'details_updated', 'clinic_added']);

export const ClientContactChangedV1 = defineEvent({
  type: 'client.contact_changed',
  version: 1,
  topic: TOPICS.clientRecord,
  visibility: 'internal',
  description:
    'INTERNAL (personal data, never offered to integrators): what notification needs to reach a client — given name for the salutation, email, phone and the clinics they attend. Published at registration and whenever one of these changes; replace what you hold for clientId. Whether a message may be sent is decided by consent.changed.',
  schema: z.object({
    clientId: z.uuid(),
    givenName: z.string().min(1),
    email: z.string().min(3).nullable(),
    /** E.164, e.g. +447700900123. */
    phone: z
      .string()
      .regex(/^\+\d{7,15}$/)
      .nullable(),
    /** The clinics the client attends, oldest first. */
    clinicIds: z.array(z.uuid()).min(1),
    cause: contactChangeCauseSchema,
  }),
});

export const consentKindSchema = z.enum(['treatment', 'service_messages', 'marketing']);
export const consentChannelSchema = z.enum(['email', 'sms']);
export const consentMethodSchema = z.enum(['in_person', 'online', 'paper', 'phone']);

export const ConsentChangedV1 = defineEvent({
  type: 'consent.changed',
  version: 1,
  topic: TOPICS.clientRecord,
  visibility: 'public',
  description:
    "A client granted or withdrew a consent: treatment (channel null), or service messages / marketing by channel (email, sms). This is the client's current state for that kind and channel; replace what you hold. Never any free text.",
  schema: z.object({
    clientId: z.uuid(),
    clinicIds: z.array(z.uuid()),
    consentId: z.uuid(),
    kind: consentKindSchema,
    channel: consentChannelSchema.nullable(),
    granted: z.boolean(),
    /** The consent form version the client agreed to (always set for a treatment grant). */
    formVersionId: z.uuid().nullable(),
    method: consentMethodSchema,
    effectiveAt: z.iso.datetime({ offset: true }),
  }),
});

/** Realistic payloads, for catalogue docs and the no-clinical-data checks. */
export const CLIENT_EVENT_SAMPLES: Readonly<Record<string, unknown>> = {
  [ClientRegisteredV1.type]: {
    clientId: '0b7e5a1c-9d2f-4e3a-8b6c-7d8e9f0a1b2c',
    clinicId: '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f',
    registeredVia: 'online',
    registeredAt: '2026-01-12T09:14:03.512Z',
  },
  [ClientClinicAddedV1.type]: {
    clientId: '0b7e5a1c-9d2f-4e3a-8b6c-7d8e9f0a1b2c',
    clinicId: '9a1b7c3d-2e4f-4a6b-8c0d-1e2f3a4b5c6d',
    clinicIds: ['3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f', '9a1b7c3d-2e4f-4a6b-8c0d-1e2f3a4b5c6d'],
  },
  [ClientContactChangedV1.type]: {
    clientId: '0b7e5a1c-9d2f-4e3a-8b6c-7d8e9f0a1b2c',
    givenName: 'Amelia',
    email: 'amelia.hughes@example.co.uk',
    phone: '+447700900123',
    clinicIds: ['3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f'],
    cause: 'registered',
  },
  [ConsentChangedV1.type]: {
    clientId: '0b7e5a1c-9d2f-4e3a-8b6c-7d8e9f0a1b2c',
    clinicIds: ['3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f'],
    consentId: '5d2e8f1a-4b3c-4d6e-9f0a-1b2c3d4e5f60',
    kind: 'service_messages',
    channel: 'sms',
    granted: true,
    formVersionId: '0c0f5e10-0000-4000-8000-000000000002',
    method: 'online',
    effectiveAt: '2026-01-12T09:15:40.002Z',
  },
};
