import { z } from 'zod';
import { defineEvent } from '../event-definition';
import { TOPICS } from '../topics';

/**
 * Care plans and session records of client-record. Ids, statuses and the plan's frequency
 * only: never goals, conditions, pain scores, range of motion, techniques or notes (those
 * are read through GraphQL, audited).
 */
export const carePlanStatusSchema = z.enum(['active', 'completed', 'discontinued']);

const carePlanStateSchema = z.object({
  carePlanId: z.uuid(),
  clientId: z.uuid(),
  clinicId: z.uuid(),
  /** Increases by one per change. */
  version: z.number().int().positive(),
  status: carePlanStatusSchema,
  /** Initial phase: sessions a week, for `weeks` weeks from startsOn. */
  sessionsPerWeek: z.number().int().min(1).max(5),
  weeks: z.number().int().min(1).max(26),
  /** Afterwards one session every N weeks; null when the plan has no maintenance phase. */
  maintenanceEveryWeeks: z.number().int().min(1).max(12).nullable(),
  /** Clinic-local date, YYYY-MM-DD. */
  startsOn: z.iso.date(),
  preferredTherapistId: z.uuid().nullable(),
});

export const CarePlanCreatedV1 = defineEvent({
  type: 'care_plan.created',
  version: 1,
  topic: TOPICS.clientRecord,
  visibility: 'internal',
  description:
    'Internal (that a person is under a care plan, and how often they attend, is about their health: never forward it to integrators). A care plan was written for a client: its frequency, for booking to place a series. No goals or conditions.',
  schema: carePlanStateSchema,
});

export const CarePlanUpdatedV1 = defineEvent({
  type: 'care_plan.updated',
  version: 1,
  topic: TOPICS.clientRecord,
  visibility: 'internal',
  description:
    'Internal. A care plan changed (frequency, start, preferred therapist or status): the full current frequency; replace what you hold for carePlanId when version is newer. completed or discontinued: stop placing its series.',
  schema: carePlanStateSchema,
});

export const SessionRecordedV1 = defineEvent({
  type: 'session.recorded',
  version: 1,
  topic: TOPICS.clientRecord,
  visibility: 'public',
  description:
    'The treating therapist wrote (version 1) or amended (version 2 and later) the session record of a booking. Ids only; read the record through GraphQL with clinical permissions.',
  schema: z.object({
    sessionRecordId: z.uuid(),
    bookingId: z.uuid(),
    clientId: z.uuid(),
    therapistId: z.uuid(),
    clinicId: z.uuid(),
    version: z.number().int().positive(),
  }),
});

/** A realistic payload of each care event, by type (docs and contract tests). */
export const CARE_EVENT_SAMPLES: Readonly<Record<string, unknown>> = {
  'care_plan.created': {
    carePlanId: 'c1a2b3c4-d5e6-4f70-8a9b-0c1d2e3f4a5b',
    clientId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
    clinicId: '0b6e8f3a-1c2d-4e5f-8a9b-0c1d2e3f4a5b',
    version: 1,
    status: 'active',
    sessionsPerWeek: 2,
    weeks: 6,
    maintenanceEveryWeeks: 2,
    startsOn: '2026-03-30',
    preferredTherapistId: '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f',
  },
  'care_plan.updated': {
    carePlanId: 'c1a2b3c4-d5e6-4f70-8a9b-0c1d2e3f4a5b',
    clientId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
    clinicId: '0b6e8f3a-1c2d-4e5f-8a9b-0c1d2e3f4a5b',
    version: 2,
    status: 'active',
    sessionsPerWeek: 1,
    weeks: 4,
    maintenanceEveryWeeks: 4,
    startsOn: '2026-03-30',
    preferredTherapistId: null,
  },
  'session.recorded': {
    sessionRecordId: 'd4e5f6a7-b8c9-4d0e-9f1a-2b3c4d5e6f70',
    bookingId: '6f1c2a0e-3b7d-4c59-9a1e-2d8f4b6c7e01',
    clientId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
    therapistId: '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f',
    clinicId: '0b6e8f3a-1c2d-4e5f-8a9b-0c1d2e3f4a5b',
    version: 1,
  },
};
