import { testInfra } from '@app/testing';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
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

describe('transactional outbox (a): a state change and its event commit together', () => {
  const infra = testInfra();
  const topic = uniqueTopic('outbox');
  const posted = testEvent(topic);
  let db: Awaited<ReturnType<typeof createLedgerDatabase>>;
  let bus: MessageBus;
  let relay: OutboxRelay;
  let consumer: EventConsumer<EntityManager>;
  const writer = new OutboxWriter();

  beforeAll(async () => {
    db = await createLedgerDatabase();
    bus = newBus(infra.kafkaBrokers, 'outbox-spec');
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
    await db.drop();
  });

  async function postEntry(
    dataSource: DataSource,
    aggregateId: string,
    seq: number,
    fail = false,
  ): Promise<void> {
    await dataSource.transaction(async (tx) => {
      await tx.query('INSERT INTO ledger (id, aggregate_id, amount) VALUES ($1, $2, $3)', [
        randomUUID(),
        aggregateId,
        seq * 100,
      ]);
      await writer.append(tx, posted, {
        aggregateId,
        clinicId: null,
        data: { seq, amount: seq * 100 },
      });
      if (fail) {
        throw new Error('the use case failed after writing');
      }
    });
  }

  it('delivers a committed event to the consumer exactly once', async () => {
    const aggregateId = randomUUID();
    await postEntry(db.dataSource, aggregateId, 1);

    const rows = await waitFor(async () => {
      const applied = (await appliedRows(db.dataSource)).filter(
        (r) => r.aggregate_id === aggregateId,
      );
      return applied.length > 0 ? applied : undefined;
    }, 'the committed event to be applied');
    await relay.flush();

    expect(rows.map((r) => r.seq)).toEqual([1]);
    const ledger = await db.dataSource.query<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM ledger WHERE aggregate_id = $1',
      [aggregateId],
    );
    expect(ledger[0]?.n).toBe(1);
  });

  it('publishes nothing for a rolled-back transaction', async () => {
    const aggregateId = randomUUID();
    await expect(postEntry(db.dataSource, aggregateId, 1, true)).rejects.toThrow(
      'failed after writing',
    );
    // A later committed event on the same key lands on the same partition after anything
    // the rolled-back transaction could have published; once it arrives, we have seen all.
    await postEntry(db.dataSource, aggregateId, 2);

    const rows = await waitFor(async () => {
      const applied = (await appliedRows(db.dataSource)).filter(
        (r) => r.aggregate_id === aggregateId,
      );
      return applied.some((r) => r.seq === 2) ? applied : undefined;
    }, 'the marker event to be applied');

    expect(rows.map((r) => r.seq)).toEqual([2]);
    const outbox = await db.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM outbox WHERE message_key = $1`,
      [aggregateId],
    );
    expect(outbox[0]?.n).toBe(1);
    const ledger = await db.dataSource.query<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM ledger WHERE aggregate_id = $1',
      [aggregateId],
    );
    expect(ledger[0]?.n).toBe(1);
  });

  it('refuses to write an event whose data breaks its schema, so the transaction rolls back', async () => {
    const aggregateId = randomUUID();
    await expect(
      db.dataSource.transaction(async (tx) => {
        await tx.query('INSERT INTO ledger (id, aggregate_id, amount) VALUES ($1, $2, 1)', [
          randomUUID(),
          aggregateId,
        ]);
        await writer.append(tx, posted, {
          aggregateId,
          clinicId: null,
          data: { seq: 'one' } as unknown as { seq: number; amount: number },
        });
      }),
    ).rejects.toMatchObject({ code: 'EVENT_SCHEMA_VIOLATION' });
    const ledger = await db.dataSource.query<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM ledger WHERE aggregate_id = $1',
      [aggregateId],
    );
    expect(ledger[0]?.n).toBe(0);
  });

  it('holds a second append to the same aggregate until the first commits, so id order is commit order per key', async () => {
    const aggregateId = randomUUID();
    const first = db.dataSource.createQueryRunner();
    await first.connect();
    await first.startTransaction();
    await writer.append(first.manager, posted, {
      aggregateId,
      clinicId: null,
      data: { seq: 1, amount: 1 },
    });

    let secondDone = false;
    const second = db.dataSource
      .transaction((tx) =>
        writer.append(tx, posted, { aggregateId, clinicId: null, data: { seq: 2, amount: 2 } }),
      )
      .then(() => {
        secondDone = true;
      });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(secondDone).toBe(false);

    await first.commitTransaction();
    await first.release();
    await second;
    const rows = await db.dataSource.query<{ seq: number }[]>(
      `SELECT (envelope->'data'->>'seq')::int AS seq FROM outbox WHERE message_key = $1 ORDER BY id`,
      [aggregateId],
    );
    expect(rows.map((row) => row.seq)).toEqual([1, 2]);
  });

  it('prunes rows published longer ago than the retention, and keeps the rest', async () => {
    const [old, recent] = [randomUUID(), randomUUID()];
    for (const [id, publishedAt] of [
      [old, new Date(Date.now() - 8 * 86_400_000)],
      [recent, new Date()],
    ] as const) {
      await db.dataSource.query(
        `INSERT INTO outbox (event_id, topic, message_key, event_type, envelope, headers, published_at)
         VALUES ($1, 'x', 'k', 't', '{}', '{}', $2)`,
        [id, publishedAt],
      );
    }

    const pruner = new OutboxRelay({ databaseUrl: db.url, bus, retainPublishedMs: 7 * 86_400_000 });
    expect(await pruner.prunePublished()).toBe(1);
    const left = await db.dataSource.query<{ event_id: string }[]>(
      'SELECT event_id FROM outbox WHERE event_id = ANY($1::uuid[])',
      [[old, recent]],
    );
    expect(left.map((row) => row.event_id)).toEqual([recent]);
    await pruner.stop();
  });
});
