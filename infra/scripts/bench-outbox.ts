/**
 * `npm run bench`: commit-to-consumer latency of the outbox relay, woken by LISTEN/NOTIFY,
 * against the same relay driven by its fallback poll alone. Real PostgreSQL and Kafka (the
 * servers named by DATABASE_URL / KAFKA_BROKERS, else the local stack).
 *
 *   BENCH_EVENTS (default 1000)  events per mode
 *   BENCH_RATE   (default 200)   events committed per second
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { z } from 'zod';
import { databaseUrlFor } from '@app/config';
import { EventDefinition } from '@app/contracts';
import { KafkaJsMessageBus, MessagingTables, OutboxRelay, OutboxWriter } from '@app/messaging';
import { findRepoRoot, startLocalStack, stderrLogSink } from '@app/local-stack';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 1000);
const RATE = Number(process.env.BENCH_RATE ?? 200);
const POLL_MS = 1000;

interface Result {
  readonly mode: string;
  readonly latenciesMs: number[];
  readonly seconds: number;
}

function percentile(sorted: readonly number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? Number.NaN;
}

async function runMode(
  mode: 'listen' | 'poll',
  serverUrl: string,
  brokers: string[],
): Promise<Result> {
  const database = `bench_${mode}_${Date.now()}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  await admin.end();
  const url = databaseUrlFor(serverUrl, database);
  const db = new Client({ connectionString: url });
  await db.connect();
  await MessagingTables.up(db);

  const topic = `bench.${mode}.${randomUUID().slice(0, 8)}.v1`;
  const definition: EventDefinition<string, { n: number }> = {
    type: 'bench.tick',
    version: 1,
    topic,
    description: 'benchmark event',
    visibility: 'internal',
    schema: z.object({ n: z.number().int() }),
  };
  const bus = new KafkaJsMessageBus({ brokers, clientId: `bench-${mode}` });
  await bus.ensureTopics([{ topic, partitions: 3 }]);
  const committedAt = new Map<string, number>();
  const latencies: number[] = [];
  let resolveAll: () => void = () => undefined;
  const allReceived = new Promise<void>((resolve) => {
    resolveAll = resolve;
  });
  let warmedUp = false;
  const subscription = await bus.subscribe({
    groupId: `bench-${randomUUID()}`,
    topics: [topic],
    fromBeginning: true,
    handler: async (message) => {
      const received = performance.now();
      if (message.key === 'warm-up') {
        warmedUp = true;
        return;
      }
      const envelope = JSON.parse(message.value ?? '{}') as { eventId?: string };
      const committed =
        envelope.eventId === undefined ? undefined : committedAt.get(envelope.eventId);
      if (committed !== undefined) {
        latencies.push(received - committed);
        if (latencies.length === EVENTS) {
          resolveAll();
        }
      }
    },
  });
  // Measure the relay, not the consumer group's first join: wait until a message gets through.
  await bus.publish(topic, [{ key: 'warm-up', value: '{}', headers: {} }]);
  while (!warmedUp) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const relay = new OutboxRelay({
    databaseUrl: url,
    bus,
    listen: mode === 'listen',
    pollIntervalMs: POLL_MS,
  });
  await relay.start();

  const writer = new OutboxWriter();
  const started = performance.now();
  const interval = 1000 / RATE;
  for (let n = 0; n < EVENTS; n += 1) {
    const due = started + n * interval;
    const wait = due - performance.now();
    if (wait > 0) {
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
    await db.query('BEGIN');
    const envelope = await writer.append(db, definition, {
      aggregateId: `key-${n % 16}`,
      clinicId: null,
      data: { n },
    });
    await db.query('COMMIT');
    committedAt.set(envelope.eventId, performance.now());
    if ((n + 1) % 250 === 0) {
      stderrLogSink(`[bench] ${mode}: committed ${n + 1}/${EVENTS}, received ${latencies.length}`);
    }
  }
  await Promise.race([
    allReceived,
    new Promise((_, reject) =>
      setTimeout(() => reject(new Error(`${mode}: not every event arrived within 60 s`)), 60_000),
    ),
  ]);
  const seconds = (performance.now() - started) / 1000;

  await relay.stop();
  await subscription.stop();
  await bus.close();
  await db.end();
  const cleanup = new Client({ connectionString: serverUrl });
  await cleanup.connect();
  await cleanup.query(`DROP DATABASE ${database} WITH (FORCE)`);
  await cleanup.end();
  return { mode, latenciesMs: latencies, seconds };
}

function report(result: Result): string {
  const sorted = [...result.latenciesMs].sort((a, b) => a - b);
  const fmt = (ms: number): string => `${ms.toFixed(1).padStart(8)} ms`;
  return [
    `${result.mode.padEnd(30)} n=${sorted.length}`,
    `  p50 ${fmt(percentile(sorted, 50))}  p95 ${fmt(percentile(sorted, 95))}  p99 ${fmt(percentile(sorted, 99))}  max ${fmt(sorted[sorted.length - 1] ?? Number.NaN)}`,
    `  ${(sorted.length / result.seconds).toFixed(0)} events/s over ${result.seconds.toFixed(1)} s`,
  ].join('\n');
}

async function main(): Promise<void> {
  const stack = await startLocalStack({
    rootDir: findRepoRoot(__dirname),
    name: 'bench',
    freshDatabase: true,
    log: stderrLogSink,
  });
  try {
    stderrLogSink(
      `[bench] ${EVENTS} events per mode at ${RATE}/s; fallback poll every ${POLL_MS} ms`,
    );
    const listen = await runMode('listen', stack.databaseUrl, stack.kafkaBrokers);
    const poll = await runMode('poll', stack.databaseUrl, stack.kafkaBrokers);
    process.stdout.write(
      [
        '',
        'Outbox relay: commit-to-consumer latency (real PostgreSQL and Kafka)',
        report({ ...listen, mode: 'LISTEN/NOTIFY (+ fallback poll)' }),
        report({ ...poll, mode: `fallback poll only (${POLL_MS} ms)` }),
        '',
      ].join('\n'),
    );
  } finally {
    await stack.stop();
  }
}

main().catch((error: unknown) => {
  stderrLogSink(`[bench] failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
