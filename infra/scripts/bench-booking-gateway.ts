/**
 * `npm run bench` (after the outbox and availability benches): booking THROUGH THE GATEWAY
 * with the whole platform running (local stack, migrations, the four services and the
 * gateway as separate processes, as `npm start` runs them). The world is built through the
 * real services (see booking-world.ts); then:
 *
 * - throughput: BENCH_BOOKINGS holdBooking requests for distinct, non-overlapping slots
 *   (many therapists and days) from 50 concurrent clients; bookings/s, p50/p95/p99.
 * - the race: 50 parallel holds of one slot; successes / SLOT_UNAVAILABLE / anything else.
 *
 * Prints figures, asserts nothing. Stops every process it started.
 *
 *   BENCH_BOOKINGS (default 600)   measured holds (after 20 warm-up ones)
 *   BENCH_CONCURRENCY (default 50) concurrent clients
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ensureDevKeyPair, signDevToken } from '@app/auth';
import { LaunchedPlatform, launchPlatform } from '@app/launcher';
import { findRepoRoot, LocalStack, startLocalStack, stderrLogSink } from '@app/local-stack';
import {
  ASSESSMENT_BLOCK_MINUTES,
  availability,
  buildBookableWorld,
  holdBooking,
  overlappingPairs,
  Slot,
  tally,
} from './booking-world';

const BOOKINGS = Number(process.env.BENCH_BOOKINGS ?? 600);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 50);
const WARM_UP = 20;
const THERAPISTS = 12;
const DAYS = 14;
const RACE = 50;

function percentile(sorted: readonly number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? Number.NaN;
}

/** Per therapist, slots at least one block (treatment + buffer) apart: none overlap. */
function disjointSlots(slots: readonly Slot[]): Slot[] {
  const chosen: Slot[] = [];
  let last = Number.NEGATIVE_INFINITY;
  for (const slot of [...slots].sort((a, b) => a.startsAt.localeCompare(b.startsAt))) {
    const start = Date.parse(slot.startsAt);
    if (start - last >= ASSESSMENT_BLOCK_MINUTES * 60_000) {
      chosen.push(slot);
      last = start;
    }
  }
  return chosen;
}

async function main(): Promise<void> {
  const rootDir = findRepoRoot(__dirname);
  let stack: LocalStack | undefined;
  let platform: LaunchedPlatform | undefined;
  try {
    stack = await startLocalStack({
      rootDir,
      name: 'bench-gateway',
      freshDatabase: true,
      log: stderrLogSink,
    });
    const keys = await ensureDevKeyPair(mkdtempSync(join(tmpdir(), 'bench-gateway-keys-')));
    platform = await launchPlatform({
      rootDir,
      databaseUrl: stack.databaseUrl,
      kafkaBrokers: stack.kafkaBrokers,
      publicKeyFile: keys.publicKeyPath,
      ports: {},
      logFormat: 'json',
      nodeEnv: 'development',
      env: { OUTBOX_POLL_INTERVAL_MS: '250', LOG_LEVEL: 'warn' },
      onLine: () => undefined,
      log: stderrLogSink,
      onSpawned: (spawned) => {
        platform = spawned;
      },
    });
    const url = platform.gatewayUrl;
    const world = await buildBookableWorld({
      gatewayUrl: url,
      token: (request) => signDevToken(request, keys.privateKeyPem),
      therapists: THERAPISTS,
      rooms: THERAPISTS,
      clients: 0,
      days: DAYS,
      log: stderrLogSink,
    });
    const token = world.receptionToken;
    const perTherapist = await Promise.all(
      world.therapistIds.map((id) =>
        availability(url, token, world.clinicId, world.from, world.to, id),
      ),
    );
    // The race slot first (the earliest of therapist 0), the rest for throughput.
    const raceSlot = perTherapist[0]?.[0];
    const pool = perTherapist
      .flatMap((slots) => disjointSlots(slots))
      .filter((slot) => slot !== raceSlot);
    const wanted = WARM_UP + BOOKINGS;
    if (raceSlot === undefined || pool.length < wanted) {
      throw new Error(`only ${pool.length} disjoint slots for ${wanted} bookings`);
    }
    // Interleave therapists and days so concurrent clients rarely queue on one therapist.
    const queue = pool.sort(() => Math.random() - 0.5).slice(0, wanted);
    stderrLogSink(
      `[bench] ${queue.length} distinct slots over ${THERAPISTS} therapists x ${DAYS} days; ${CONCURRENCY} concurrent clients`,
    );

    const warm = queue.splice(0, WARM_UP);
    await Promise.all(
      warm.map((slot) =>
        holdBooking(url, token, world, slot.therapistId, slot.startsAt, randomUUID()),
      ),
    );
    const latencies: number[] = [];
    const replies: Awaited<ReturnType<typeof holdBooking>>[] = [];
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        for (;;) {
          const slot = queue[next];
          next += 1;
          if (slot === undefined) {
            return;
          }
          const t0 = performance.now();
          const reply = await holdBooking(
            url,
            token,
            world,
            slot.therapistId,
            slot.startsAt,
            randomUUID(),
          );
          latencies.push(performance.now() - t0);
          replies.push(reply);
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const outcome = tally(replies);
    const sorted = [...latencies].sort((a, b) => a - b);

    const race = tally(
      await Promise.all(
        Array.from({ length: RACE }, () =>
          holdBooking(url, token, world, raceSlot.therapistId, raceSlot.startsAt, randomUUID()),
        ),
      ),
    );
    const overlaps = overlappingPairs(outcome.successes, ASSESSMENT_BLOCK_MINUTES).length;

    process.stdout.write(
      [
        '',
        `Booking through the gateway (holdBooking, initial assessment; ${THERAPISTS} therapists, ${DAYS} days, ${CONCURRENCY} concurrent clients, all five apps running)`,
        `  holds:       ${replies.length} in ${seconds.toFixed(2)} s = ${(replies.length / seconds).toFixed(1)} bookings/s`,
        `  latency:     p50 ${percentile(sorted, 50).toFixed(1)} ms  p95 ${percentile(sorted, 95).toFixed(1)} ms  p99 ${percentile(sorted, 99).toFixed(1)} ms  max ${(sorted[sorted.length - 1] ?? Number.NaN).toFixed(1)} ms`,
        `  outcomes:    ${outcome.successes.length} held, ${outcome.slotUnavailable} SLOT_UNAVAILABLE, ${outcome.other.length} other${outcome.other.length > 0 ? ` (${JSON.stringify(outcome.other.slice(0, 3))})` : ''}; overlapping pairs among held: ${overlaps}`,
        `Race: ${RACE} parallel holds of one slot (${raceSlot.startsAt})`,
        `  ${race.successes.length} held, ${race.slotUnavailable} SLOT_UNAVAILABLE, ${race.other.length} other${race.other.length > 0 ? ` (${JSON.stringify(race.other.slice(0, 3))})` : ''}`,
        '',
      ].join('\n'),
    );
  } finally {
    await platform?.stop().catch(() => platform?.kill());
    await stack?.stop().catch(() => stack?.kill());
  }
}

main().catch((error: unknown) => {
  stderrLogSink(`[bench] failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
