import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { DataSource, EntityManager } from 'typeorm';
import { Client } from 'pg';
import { dlqTopicOf, EventDefinition } from '@app/contracts';
import { IncomingMessage, MessageBus, Subscription } from '../message-bus';
import { KafkaJsMessageBus } from '../kafka/kafkajs-message-bus';
import { MessagingTables } from '../outbox/messaging-tables';

/** Reads the infrastructure the Jest global setup provided. */
export function testInfrastructure(): { databaseUrl: string; kafkaBrokers: string[] } {
  const databaseUrl = process.env.DATABASE_URL;
  const brokers = process.env.KAFKA_BROKERS;
  if (databaseUrl === undefined || brokers === undefined) {
    throw new Error(
      'DATABASE_URL and KAFKA_BROKERS are not set: run integration tests through `npm test` ' +
        '(the Jest global setup provides PostgreSQL and Kafka)',
    );
  }
  return { databaseUrl, kafkaBrokers: brokers.split(',') };
}

export function databaseUrlFor(baseUrl: string, database: string): string {
  const url = new URL(baseUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** A database of its own for one test suite, with the messaging tables and a test ledger. */
export async function createTestDatabase(
  baseUrl: string,
): Promise<{ url: string; dataSource: DataSource; drop(): Promise<void> }> {
  const name = `t_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const admin = new Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = databaseUrlFor(baseUrl, name);
  const dataSource = new DataSource({ type: 'postgres', url, synchronize: false });
  await dataSource.initialize();
  await MessagingTables.up(dataSource.manager);
  await dataSource.query(`
    CREATE TABLE ledger (id uuid PRIMARY KEY, aggregate_id text NOT NULL, amount integer NOT NULL)`);
  await dataSource.query(`
    CREATE TABLE applied (
      event_id uuid NOT NULL, aggregate_id text NOT NULL, seq integer NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT clock_timestamp())`);
  return {
    url,
    dataSource,
    drop: async () => {
      await dataSource.destroy();
      const cleanup = new Client({ connectionString: baseUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
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

export function newBus(brokers: string[], clientId: string): MessageBus {
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
