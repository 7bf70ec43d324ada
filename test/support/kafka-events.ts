import { randomUUID } from 'node:crypto';
import { EventActor, EventData, EventDefinition, EventEnvelope } from '@app/contracts';
import {
  headersFor,
  KafkaJsMessageBus,
  MessageBus,
  platformTopicSpecs,
  Subscription,
} from '@app/messaging';

/**
 * Polls `probe` until it returns something other than undefined, for state that settles
 * eventually (projections fed by Kafka). Throws naming `what` after `timeoutMs`.
 */
export async function eventually<T>(
  probe: () => Promise<T | undefined> | T | undefined,
  what: string,
  timeoutMs = 60_000,
  intervalMs = 250,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/**
 * The platform's Kafka as a test sees it: publish an event as another service would (the
 * standard envelope, data validated against the event's schema), and record what the
 * running services publish on the watched topics.
 */
export interface PlatformEvents {
  publish<D extends EventDefinition>(
    definition: D,
    event: {
      readonly aggregateId: string;
      readonly clinicId: string | null;
      readonly data: EventData<D>;
      readonly actor?: EventActor;
      readonly occurredAt?: Date;
    },
  ): Promise<EventEnvelope<EventData<D>>>;
  /** Waits for a recorded event of `type` that matches. */
  event(
    type: string,
    match: (event: EventEnvelope) => boolean,
    timeoutMs?: number,
  ): Promise<EventEnvelope>;
  /** Every recorded event that matches, in arrival order. */
  events(match: (event: EventEnvelope) => boolean): EventEnvelope[];
  close(): Promise<void>;
}

/** Connects to KAFKA_BROKERS (set by the Jest global setup) and starts recording `topics`. */
export async function connectPlatformEvents(topics: readonly string[]): Promise<PlatformEvents> {
  const brokers = process.env.KAFKA_BROKERS;
  if (brokers === undefined) {
    throw new Error('KAFKA_BROKERS is not set: run end-to-end tests through `npm test`');
  }
  const bus: MessageBus = new KafkaJsMessageBus({
    brokers: brokers.split(','),
    clientId: `e2e-${randomUUID().slice(0, 8)}`,
  });
  // What the services create at start-up (idempotent): a fresh broker may not have them yet.
  await bus.ensureTopics(platformTopicSpecs());
  const seen: EventEnvelope[] = [];
  const subscription: Subscription = await bus.subscribe({
    groupId: `e2e-${randomUUID()}`,
    topics,
    // From the beginning: a group that joins after the first publish would miss it.
    // Other suites' events on the shared topics are filtered out by each `match`.
    fromBeginning: true,
    handler: async (message) => {
      if (message.value !== null) {
        seen.push(JSON.parse(message.value) as EventEnvelope);
      }
    },
  });

  return {
    publish: async (definition, event) => {
      const envelope = {
        eventId: randomUUID(),
        type: definition.type,
        schemaVersion: definition.version,
        occurredAt: (event.occurredAt ?? new Date()).toISOString(),
        clinicId: event.clinicId,
        aggregateId: event.aggregateId,
        correlationId: randomUUID(),
        causationId: null,
        actor: event.actor ?? { type: 'system' as const, id: 'e2e-test' },
        data: definition.schema.parse(event.data) as typeof event.data,
      };
      await bus.publish(definition.topic, [
        {
          key: envelope.aggregateId,
          value: JSON.stringify(envelope),
          headers: headersFor(envelope),
        },
      ]);
      return envelope;
    },
    event: (type, match, timeoutMs = 60_000) =>
      eventually(
        () => seen.find((event) => event.type === type && match(event)),
        `a ${type} event`,
        timeoutMs,
        100,
      ),
    events: (match) => seen.filter(match),
    close: async () => {
      await subscription.stop();
      await bus.close();
    },
  };
}
