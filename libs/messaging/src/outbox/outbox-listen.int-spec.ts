import { testInfra } from '@app/testing';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { IncomingMessage, MessageBus, Subscription } from '../message-bus';
import {
  createLedgerDatabase,
  ensureTestTopics,
  newBus,
  recordTopic,
  testEvent,
  uniqueTopic,
  waitFor,
} from '../test-support/backbone-harness';
import { OUTBOX_CHANNEL } from './messaging-tables';
import { OutboxRelay } from './outbox-relay';
import { OutboxWriter } from './outbox-writer';

describe('OutboxRelay LISTEN/NOTIFY', () => {
  const infra = testInfra();
  const topic = uniqueTopic('listen');
  const posted = testEvent(topic);
  const writer = new OutboxWriter();
  let db: Awaited<ReturnType<typeof createLedgerDatabase>>;
  let bus: MessageBus;
  let relay: OutboxRelay;
  let recorded: { messages: IncomingMessage[]; subscription: Subscription };

  beforeAll(async () => {
    db = await createLedgerDatabase();
    bus = newBus(infra.kafkaBrokers, 'listen-spec');
    await ensureTestTopics(bus, topic);
    recorded = await recordTopic(bus, topic);
    // A poll so slow that only a notification can deliver within the test's waits.
    relay = new OutboxRelay({ databaseUrl: db.url, bus, pollIntervalMs: 60_000 });
    await relay.start();
  });

  afterAll(async () => {
    await relay.stop();
    await recorded.subscription.stop();
    await bus.close();
    await db.drop();
  });

  async function appendAndAwait(): Promise<void> {
    const aggregateId = randomUUID();
    await db.dataSource.transaction((tx) =>
      writer.append(tx, posted, { aggregateId, clinicId: null, data: { seq: 1, amount: 1 } }),
    );
    await waitFor(() => recorded.messages.find((m) => m.key === aggregateId), 'the event', 10_000);
  }

  it('publishes on commit, woken by the notification rather than the poll', async () => {
    await appendAndAwait();
  });

  it('listens again after its connection is killed', async () => {
    const admin = new Client({ connectionString: db.url });
    await admin.connect();
    const killed = await admin.query<{ pid: number }>(
      `SELECT pg_terminate_backend(pid) AS pid FROM pg_stat_activity WHERE query = $1`,
      [`LISTEN ${OUTBOX_CHANNEL}`],
    );
    await admin.end();
    expect(killed.rowCount).toBe(1);

    await waitFor(
      async () => {
        const probe = new Client({ connectionString: db.url });
        await probe.connect();
        const listening = await probe.query(`SELECT 1 FROM pg_stat_activity WHERE query = $1`, [
          `LISTEN ${OUTBOX_CHANNEL}`,
        ]);
        await probe.end();
        return listening.rowCount === 1 ? true : undefined;
      },
      'the relay to LISTEN again',
      10_000,
    );
    await appendAndAwait();
  });
});
