import { testInfra } from '@app/testing';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { EventEnvelope } from '@app/contracts';
import { headersFor, HEADERS } from '../headers';
import { IncomingMessage, MessageBus, Subscription } from '../message-bus';
import { typeormTransactions } from '../typeorm-transactions';
import {
  appliedRows,
  createLedgerDatabase,
  ensureTestTopics,
  newBus,
  recordTopic,
  testEvent,
  uniqueTopic,
  waitFor,
} from '../test-support/backbone-harness';
import { EventConsumer } from './event-consumer';

function envelopeFor(
  type: string,
  aggregateId: string,
  seq: number,
): EventEnvelope<{ seq: number; amount: number }> {
  return {
    eventId: randomUUID(),
    type,
    schemaVersion: 1,
    occurredAt: new Date().toISOString(),
    clinicId: null,
    aggregateId,
    correlationId: randomUUID(),
    causationId: null,
    actor: { type: 'system', id: 'spec' },
    data: { seq, amount: seq },
  };
}

async function send(bus: MessageBus, topic: string, envelope: EventEnvelope): Promise<void> {
  await bus.publish(topic, [
    { key: envelope.aggregateId, value: JSON.stringify(envelope), headers: headersFor(envelope) },
  ]);
}

describe(EventConsumer.name, () => {
  const infra = testInfra();
  const topic = uniqueTopic('consumer');
  const posted = testEvent(topic, 'ledger.entry_posted');
  const broken = testEvent(topic, 'ledger.entry_broken');
  let db: Awaited<ReturnType<typeof createLedgerDatabase>>;
  let bus: MessageBus;
  let consumer: EventConsumer<EntityManager>;
  let dlq: { messages: IncomingMessage[]; subscription: Subscription };
  let brokenAttempts = 0;

  beforeAll(async () => {
    db = await createLedgerDatabase();
    bus = newBus(infra.kafkaBrokers, 'consumer-spec');
    await ensureTestTopics(bus, topic);
    consumer = new EventConsumer({
      bus,
      transactions: typeormTransactions(db.dataSource),
      groupId: `consumer-spec-${randomUUID()}`,
      maxRetries: 2,
      retryBaseMs: 20,
    })
      .on(posted, async (event, tx) => {
        await tx.query('INSERT INTO applied (event_id, aggregate_id, seq) VALUES ($1, $2, $3)', [
          event.eventId,
          event.aggregateId,
          event.data.seq,
        ]);
      })
      .on(broken, async (event, tx) => {
        brokenAttempts += 1;
        // The write inside the failing handler must roll back with it, every attempt.
        await tx.query('INSERT INTO applied (event_id, aggregate_id, seq) VALUES ($1, $2, $3)', [
          event.eventId,
          event.aggregateId,
          -1,
        ]);
        throw new Error(`cannot apply entry ${event.data.seq}: ledger is closed`);
      });
    await consumer.start();
    dlq = await recordTopic(bus, `${topic}.dlq`);
  });

  afterAll(async () => {
    await dlq.subscription.stop();
    await consumer.stop();
    await bus.close();
    await db.drop();
  });

  it('(c) applies an event delivered twice only once', async () => {
    const aggregateId = randomUUID();
    const event = envelopeFor(posted.type, aggregateId, 1);
    await send(bus, topic, event);
    await send(bus, topic, event);
    await send(bus, topic, envelopeFor(posted.type, aggregateId, 2)); // marker, same partition

    const rows = await waitFor(async () => {
      const applied = (await appliedRows(db.dataSource)).filter(
        (r) => r.aggregate_id === aggregateId,
      );
      return applied.some((r) => r.seq === 2) ? applied : undefined;
    }, 'the marker event');

    expect(rows.map((r) => r.seq)).toEqual([1, 2]);
    const inbox = await db.dataSource.query<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM inbox WHERE event_id = $1',
      [event.eventId],
    );
    expect(inbox[0]?.n).toBe(1);
  });

  it('(d) dead-letters a message whose handler always throws, with its headers and the error, and keeps the partition flowing', async () => {
    const aggregateId = randomUUID();
    const poison = envelopeFor(broken.type, aggregateId, 7);
    await send(bus, topic, poison);
    await send(bus, topic, envelopeFor(posted.type, aggregateId, 8)); // next on the same partition

    const letter = await waitFor(
      () => dlq.messages.find((m) => m.headers[HEADERS.eventId] === poison.eventId),
      'the poison message on the DLQ',
    );
    const rows = await waitFor(async () => {
      const applied = (await appliedRows(db.dataSource)).filter(
        (r) => r.aggregate_id === aggregateId,
      );
      return applied.length > 0 ? applied : undefined;
    }, 'the next message on the partition');

    expect(rows.map((r) => r.seq)).toEqual([8]);
    expect(brokenAttempts).toBe(3); // the first try and two retries
    expect(letter.key).toBe(aggregateId);
    expect(JSON.parse(letter.value ?? '{}')).toMatchObject({
      eventId: poison.eventId,
      type: broken.type,
    });
    expect(letter.headers).toMatchObject({
      [HEADERS.eventType]: broken.type,
      [HEADERS.correlationId]: poison.correlationId,
      [HEADERS.dlqOriginalTopic]: topic,
      [HEADERS.dlqAttempts]: '3',
      [HEADERS.dlqError]: 'cannot apply entry 7: ledger is closed',
    });
    const inbox = await db.dataSource.query<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM inbox WHERE event_id = $1',
      [poison.eventId],
    );
    expect(inbox[0]?.n).toBe(0);
  });

  it('dead-letters a message that is not a valid envelope at once, without retrying', async () => {
    const key = randomUUID();
    await bus.publish(topic, [{ key, value: '{"not":"an envelope"}', headers: { 'x-test': key } }]);

    const letter = await waitFor(
      () => dlq.messages.find((m) => m.headers['x-test'] === key),
      'the malformed message on the DLQ',
    );
    expect(letter.headers[HEADERS.dlqAttempts]).toBe('1');
    expect(letter.headers[HEADERS.dlqError]).toContain('not a valid event envelope');
  });
});
