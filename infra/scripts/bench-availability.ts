/**
 * `npm run bench` (after the outbox bench): availability search time IN THE SERVICE
 * (AvailabilityService.search: the one-round-trip input query + the pure core) for a clinic
 * with 20 therapists over 14 days, against real PostgreSQL (the server named by DATABASE_URL,
 * else the embedded one) holding ~60% utilisation of every shift, plus three more clinics
 * like it so the booking table is not trivially small. Prints p50/p95/p99 and the target.
 *
 *   BENCH_SEARCHES (default 200)  measured searches (after 20 warm-up ones)
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import type { Caller } from '@app/auth';
import { databaseUrlFor } from '@app/config';
import { createServiceDataSource, runMigrations } from '@app/database';
import { findRepoRoot, startLocalStack, stderrLogSink } from '@app/local-stack';
import { AvailabilityInputsRepository } from '../../apps/booking/src/availability/availability-inputs.repository';
import { AvailabilityService } from '../../apps/booking/src/availability/availability.service';
import { bookingDefinition } from '../../apps/booking/src/booking.definition';

const SEARCHES = Number(process.env.BENCH_SEARCHES ?? 200);
const WARM_UP = 20;
const THERAPISTS = 20;
const ROOMS = 14;
const DAYS = 14;
const CLINICS = 4;
const UTILISATION = 0.6;
const TARGET_P95_MS = 25;
const PNF_60 = '6f1d2c10-0000-4000-8000-000000000003';
const WEEKDAYS = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
] as const;
const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

/** Deterministic pseudo-random numbers in [0, 1), so every run books the same diary. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function percentile(sorted: readonly number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? Number.NaN;
}

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** A London wall time on a date as UTC ms (the bench dates avoid the clock-change days' hours). */
function londonMs(date: string, minutes: number): number {
  const naive = Date.parse(`${date}T00:00:00Z`) + minutes * MINUTE_MS;
  const offset =
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', timeZoneName: 'shortOffset' })
      .formatToParts(new Date(naive))
      .find((part) => part.type === 'timeZoneName')?.value === 'GMT+1'
      ? 60
      : 0;
  return naive - offset * MINUTE_MS;
}

async function seedClinic(db: Client, fromDate: string, random: () => number): Promise<string> {
  const clinicId = randomUUID();
  const hours = Object.fromEntries(
    WEEKDAYS.map((day) => [
      day,
      day === 'sunday' ? [{ start: '09:00', end: '17:00' }] : [{ start: '08:00', end: '20:00' }],
    ]),
  );
  await db.query(
    `INSERT INTO clinic_projection (id, code, name, timezone, status, weekly_hours, hours_exceptions,
       last_event_id, projected_at)
     VALUES ($1, $2, 'Bench clinic', 'Europe/London', 'active', $3, '[]', $4, now())`,
    [clinicId, `B${clinicId.slice(0, 6)}`, JSON.stringify(hours), randomUUID()],
  );
  const rooms = Array.from({ length: ROOMS }, () => randomUUID()).sort();
  for (const [index, roomId] of rooms.entries()) {
    await db.query(
      `INSERT INTO clinic_room_projection (room_id, clinic_id, name, status, last_event_at, last_event_id)
       VALUES ($1, $2, $3, 'active', now(), $4)`,
      [roomId, clinicId, `Room ${index + 1}`, randomUUID()],
    );
  }

  const roomBusy = new Map<string, [number, number][]>(rooms.map((id) => [id, []]));
  const bookings: unknown[][] = [];
  for (let n = 0; n < THERAPISTS; n += 1) {
    const therapistId = randomUUID();
    const early = n % 2 === 0;
    const dayOff = WEEKDAYS[n % 7];
    const shifts = WEEKDAYS.filter((day) => day !== dayOff && day !== 'sunday').map((weekday) => ({
      shiftId: randomUUID(),
      weekday,
      start: early ? '08:00' : '12:00',
      end: early ? '16:00' : '20:00',
      effectiveFrom: '2020-01-01',
      effectiveTo: null,
    }));
    await db.query(
      `INSERT INTO therapist_projection (id, profession, specialties, clinic_ids, status, last_event_at, last_event_id)
       VALUES ($1, 'physiotherapist', '{}', $2, 'active', now(), $3)`,
      [therapistId, [clinicId], randomUUID()],
    );
    await db.query(
      `INSERT INTO working_pattern_projection (therapist_id, clinic_id, timezone, changed_from, shifts,
         last_event_at, last_event_id)
       VALUES ($1, $2, 'Europe/London', '2020-01-01', $3, now(), $4)`,
      [therapistId, clinicId, JSON.stringify(shifts), randomUUID()],
    );
    for (const type of ['pnf_level_1', 'hcpc_registration']) {
      await db.query(
        `INSERT INTO certification_projection (id, therapist_id, type, issued_on, expires_on, verified,
           status, status_on, last_event_at, last_event_id)
         VALUES ($1, $2, $3, '2020-01-01', '2099-01-01', true, 'valid', '2020-01-01', now(), $4)`,
        [randomUUID(), therapistId, type, randomUUID()],
      );
    }
    if (n % 5 === 0) {
      const offDay = isoDate(Date.parse(`${fromDate}T00:00:00Z`) + (3 + n) * DAY_MS);
      await db.query(
        `INSERT INTO time_off_projection (id, therapist_id, starts_at, ends_at, status, last_event_at, last_event_id)
         VALUES ($1, $2, $3, $4, 'approved', now(), $5)`,
        [
          randomUUID(),
          therapistId,
          new Date(londonMs(offDay, 0)),
          new Date(londonMs(offDay, 24 * 60)),
          randomUUID(),
        ],
      );
    }
    // ~60% of each shift booked: 60-minute treatments + 15 buffer, at 15-minute grid starts.
    for (let d = 0; d < DAYS; d += 1) {
      const date = isoDate(Date.parse(`${fromDate}T00:00:00Z`) + d * DAY_MS);
      const weekday = WEEKDAYS[(new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7];
      if (!shifts.some((s) => s.weekday === weekday)) {
        continue;
      }
      let minute = early ? 8 * 60 : 12 * 60;
      const end = minute + 8 * 60;
      while (minute + 75 <= end) {
        if (random() < UTILISATION) {
          const startsAt = londonMs(date, minute);
          const blocksUntil = startsAt + 75 * MINUTE_MS;
          const roomId = rooms.find((id) =>
            (roomBusy.get(id) ?? []).every(([s, e]) => e <= startsAt || s >= blocksUntil),
          );
          if (roomId !== undefined) {
            roomBusy.get(roomId)?.push([startsAt, blocksUntil]);
            const status = random() < 0.1 ? 'cancelled' : random() < 0.2 ? 'held' : 'confirmed';
            bookings.push([
              randomUUID(),
              clinicId,
              randomUUID(),
              therapistId,
              roomId,
              PNF_60,
              new Date(startsAt),
              new Date(startsAt + 60 * MINUTE_MS),
              new Date(blocksUntil),
              status,
            ]);
          }
          minute += 75;
        } else {
          minute += 15 * (1 + Math.floor(random() * 4));
        }
      }
    }
  }
  for (let i = 0; i < bookings.length; i += 500) {
    const chunk = bookings.slice(i, i + 500);
    const columns = (c: number): unknown[] => chunk.map((row) => row[c]);
    await db.query(
      `INSERT INTO booking (id, clinic_id, client_id, therapist_id, room_id, treatment_id, starts_at,
         ends_at, blocks_until, status, price_pence, currency, local_start, local_end, timezone,
         created_by_subject, created_by_role)
       SELECT b.id, b.clinic_id, b.client_id, b.therapist_id, b.room_id, b.treatment_id, b.starts_at,
              b.ends_at, b.blocks_until, b.status, 6000, 'GBP', '', '', 'Europe/London', 'bench', 'receptionist'
       FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::uuid[], $6::uuid[],
                   $7::timestamptz[], $8::timestamptz[], $9::timestamptz[], $10::text[])
         AS b(id, clinic_id, client_id, therapist_id, room_id, treatment_id, starts_at, ends_at,
              blocks_until, status)`,
      Array.from({ length: 10 }, (_, c) => columns(c)),
    );
  }
  return clinicId;
}

async function main(): Promise<void> {
  const stack = await startLocalStack({
    rootDir: findRepoRoot(__dirname),
    name: 'bench',
    freshDatabase: true,
    // PostgreSQL only: this bench never touches Kafka.
    kafkaBrokers: ['127.0.0.1:9'],
    log: stderrLogSink,
  });
  const database = `bench_availability_${Date.now()}`;
  const admin = new Client({ connectionString: stack.databaseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  await admin.end();
  const url = databaseUrlFor(stack.databaseUrl, database);
  const dataSource = createServiceDataSource({
    url,
    entities: bookingDefinition.entities,
    migrations: bookingDefinition.migrations,
    applicationName: 'bench-availability',
  });
  try {
    await dataSource.initialize();
    await runMigrations(dataSource);
    const db = new Client({ connectionString: url });
    await db.connect();
    const fromDate = isoDate(Date.now() + 2 * DAY_MS);
    const toDate = isoDate(Date.now() + (2 + DAYS - 1) * DAY_MS);
    const random = seeded(20_260_701);
    const clinics: string[] = [];
    for (let c = 0; c < CLINICS; c += 1) {
      clinics.push(await seedClinic(db, fromDate, random));
    }
    await db.query('ANALYZE');
    const counts = await db.query<{ total: string; active: string }>(
      `SELECT count(*) AS total,
              count(*) FILTER (WHERE clinic_id = $1 AND status IN ('held', 'confirmed', 'checked_in')) AS active
       FROM booking`,
      [clinics[0]],
    );
    await db.end();

    const service = new AvailabilityService(new AvailabilityInputsRepository(dataSource));
    const caller: Caller = {
      subject: 'bench',
      role: 'head_office_admin',
      clinicIds: [],
      scopes: [],
    };
    const search = { clinicId: clinics[0], treatmentId: PNF_60, from: fromDate, to: toDate };
    let slots = 0;
    for (let n = 0; n < WARM_UP; n += 1) {
      slots = (await service.search(caller, search)).length;
    }
    const times: number[] = [];
    for (let n = 0; n < SEARCHES; n += 1) {
      const started = performance.now();
      await service.search(caller, search);
      times.push(performance.now() - started);
    }
    const sorted = [...times].sort((a, b) => a - b);
    const fmt = (ms: number): string => `${ms.toFixed(2).padStart(7)} ms`;
    const p95 = percentile(sorted, 95);
    process.stdout.write(
      [
        '',
        `Availability search in the service (repository + core, real PostgreSQL)`,
        `  clinic: ${THERAPISTS} therapists, ${ROOMS} rooms, ${DAYS} days ${fromDate}..${toDate}, PNF 60 min + 15 buffer`,
        `  ${counts.rows[0]?.active ?? '?'} slot-holding bookings at the clinic (each 75-minute block of a shift booked with probability ${UTILISATION}), ${counts.rows[0]?.total ?? '?'} bookings in all (${CLINICS} clinics); ${slots} slots found`,
        `  n=${sorted.length}  p50 ${fmt(percentile(sorted, 50))}  p95 ${fmt(p95)}  p99 ${fmt(percentile(sorted, 99))}  max ${fmt(sorted[sorted.length - 1] ?? Number.NaN)}`,
        `  target p95 < ${TARGET_P95_MS} ms: ${p95 < TARGET_P95_MS ? 'met' : 'NOT met'}`,
        '',
      ].join('\n'),
    );
  } finally {
    if (dataSource.isInitialized) {
      await dataSource.destroy();
    }
    const cleanup = new Client({ connectionString: stack.databaseUrl });
    await cleanup.connect();
    await cleanup.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await cleanup.end();
    await stack.stop();
  }
}

main().catch((error: unknown) => {
  stderrLogSink(
    `[bench] availability failed: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
});
