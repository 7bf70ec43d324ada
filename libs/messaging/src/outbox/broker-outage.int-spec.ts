import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import type { KafkaServer } from '@app/local-stack';
import { startDedicatedKafka } from '@app/testing';
import { EventConsumer } from '../inbox/event-consumer';
import { MessageBus } from '../message-bus';
import {
  appliedRows,
  createLedgerDatabase,
  ensureTestTopics,
  ledgerConsumer,
  newBus,
  testEvent,
  uniqueTopic,
  waitFor,
} from '../test-support/backbone-harness';
import { OutboxRelay } from './outbox-relay';
import { OutboxWriter } from './outbox-writer';

describe('outbox (b): no event is lost while the broker is away', () => {
  const topic = uniqueTopic('outage');
  const posted = testEvent(topic);
  const writer = new OutboxWriter();
  let kafka: KafkaServer;
  let db: Awaited<ReturnType<typeof createLedgerDatabase>>;
  let bus: MessageBus;
  let relay: OutboxRelay;
  let consumer: EventConsumer<EntityManager>;

  beforeAll(async () => {
    // A broker of this suite's own: stopping the shared one would break suites beside it.
    kafka = await startDedicatedKafka();
    db = await createLedgerDatabase();
    bus = newBus(kafka.brokers, 'outage-spec');
    await ensureTestTopics(bus, topic);
    relay = new OutboxRelay({ databaseUrl: db.url, bus, pollIntervalMs: 200 });
    await relay.start();
    consumer = ledgerConsumer(bus, db.dataSource, posted);
    await consumer.start();
  });

  afterAll(async () => {
    await consumer.stop();
    await relay.stop();
    await bus.close();
    await kafka.destroy();
    await db.drop();
  });

  it('publishes all 100 events committed during the outage once the broker is back, in order per key, each applied once', async () => {
    const warmUp = randomUUID();
    await db.dataSource.transaction((tx) =>
      writer.append(tx, posted, {
        aggregateId: warmUp,
        clinicId: null,
        data: { seq: 0, amount: 0 },
      }),
    );
    await waitFor(
      async () => ((await appliedRows(db.dataSource)).length === 1 ? true : undefined),
      'the warm-up event',
    );

    await kafka.stop();

    const keys: string[] = Array.from({ length: 5 }, () => randomUUID());
    for (let seq = 1; seq <= 20; seq += 1) {
      for (const aggregateId of keys) {
        await db.dataSource.transaction(async (tx) => {
          await tx.query('INSERT INTO ledger (id, aggregate_id, amount) VALUES ($1, $2, $3)', [
            randomUUID(),
            aggregateId,
            seq,
          ]);
          await writer.append(tx, posted, {
            aggregateId,
            clinicId: null,
            data: { seq, amount: seq },
          });
        });
      }
    }
    // The relay keeps trying while the broker is down; nothing is marked published.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await relay.backlog()).toBe(100);

    await kafka.start();

    const rows = await waitFor(
      async () => {
        const applied = (await appliedRows(db.dataSource)).filter((r) =>
          keys.includes(r.aggregate_id),
        );
        return applied.length >= 100 ? applied : undefined;
      },
      'all 100 events after the broker restarted',
      90_000,
    );
    await relay.flush();
    for (const key of keys) {
      expect(rows.filter((r) => r.aggregate_id === key).map((r) => r.seq)).toEqual(
        Array.from({ length: 20 }, (_, i) => i + 1),
      );
    }
    expect(rows).toHaveLength(100);
    expect(new Set(rows.map((r) => r.event_id)).size).toBe(100);
    expect(await relay.backlog()).toBe(0);
  });
});
