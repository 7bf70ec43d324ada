import { ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { ensureDevKeyPair } from '@app/auth';
import { SERVICE_DATABASE } from '@app/config';
import {
  CarePlanCreatedV1,
  CertificationRecordedV1,
  CertificationVerifiedV1,
  ClientErasedV1,
  ClinicOpenedV1,
  EligibilityChangedV1,
  TherapistAssignedV1,
  TherapistJoinedV1,
  TimeOffApprovedV1,
  TOPICS,
  WorkingPatternChangedV1,
} from '@app/contracts';
import { createServiceDataSource } from '@app/database';
import { databaseUrlFor, ensureDatabases, findFreePort, findRepoRoot } from '@app/local-stack';
import { KafkaJsMessageBus, MessageBus } from '@app/messaging';
import { testInfra } from '@app/testing';
import {
  certificationState,
  CLOSED_WEEK,
  ProjectionEvents,
  shift,
  therapistState,
} from '../apps/booking/src/projections/test-support/projection-events';
import { waitFor } from '../libs/messaging/src/test-support/backbone-harness';

type Row = Record<string, unknown>;

interface Run {
  readonly code: number | null;
  readonly output: string;
  /** The JSON log lines, in order. */
  readonly lines: Row[];
}

/**
 * `node dist/apps/booking/src/main.js rebuild-projections` as an operator runs it: the
 * booking service (from dist/) builds its projections from roster and client-record events
 * on the real Kafka, the service is stopped, the projection is damaged, and the command
 * rebuilds it from the topics in the service's own database (DATABASE_URL + `booking`).
 */
describe('the rebuild-projections command', () => {
  const root = findRepoRoot(__dirname);
  const main = join(root, 'dist', 'apps', 'booking', 'src', 'main.js');
  const { databaseUrl, kafkaBrokers } = testInfra();
  let env: Record<string, string>;
  let service: ChildProcess | undefined;
  let dataSource: DataSource;
  let bus: MessageBus;

  /** Ids this suite created, per projection table: the other suites' rows are theirs. */
  const ids = {
    clinic: randomUUID(),
    room: randomUUID(),
    therapist: randomUUID(),
    certification: randomUUID(),
    timeOff: randomUUID(),
    client: randomUUID(),
    erasedClient: randomUUID(),
    carePlan: randomUUID(),
  };

  function run(args: string[], overrides: Record<string, string> = {}): Promise<Run> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [main, ...args], {
        env: { ...env, ...overrides },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const timer = setTimeout(() => child.kill('SIGKILL'), 90_000);
      child.on('error', reject);
      child.on('close', (code) => {
        clearTimeout(timer);
        resolve({ code, output, lines: jsonLines(output) });
      });
    });
  }

  beforeAll(async () => {
    const keys = await ensureDevKeyPair(mkdtempSync(join(tmpdir(), 'rebuild-cli-keys-')));
    env = {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'test',
      LOG_FORMAT: 'json',
      LOG_LEVEL: 'info',
      DATABASE_URL: databaseUrl,
      KAFKA_BROKERS: kafkaBrokers.join(','),
      JWT_PUBLIC_KEY_FILE: keys.publicKeyPath,
      BOOKING_PORT: String(await findFreePort()),
      OUTBOX_POLL_INTERVAL_MS: '250',
    };
    await ensureDatabases(databaseUrl, [SERVICE_DATABASE.booking]);
    const migrated = await run(['migrate']);
    expect(migrated.code).toBe(0);

    service = spawn(process.execPath, [main], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let serviceOutput = '';
    service.stdout?.on('data', (chunk: Buffer) => (serviceOutput += chunk.toString()));
    service.stderr?.on('data', (chunk: Buffer) => (serviceOutput += chunk.toString()));
    await waitFor(
      () => (serviceOutput.includes('booking is listening') ? true : undefined),
      'the booking service to listen',
      60_000,
    );

    dataSource = createServiceDataSource({
      url: databaseUrlFor(databaseUrl, SERVICE_DATABASE.booking),
      entities: [],
      migrations: [],
      applicationName: 'rebuild-cli-test',
    });
    await dataSource.initialize();
    bus = new KafkaJsMessageBus({ brokers: kafkaBrokers, clientId: 'rebuild-cli-test' });
  }, 180_000);

  afterAll(async () => {
    if (service !== undefined && service.exitCode === null) {
      service.kill('SIGKILL');
    }
    await bus?.close();
    await dataSource?.destroy();
  });

  async function stopService(): Promise<void> {
    const child = service;
    if (child === undefined || child.exitCode !== null) {
      return;
    }
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  }

  /** Publishes what roster and client-record would, and waits until the service applied it. */
  async function publishHistory(): Promise<void> {
    const events = new ProjectionEvents(bus, dataSource);
    const clinicId = ids.clinic;
    await events.deliver(ClinicOpenedV1, {
      aggregateId: clinicId,
      clinicId,
      data: {
        clinicId,
        code: `R${clinicId.slice(0, 6).toUpperCase()}`,
        name: 'Harrogate (CLI rebuild)',
        timezone: 'Europe/London',
        status: 'active',
        address: { line1: '2 Station Parade', line2: null, city: 'Harrogate', postcode: 'HG1 1TT' },
        weeklyHours: { ...CLOSED_WEEK, monday: [{ start: '09:00', end: '17:00' }] },
        hoursExceptions: [],
        rooms: [
          {
            roomId: ids.room,
            name: 'Room 1',
            status: 'active',
            addedAt: '2026-03-01T09:00:00.000Z',
            retiredAt: null,
          },
        ],
      },
    });
    const therapist = therapistState({ therapistId: ids.therapist, clinicIds: [] });
    const key = { aggregateId: ids.therapist, clinicId };
    await events.deliver(TherapistJoinedV1, { ...key, clinicId: null, data: therapist });
    await events.deliver(TherapistAssignedV1, {
      ...key,
      data: { ...therapist, clinicIds: [clinicId], clinicId },
    });
    const certification = certificationState(ids.therapist, {
      certificationId: ids.certification,
      type: 'hcpc_registration',
    });
    await events.deliver(CertificationRecordedV1, { ...key, data: certification });
    await events.deliver(CertificationVerifiedV1, {
      ...key,
      data: { ...certification, verified: true },
    });
    await events.deliver(WorkingPatternChangedV1, {
      ...key,
      data: {
        therapistId: ids.therapist,
        clinicId,
        timezone: 'Europe/London',
        changedFrom: '2026-03-02',
        shifts: [shift('monday', '09:00', '17:00')],
      },
    });
    await events.deliver(TimeOffApprovedV1, {
      ...key,
      data: {
        timeOffId: ids.timeOff,
        therapistId: ids.therapist,
        clinicIds: [clinicId],
        kind: 'holiday',
        startsAt: '2027-04-05T08:00:00+01:00',
        endsAt: '2027-04-09T17:00:00+01:00',
      },
    });
    for (const clientId of [ids.client, ids.erasedClient]) {
      await events.deliver(EligibilityChangedV1, {
        aggregateId: clientId,
        clinicId,
        data: {
          clientId,
          clinicIds: [clinicId],
          screeningId: randomUUID(),
          status: 'cleared',
          validUntil: '2028-01-31',
          cause: 'screening',
        },
      });
    }
    await events.deliver(CarePlanCreatedV1, {
      aggregateId: ids.carePlan,
      clinicId,
      data: {
        carePlanId: ids.carePlan,
        clientId: ids.client,
        clinicId,
        version: 1,
        status: 'active',
        sessionsPerWeek: 2,
        weeks: 6,
        maintenanceEveryWeeks: null,
        startsOn: '2027-01-04',
        preferredTherapistId: ids.therapist,
      },
    });
    await events.deliver(ClientErasedV1, {
      aggregateId: ids.erasedClient,
      clinicId: null,
      data: {
        clientId: ids.erasedClient,
        clinicIds: [clinicId],
        erasedAt: '2027-01-10T14:32:05.120Z',
        retentionUntil: '2035-01-10',
      },
    });
  }

  /** This suite's rows of every projection table (projected_at left out: a rebuild renews it). */
  async function snapshot(): Promise<Record<string, Row[]>> {
    const query = async (table: string, column: string, values: string[]): Promise<Row[]> =>
      (
        await dataSource.query<Row[]>(
          `SELECT * FROM ${table} WHERE ${column} = ANY($1::uuid[]) ORDER BY ${column}`,
          [values],
        )
      ).map(({ projected_at: _projectedAt, ...row }) => row);
    const clients = [ids.client, ids.erasedClient];
    return {
      clinics: await query('clinic_projection', 'id', [ids.clinic]),
      rooms: await query('clinic_room_projection', 'room_id', [ids.room]),
      therapists: await query('therapist_projection', 'id', [ids.therapist]),
      certifications: await query('certification_projection', 'id', [ids.certification]),
      patterns: await query('working_pattern_projection', 'therapist_id', [ids.therapist]),
      timeOff: await query('time_off_projection', 'id', [ids.timeOff]),
      eligibility: await query('client_eligibility_projection', 'client_id', clients),
      carePlans: await query('care_plan_projection', 'id', [ids.carePlan]),
      erasures: await query('client_erasure_projection', 'client_id', clients),
    };
  }

  it('replays both topics into the projection the service built, printing progress and counts, exit 0', async () => {
    await publishHistory();
    const before = await snapshot();
    for (const [table, rows] of Object.entries(before)) {
      expect({ table, rows: rows.length }).toEqual({ table, rows: 1 });
    }
    await stopService();
    // Damage the projection, so a command that did nothing would not pass.
    await dataSource.query(`DELETE FROM therapist_projection WHERE id = $1`, [ids.therapist]);
    await dataSource.query(`UPDATE clinic_projection SET name = 'stale' WHERE id = $1`, [
      ids.clinic,
    ]);
    await dataSource.query(`DELETE FROM client_erasure_projection WHERE client_id = $1`, [
      ids.erasedClient,
    ]);

    const result = await run(['rebuild-projections']);

    // On failure the message shows the command's output.
    expect({ code: result.code, output: result.output }).toMatchObject({ code: 0 });
    const messages = result.lines.map((line) => line.msg);
    expect(messages).toEqual(
      expect.arrayContaining([
        'connecting to the booking database and Kafka',
        'rebuilding projections from roster and client-record events',
        'replaying',
        'projections rebuilt',
      ]),
    );
    const done = result.lines.find((line) => line.msg === 'projections rebuilt') as {
      topics: Record<string, string>;
      tables: string[];
    };
    expect(Object.keys(done.topics).sort()).toEqual([TOPICS.clientRecord, TOPICS.roster].sort());
    for (const summary of Object.values(done.topics)) {
      const [, applied, total] = /^(\d+) applied, .* \(of (\d+)\)$/.exec(summary) ?? [];
      expect(Number(applied)).toBeGreaterThan(0);
      expect(Number(total)).toBeGreaterThanOrEqual(Number(applied));
    }
    expect(done.tables).toEqual(
      expect.arrayContaining(['clinic_projection', 'therapist_projection', 'care_plan_projection']),
    );

    expect(await snapshot()).toEqual(before);
  });

  it('an unreachable database: exit 1, naming DATABASE_URL, without the password', async () => {
    const port = await findFreePort();
    const result = await run(['rebuild-projections'], {
      DATABASE_URL: `postgres://postgres:not-this-one@127.0.0.1:${port}/postgres`,
    });
    expect(result.code).toBe(1);
    const fatal = result.lines.find((line) => line.level === 'fatal');
    expect(fatal?.msg).toMatch(
      new RegExp(
        `projections are unchanged: could not connect to PostgreSQL at postgres://postgres:\\*\\*\\*@127\\.0\\.0\\.1:${port}/booking .*check DATABASE_URL`,
      ),
    );
    expect(result.output).not.toContain('not-this-one');
  });

  it.each([
    [['rebuild-projection'], 'unknown command "rebuild-projection"'],
    [['rebuild-projections', '--dry-run'], 'unexpected "--dry-run" after "rebuild-projections"'],
  ])('%j: exit 2 with the usage, and nothing runs', async (args, complaint) => {
    const result = await run(args);
    expect(result.code).toBe(2);
    expect(result.output).toContain(complaint);
    expect(result.output).toContain('main.js rebuild-projections');
    expect(result.lines).toEqual([]);
  });
});

function jsonLines(output: string): Row[] {
  return output
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Row);
}
