import { z } from 'zod';
import { defineEvent } from '../event-definition';
import { TOPICS } from '../topics';

/**
 * UK GDPR events of client-record. Ids and dates only: they tell every other service and
 * integrator that a client asked for erasure (purge what you hold on them now) and, later,
 * that the clinical records kept for their retention period are gone too.
 */
const calendarDate = z.iso.date();

export const ClientErasedV1 = defineEvent({
  type: 'client.erased',
  version: 1,
  topic: TOPICS.clientRecord,
  visibility: 'public',
  description:
    "A client asked for erasure: their personal details were removed from client-record at erasedAt. Every service and integrator holding the client's personal data must delete it now. Client-record keeps the clinical records until retentionUntil (UK clinical retention rules) and then publishes client.purged.",
  schema: z.object({
    clientId: z.uuid(),
    /** Every clinic the client attended, so clinic-scoped systems find their copies. */
    clinicIds: z.array(z.uuid()),
    erasedAt: z.iso.datetime({ offset: true }),
    /** The day the kept clinical records are purged (YYYY-MM-DD). */
    retentionUntil: calendarDate,
  }),
});

export const ClientPurgedV1 = defineEvent({
  type: 'client.purged',
  version: 1,
  topic: TOPICS.clientRecord,
  visibility: 'public',
  description:
    "An erased client's retention period ended and client-record deleted everything it held on them (only audit rows, which carry ids, remain). Nothing more will be published about this client.",
  schema: z.object({
    clientId: z.uuid(),
    clinicIds: z.array(z.uuid()),
    purgedAt: z.iso.datetime({ offset: true }),
  }),
});

/** Realistic payloads, for the catalogue's documentation and the health-data check. */
export const GDPR_EVENT_SAMPLES: Readonly<Record<string, unknown>> = {
  [ClientErasedV1.type]: {
    clientId: '3f6c2a8e-5d1b-4c7a-9e2f-8b1d4a6c0e57',
    clinicIds: ['9a1b7c3d-2e4f-4a6b-8c0d-1e2f3a4b5c6d'],
    erasedAt: '2026-03-10T14:32:05.120Z',
    retentionUntil: '2034-01-20',
  },
  [ClientPurgedV1.type]: {
    clientId: '3f6c2a8e-5d1b-4c7a-9e2f-8b1d4a6c0e57',
    clinicIds: ['9a1b7c3d-2e4f-4a6b-8c0d-1e2f3a4b5c6d'],
    purgedAt: '2034-01-20T00:05:12.480Z',
  },
};
