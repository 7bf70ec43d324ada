import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { EventDefinition, EventEnvelope } from '@app/contracts';
import { HEADERS } from '../headers';
import {
  IncomingMessage,
  MessageBus,
  MessageHandler,
  OutgoingMessage,
  Subscription,
  SubscriptionOptions,
  TopicSpec,
} from '../message-bus';
import { SqlRunner, TransactionRunner } from '../sql';
import { EventConsumer } from './event-consumer';

/** A bus that hands messages to the subscribed handler directly and records publishes. */
class FakeBus implements MessageBus {
  handler: MessageHandler | undefined;
  readonly published: { topic: string; message: OutgoingMessage }[] = [];

  async publish(topic: string, messages: readonly OutgoingMessage[]): Promise<void> {
    messages.forEach((message) => this.published.push({ topic, message }));
  }
  async subscribe(options: SubscriptionOptions): Promise<Subscription> {
    this.handler = options.handler;
    return { stop: async () => undefined };
  }
  async ensureTopics(_topics: readonly TopicSpec[]): Promise<void> {}
  async ping(): Promise<void> {}
  async close(): Promise<void> {}

  async deliver(message: IncomingMessage): Promise<void> {
    if (this.handler === undefined) {
      throw new Error('not subscribed');
    }
    await this.handler(message, { heartbeat: async () => undefined });
  }
}

/** A database whose transactions fail as told, and that remembers the inbox. */
class FakeDatabase implements TransactionRunner<SqlRunner> {
  readonly inbox = new Set<string>();
  failures: Error[] = [];

  async run<T>(work: (tx: SqlRunner) => Promise<T>): Promise<T> {
    const failure = this.failures.shift();
    if (failure !== undefined) {
      throw failure;
    }
    const claimed = new Set<string>();
    const tx: SqlRunner = {
      query: async (_sql: string, parameters?: unknown[]) => {
        const eventId = String(parameters?.[1]);
        if (this.inbox.has(eventId) || claimed.has(eventId)) {
          return [];
        }
        claimed.add(eventId);
        return [{ event_id: eventId }];
      },
    };
    const result = await work(tx);
    claimed.forEach((id) => this.inbox.add(id));
    return result;
  }
}

const TOPIC = 'test.ledger.v1';
const posted: EventDefinition<string, { seq: number }> = {
  type: 'ledger.entry_posted',
  version: 1,
  topic: TOPIC,
  description: 'test',
  visibility: 'internal',
  schema: z.object({ seq: z.number().int() }),
};

function messageOf(type: string, version: number, data: unknown): IncomingMessage {
  const envelope: EventEnvelope = {
    eventId: randomUUID(),
    type,
    schemaVersion: version,
    occurredAt: new Date().toISOString(),
    clinicId: null,
    aggregateId: 'ledger-1',
    correlationId: randomUUID(),
    causationId: null,
    actor: { type: 'system', id: 'spec' },
    data,
  };
  return {
    topic: TOPIC,
    partition: 0,
    offset: '7',
    key: envelope.aggregateId,
    value: JSON.stringify(envelope),
    headers: { [HEADERS.eventId]: envelope.eventId },
  };
}

describe(EventConsumer.name, () => {
  let bus: FakeBus;
  let database: FakeDatabase;
  let applied: number[];
  let consumer: EventConsumer<SqlRunner>;

  beforeEach(async () => {
    bus = new FakeBus();
    database = new FakeDatabase();
    applied = [];
    consumer = new EventConsumer<SqlRunner>({
      bus,
      transactions: database,
      groupId: 'spec',
      maxRetries: 2,
      retryBaseMs: 1,
      retryMaxMs: 2,
    }).on(posted, async (event) => {
      applied.push(event.data.seq);
    });
    await consumer.start();
  });

  it('waits out a database outage however long it lasts, and never dead-letters for it', async () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), {
      code: 'ECONNREFUSED',
    });
    database.failures = Array.from({ length: 10 }, () => refused);

    await bus.deliver(messageOf(posted.type, 1, { seq: 1 }));

    expect(applied).toEqual([1]);
    expect(bus.published).toEqual([]);
  });

  it('dead-letters a message whose handler keeps failing, after its retries', async () => {
    database.failures = Array.from({ length: 3 }, () => new Error('ledger is closed'));

    await bus.deliver(messageOf(posted.type, 1, { seq: 2 }));

    expect(applied).toEqual([]);
    expect(bus.published.map((p) => [p.topic, p.message.headers[HEADERS.dlqAttempts]])).toEqual([
      [`${TOPIC}.dlq`, '3'],
    ]);
  });

  it('does not dead-letter while stopping: the message stays uncommitted for redelivery', async () => {
    database.failures = [new Error('pool is closing')];
    const message = messageOf(posted.type, 1, { seq: 3 });
    await consumer.stop();

    await expect(bus.deliver(message)).rejects.toThrow('pool is closing');
    expect(bus.published).toEqual([]);
  });

  it('dead-letters a version of a handled event type it does not know, instead of skipping it', async () => {
    await bus.deliver(messageOf(posted.type, 2, { seq: 4 }));

    expect(applied).toEqual([]);
    expect(bus.published[0]?.message.headers[HEADERS.dlqError]).toContain('v2 has no handler');
  });

  it('skips event types it does not handle at all', async () => {
    await bus.deliver(messageOf('ledger.closed', 1, {}));

    expect(bus.published).toEqual([]);
    expect(applied).toEqual([]);
  });

  it('applies a redelivered event once', async () => {
    const message = messageOf(posted.type, 1, { seq: 5 });
    await bus.deliver(message);
    await bus.deliver(message);

    expect(applied).toEqual([5]);
  });
});
