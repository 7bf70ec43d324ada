import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { DataSource, EntityManager } from 'typeorm';
import { dlqTopicOf, EventDefinition } from '@app/contracts';
import { IncomingMessage, MessageBus, Subscription } from '../message-bus';
import { KafkaJsMessageBus } from '../kafka/kafkajs-message-bus';
import { createTestDatabase } from '@app/testing';
import { EventConsumer } from '../inbox/event-consumer';
import { MessagingTables } from '../outbox/messaging-tables';
import { typeormTransactions } from '../typeorm-transactions';

/** A database of its own for one test suite, with the messaging tables and a test ledger. */
export async function createLedgerDatabase(): Promise<{
  url: string;
  dataSource: DataSource;
  drop(): Promise<void>;
}> {
  const database = await createTestDatabase('backbone');
  const dataSource = new DataSource({ type: 'postgres', url: database.url, synchronize: false });
  await dataSource.initialize();
  await MessagingTables.up(dataSource.manager);
  await dataSource.query(`
    CREATE TABLE ledger (id uuid PRIMARY KEY, aggregate_id text NOT NULL, amount integer NOT NULL)`);
  await dataSource.query(`
    CREATE TABLE applied (
      event_id uuid NOT NULL, aggregate_id text NOT NULL, seq integer NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT clock_timestamp())`);
  return {
    url: database.url,
    dataSource,
    drop: async () => {
      await dataSource.destroy();
      await database.drop();
    },
  };
}

/** A consumer that records each ledger event it applies in the `applied` table. */
export function ledgerConsumer(
  bus: MessageBus,
  dataSource: DataSource,
  definition: EventDefinition<string, { seq: number; amount: number }>,
  options: { maxRetries?: number; retryBaseMs?: number } = {},
): EventConsumer<EntityManager> {
  return new EventConsumer<EntityManager>({
    bus,
    transactions: typeormTransactions(dataSource),
    groupId: `ledger-${randomUUID()}`,
    ...options,
  }).on(definition, async (event, tx) => {
    await tx.query('INSERT INTO applied (event_id, aggregate_id, seq) VALUES ($1, $2, $3)', [
      event.eventId,
      event.aggregateId,
      event.data.seq,
    ]);
  });
}

/** A test event type on a topic of the suite's own, so parallel suites never see each other's events. */
export function testEvent(
  topic: string,
  type = 'ledger.entry_posted',
): EventDefinition<string, { seq: number; amount: number }> {
  return {
    type,
    version: 1,
    topic,
    description: 'test event',
    visibility: 'internal',
    schema: z.object({ seq: z.number().int(), amount: z.number().int() }),
  };
}

export function uniqueTopic(prefix: string): string {
  return `test.${prefix}.${randomUUID().slice(0, 8)}.v1`;
}

export function newBus(brokers: readonly string[], clientId: string): MessageBus {
  return new KafkaJsMessageBus({ brokers, clientId });
}

export async function ensureTestTopics(
  bus: MessageBus,
  topic: string,
  partitions = 3,
): Promise<void> {
  await bus.ensureTopics([
    { topic, partitions },
    { topic: dlqTopicOf(topic), partitions: 1 },
  ]);
}

/** Collects every raw message on a topic (e.g. a DLQ) for assertions. */
export async function recordTopic(
  bus: MessageBus,
  topic: string,
): Promise<{ messages: IncomingMessage[]; subscription: Subscription }> {
  const messages: IncomingMessage[] = [];
  const subscription = await bus.subscribe({
    groupId: `recorder-${randomUUID()}`,
    topics: [topic],
    fromBeginning: true,
    handler: async (message) => {
      messages.push(message);
    },
  });
  return { messages, subscription };
}

export async function waitFor<T>(
  probe: () => Promise<T | undefined> | T | undefined,
  what: string,
  timeoutMs = 60_000,
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
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

interface AppliedRow {
  event_id: string;
  aggregate_id: string;
  seq: number;
}

export async function appliedRows(db: EntityManager | DataSource): Promise<AppliedRow[]> {
  return db.query<AppliedRow[]>(
    'SELECT event_id, aggregate_id, seq FROM applied ORDER BY applied_at, seq',
  );
}
