import { z } from 'zod';

export const actorSchema = z.object({
  type: z.enum(['user', 'integrator', 'system']),
  id: z.string().min(1),
  role: z.string().min(1).optional(),
});

export type EventActor = z.infer<typeof actorSchema>;

/**
 * The one envelope every message on every topic has. `data` is validated separately,
 * against the schema of the event type named by `type` and `schemaVersion`.
 */
export const envelopeSchema = z.object({
  eventId: z.uuid(),
  type: z.string().regex(/^[a-z][a-z_]*(\.[a-z][a-z_]*)+$/, 'type must look like "clinic.opened"'),
  schemaVersion: z.number().int().positive(),
  occurredAt: z.iso.datetime({ offset: true }),
  clinicId: z.uuid().nullable(),
  aggregateId: z.string().min(1),
  correlationId: z.string().min(1),
  causationId: z.string().min(1).nullable(),
  actor: actorSchema,
  data: z.unknown(),
});

export interface EventEnvelope<TData = unknown> extends Omit<
  z.infer<typeof envelopeSchema>,
  'data'
> {
  readonly data: TData;
}

export const SYSTEM_ACTOR: EventActor = Object.freeze({ type: 'system', id: 'platform' });
