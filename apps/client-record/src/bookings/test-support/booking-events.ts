import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { EventData, EventDefinition, EventEnvelope } from '@app/contracts';
import { headersFor, KafkaJsMessageBus } from '@app/messaging';
import { testInfra } from '@app/testing';

/**
 * Publishes a booking event as booking would, with the `occurredAt` given: what
 * ServiceTestApp.publish (always "now") cannot do, for tests of out-of-order delivery.
 */
export async function publishBookingEventAt<D extends EventDefinition>(
  definition: D,
  event: { readonly aggregateId: string; readonly clinicId: string; readonly data: EventData<D> },
  occurredAt: Date,
): Promise<EventEnvelope<EventData<D>>> {
  const envelope: EventEnvelope<EventData<D>> = {
    eventId: randomUUID(),
    type: definition.type,
    schemaVersion: definition.version,
    occurredAt: occurredAt.toISOString(),
    clinicId: event.clinicId,
    aggregateId: event.aggregateId,
    correlationId: randomUUID(),
    causationId: null,
    actor: { type: 'system', id: 'booking-events-test' },
    data: definition.schema.parse(event.data) as EventData<D>,
  };
  const bus = new KafkaJsMessageBus({
    brokers: testInfra().kafkaBrokers,
    clientId: 'booking-events-test',
  });
  try {
    await bus.publish(definition.topic, [
      { key: envelope.aggregateId, value: JSON.stringify(envelope), headers: headersFor(envelope) },
    ]);
  } finally {
    await bus.close();
  }
  return envelope;
}

/** Waits until the service's consumer has handled (committed) the event with this id. */
export async function handled(
  dataSource: DataSource,
  eventId: string,
  timeoutMs = 20_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const rows = await dataSource.query<unknown[]>('SELECT 1 FROM inbox WHERE event_id = $1', [
      eventId,
    ]);
    if (rows.length > 0) {
      return;
    }
    if (Date.now() > deadline) {
      throw new Error(`event ${eventId} was not handled within ${timeoutMs} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
