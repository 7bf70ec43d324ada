import { z } from 'zod';
import { defineEvent } from '../event-definition';
import { TOPICS } from '../topics';

/**
 * Health screening and eligibility events of client-record. Status only: never conditions,
 * red flags, pain scores, medications, reasons or any free text (those are special-category
 * health data, read through GraphQL with clinical permissions and audited). Keyed by the
 * client id, so one client's screening and eligibility events stay in order.
 */
export const eligibilityStatusSchema = z.enum([
  'cleared',
  'gp_clearance_required',
  'not_suitable',
  'lapsed',
]);

export type EligibilityStatusValue = z.infer<typeof eligibilityStatusSchema>;

/** Why eligibility changed: a new screening, an override, a GP clearance, or the 12-month lapse. */
export const eligibilityCauseSchema = z.enum(['screening', 'override', 'gp_clearance', 'lapse']);

export const ScreeningCompletedV1 = defineEvent({
  type: 'screening.completed',
  version: 1,
  topic: TOPICS.clientRecord,
  visibility: 'public',
  description:
    'A client was screened at intake (a new screening supersedes the previous one). Carries the resulting eligibility status only; the screening itself is read through GraphQL with clinical permissions.',
  schema: z.object({
    screeningId: z.uuid(),
    clientId: z.uuid(),
    clinicId: z.uuid(),
    /** The clinic-local date the screening was done. */
    screenedOn: z.iso.date(),
    eligibilityStatus: eligibilityStatusSchema.exclude(['lapsed']),
  }),
});

export const EligibilityChangedV1 = defineEvent({
  type: 'eligibility.changed',
  version: 1,
  topic: TOPICS.clientRecord,
  visibility: 'public',
  description:
    "A client's eligibility for treatment changed. Only `cleared` (until validUntil, included) allows treatments that need screening clearance; `lapsed` means the screening is over 12 months old and the client must be screened again. Replace what you hold for clientId with this.",
  schema: z.object({
    clientId: z.uuid(),
    /** The clinics the client attends. */
    clinicIds: z.array(z.uuid()),
    /** The screening this eligibility rests on. */
    screeningId: z.uuid(),
    status: eligibilityStatusSchema,
    /** The last date (included) the screening counts; the day after, it lapses. */
    validUntil: z.iso.date(),
    cause: eligibilityCauseSchema,
  }),
});

/** Realistic payloads, for catalogue docs and the no-clinical-data checks. */
export const SCREENING_EVENT_SAMPLES = {
  [ScreeningCompletedV1.type]: {
    screeningId: '6f1c2a0e-3d4b-4c5e-8f70-1a2b3c4d5e6f',
    clientId: '0b7e5a1c-9d2f-4e3a-8b6c-7d8e9f0a1b2c',
    clinicId: '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f',
    screenedOn: '2026-01-14',
    eligibilityStatus: 'gp_clearance_required',
  },
  [EligibilityChangedV1.type]: {
    clientId: '0b7e5a1c-9d2f-4e3a-8b6c-7d8e9f0a1b2c',
    clinicIds: ['3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f'],
    screeningId: '6f1c2a0e-3d4b-4c5e-8f70-1a2b3c4d5e6f',
    status: 'cleared',
    validUntil: '2027-01-13',
    cause: 'gp_clearance',
  },
} as const;
