import { z } from 'zod';
import { defineEvent } from '../event-definition';
import { TOPICS } from '../topics';

/**
 * Adverse-event events of client-record. INTERNAL: that a named client suffered an adverse
 * event after treatment, and how severe it was, is health data under UK GDPR, so the event
 * never reaches integrators. Inside the platform, notification alerts head office on severe
 * ones (flaggedForGovernance). Ids, severity and the flag only: never the type (e.g.
 * overstretch_injury), the description, the actions taken or any follow-up note; those are
 * read through GraphQL with the reader's own permissions (and audited).
 */
export const adverseEventSeveritySchema = z.enum(['mild', 'moderate', 'severe']);

export const AdverseEventReportedV1 = defineEvent({
  type: 'adverse_event.reported',
  version: 1,
  topic: TOPICS.clientRecord,
  visibility: 'internal',
  description:
    'Internal (health data: never forward it to integrators). Staff reported an adverse event for a client at a clinic. flaggedForGovernance is true for severe events, which head office clinical governance must review; alert on those. The type, description and actions are not in the event: read them through GraphQL (adverseEvents, audited).',
  schema: z.object({
    adverseEventId: z.uuid(),
    clientId: z.uuid(),
    clinicId: z.uuid(),
    severity: adverseEventSeveritySchema,
    flaggedForGovernance: z.boolean(),
  }),
});

/** Realistic payloads by event type, for the catalogue's checks and documentation. */
export const ADVERSE_EVENT_SAMPLES: Readonly<Record<string, unknown>> = {
  'adverse_event.reported': {
    adverseEventId: '5f0c8a1e-3b7d-4c2a-9e61-0d4b8f2a7c13',
    clientId: '9a3e2d71-6c4b-4f08-8b1a-27e5c0d9f4b6',
    clinicId: '2c6f1b94-8e3a-4d57-a0c2-b1e7d93f5a08',
    severity: 'severe',
    flaggedForGovernance: true,
  },
};
