import { randomUUID } from 'node:crypto';
import {
  EventActor,
  EventData,
  EventDefinition,
  EventEnvelope,
  SYSTEM_ACTOR,
} from '@app/contracts';
import { currentContext } from '@app/observability/request-context';
import { headersFor } from '../headers';
import { SqlRunner } from '../sql';
import { EventValidationError } from '../event-validation.error';

export interface NewEvent<D extends EventDefinition> {
  readonly aggregateId: string;
  readonly clinicId: string | null;
  readonly data: EventData<D>;
  /** Defaults to the actor of the current request or event, else the system. */
  readonly actor?: EventActor;
}

/**
 * Appends an event to the outbox inside the caller's transaction, so the event exists if
 * and only if the state change it describes was committed. The relay publishes it later,
 * in id order; a per-aggregate lock held until commit makes id order the commit order for
 * each key.
 */
export class OutboxWriter {
  constructor(private readonly now: () => Date = () => new Date()) {}

  async append<D extends EventDefinition>(
    tx: SqlRunner,
    definition: D,
    event: NewEvent<D>,
  ): Promise<EventEnvelope<EventData<D>>> {
    const parsed = definition.schema.safeParse(event.data);
    if (!parsed.success) {
      throw new EventValidationError(definition.type, definition.version, parsed.error);
    }
    const context = currentContext();
    const envelope: EventEnvelope<EventData<D>> = {
      eventId: randomUUID(),
      type: definition.type,
      schemaVersion: definition.version,
      occurredAt: this.now().toISOString(),
      clinicId: event.clinicId,
      aggregateId: event.aggregateId,
      correlationId: context?.correlationId ?? randomUUID(),
      causationId: context?.causationId ?? null,
      actor: event.actor ?? context?.actor ?? SYSTEM_ACTOR,
      data: parsed.data as EventData<D>,
    };
    // Serialise appends per aggregate until commit: outbox ids are taken at insert, not at
    // commit, so without this two transactions on one key could commit (and be published)
    // in the opposite order to their ids.
    await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [envelope.aggregateId]);
    await tx.query(
      `INSERT INTO outbox (event_id, topic, message_key, event_type, envelope, headers)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [
        envelope.eventId,
        definition.topic,
        envelope.aggregateId,
        envelope.type,
        JSON.stringify(envelope),
        JSON.stringify(headersFor(envelope)),
      ],
    );
    return envelope;
  }
}
