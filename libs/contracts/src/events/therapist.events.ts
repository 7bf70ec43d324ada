import { z } from 'zod';
import { defineEvent } from '../event-definition';
import { TOPICS } from '../topics';

/**
 * Therapist and certification events of therapist-roster. Each carries the aggregate's full
 * public state, so booking keeps its projection of who may treat whom, where, from these
 * alone. They never carry contact details (email, phone): those are read through GraphQL.
 */
export const professionSchema = z.enum([
  'physiotherapist',
  'sports_therapist',
  'stretch_therapist',
]);

export const specialtySchema = z.enum([
  'lower_back_pain',
  'sciatica',
  'neck_shoulder',
  'fibromyalgia',
  'osteoarthritis',
  'sports_injury',
]);

export const therapistStatusSchema = z.enum(['active', 'on_leave', 'left']);

/** A therapist's public state: no email or phone. */
export const therapistStateSchema = z.object({
  therapistId: z.uuid(),
  givenName: z.string().min(1),
  familyName: z.string().min(1),
  profession: professionSchema,
  /** HCPC register entries are public; required for physiotherapists. */
  hcpcNumber: z
    .string()
    .regex(/^PH\d{5,6}$/)
    .nullable(),
  specialties: z.array(specialtySchema),
  /** Clinics the therapist works at, oldest assignment first. */
  clinicIds: z.array(z.uuid()),
  status: therapistStatusSchema,
});

export type TherapistState = z.infer<typeof therapistStateSchema>;

export const TherapistJoinedV1 = defineEvent({
  type: 'therapist.joined',
  version: 1,
  topic: TOPICS.roster,
  visibility: 'public',
  description: 'A therapist joined the network, working at the clinics named in clinicIds.',
  schema: therapistStateSchema,
});

export const TherapistUpdatedV1 = defineEvent({
  type: 'therapist.updated',
  version: 1,
  topic: TOPICS.roster,
  visibility: 'public',
  description:
    "A therapist's details or status changed; carries the full new state and the names of the fields that changed (contact fields by name only, never their values).",
  schema: therapistStateSchema.extend({
    changedFields: z.array(z.string().min(1)),
  }),
});

export const TherapistAssignedV1 = defineEvent({
  type: 'therapist.assigned',
  version: 1,
  topic: TOPICS.roster,
  visibility: 'public',
  description: 'A therapist now also works at clinicId; clinicIds is the full new list.',
  schema: therapistStateSchema.extend({ clinicId: z.uuid() }),
});

export const TherapistUnassignedV1 = defineEvent({
  type: 'therapist.unassigned',
  version: 1,
  topic: TOPICS.roster,
  visibility: 'public',
  description: 'A therapist no longer works at clinicId; clinicIds is the full new list.',
  schema: therapistStateSchema.extend({ clinicId: z.uuid() }),
});

export const TherapistLeftV1 = defineEvent({
  type: 'therapist.left',
  version: 1,
  topic: TOPICS.roster,
  visibility: 'public',
  description:
    'A therapist left the network (status "left"); they must not be booked from leftOn on.',
  schema: therapistStateSchema.extend({ leftOn: z.iso.date() }),
});

export const certificationStatusSchema = z.enum([
  'not_yet_valid',
  'valid',
  'expiring_soon',
  'expired',
  'revoked',
]);

/** A certification's state. `status` is as of the event's occurredAt date (UTC). */
export const certificationStateSchema = z.object({
  certificationId: z.uuid(),
  therapistId: z.uuid(),
  /** snake_case; known: hcpc_registration, pnf_level_1, pnf_level_2, first_aid, chronic_pain_cpd. */
  type: z.string().regex(/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/),
  issuedOn: z.iso.date(),
  /** Null when the certification does not expire. The expiry day is the first day it is not valid. */
  expiresOn: z.iso.date().nullable(),
  verified: z.boolean(),
  status: certificationStatusSchema,
});

export type CertificationState = z.infer<typeof certificationStateSchema>;

export const CertificationRecordedV1 = defineEvent({
  type: 'certification.recorded',
  version: 1,
  topic: TOPICS.roster,
  visibility: 'internal',
  description: 'A certification of a therapist was recorded (not yet verified).',
  schema: certificationStateSchema,
});

export const CertificationVerifiedV1 = defineEvent({
  type: 'certification.verified',
  version: 1,
  topic: TOPICS.roster,
  visibility: 'internal',
  description: 'Head office or a clinical lead verified a recorded certification.',
  schema: certificationStateSchema,
});

export const CertificationRevokedV1 = defineEvent({
  type: 'certification.revoked',
  version: 1,
  topic: TOPICS.roster,
  visibility: 'internal',
  description: 'A certification was revoked; it no longer counts from revokedOn on.',
  schema: certificationStateSchema.extend({ revokedOn: z.iso.date() }),
});

export const CertificationExpiringV1 = defineEvent({
  type: 'certification.expiring',
  version: 1,
  topic: TOPICS.roster,
  visibility: 'internal',
  description:
    'A certification expires soon: sent once 30 days before expiry and once 7 days before (only the most urgent notice is sent when a run was missed).',
  schema: certificationStateSchema.extend({
    notice: z.enum(['expiring_30', 'expiring_7']),
    daysUntilExpiry: z.number().int().min(1),
  }),
});

export const CertificationExpiredV1 = defineEvent({
  type: 'certification.expired',
  version: 1,
  topic: TOPICS.roster,
  visibility: 'internal',
  description:
    'A certification expired (sent once, on or after its expiry day). renewed: the therapist already holds a later certification of the same type, so nothing needs doing.',
  schema: certificationStateSchema.extend({ renewed: z.boolean() }),
});
