import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { APP_NAMES, PORT_VARIABLE } from '@app/config';
import { SERIES_CLIENT, weekdayOf } from '@app/launcher/demo-bookings';
import { DEMO_CLIENTS, demoClientEmail } from '@app/launcher/demo-clients';
import { findFreePort, findRepoRoot } from '@app/local-stack';
import { waitFor } from '../libs/messaging/src/test-support/backbone-harness';
import { gql } from './support/running-platform';
import { childPids, isAlive, pidsMatching } from './support/processes';

/**
 * README's start command, as a new user runs it: its own PostgreSQL and Kafka, every app,
 * demo data, a URL and a token; Ctrl-C leaves nothing running.
 */
describe('npm start', () => {
  const root = findRepoRoot(__dirname);
  // test-<pid>-…: the next test run removes it once this process is gone.
  const stackName = `test-${process.pid}-start`;
  let child: ChildProcess;
  let output = '';

  afterAll(() => {
    if (child.exitCode === null) {
      child.kill('SIGKILL');
    }
  });

  it('starts the platform with demo data, prints the URL and a working token, and Ctrl-C stops everything', async () => {
    const env: Record<string, string> = {};
    for (const [key, value] of Object.entries(process.env)) {
      if (value !== undefined && !['DATABASE_URL', 'KAFKA_BROKERS', 'NODE_ENV'].includes(key)) {
        env[key] = value;
      }
    }
    const used: number[] = [];
    for (const app of APP_NAMES) {
      const port = await findFreePort(used);
      used.push(port);
      env[PORT_VARIABLE[app]] = String(port);
    }
    env.LOCAL_STACK_NAME = stackName;
    // The demo seed runs after this, so its "now" (what "within 24 h" is measured from) is later.
    const startedAt = Date.now();
    child = spawn(process.execPath, [join(root, 'dist', 'infra', 'scripts', 'start.js')], {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));

    const url = await waitFor(
      () => output.match(/GraphQL:\s+(http:\/\/\S+)/)?.[1],
      'the start command to print the GraphQL URL',
      150_000,
    );
    const token = await waitFor(
      () => output.match(/Head-office token \(8 h\):\n(\S+)/)?.[1],
      'the head-office token',
    );
    const clinics = await gql<{
      clinics: { id: string; code: string; treatments: { code: string }[] }[];
    }>(url, '{ clinics { id code treatments { code } } }', { token });
    expect(clinics.errors).toBeUndefined();
    expect(clinics.data?.clinics.map((c) => c.code).sort()).toEqual(['BRS-01', 'LDS-01', 'MAN-01']);
    expect(clinics.data?.clinics[0]?.treatments.length).toBe(4);
    await expectDemoBookings(url, token, clinics.data?.clinics ?? [], output, startedAt);

    const appPids = childPids(child.pid ?? -1, join(root, 'dist', 'apps'));
    expect(appPids).toHaveLength(APP_NAMES.length);
    const infraPids = [
      ...pidsMatching(`.local/kafka/${stackName}`),
      ...pidsMatching(`.local/postgres/${stackName}`),
    ];
    expect(infraPids.length).toBeGreaterThanOrEqual(2);

    const exited = new Promise<number | null>((resolve) =>
      child.once('exit', (code) => resolve(code)),
    );
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(output).toContain('nothing left running');
    expect([...appPids, ...infraPids].filter(isAlive)).toEqual([]);
    expect(pidsMatching(stackName)).toEqual([]);
  });
});

interface DiaryBooking {
  readonly clientId: string;
  readonly startsAt: string;
  readonly localStart: string;
  readonly status: string;
  readonly lateCancellation: boolean | null;
  readonly lateFeePence: number | null;
}

const DAY_MS = 86_400_000;
const LIVE = ['held', 'confirmed', 'checked_in'];

/**
 * What the demo seed (libs/launcher/src/demo-bookings.ts) promises, read through the gateway
 * as head office: four weeks of each demo clinic's diary in mixed statuses, a care-plan
 * series at the series client's clinic, a late cancellation where an appointment fell within
 * 24 h of the seed, and the two waitlist entries.
 */
async function expectDemoBookings(
  url: string,
  token: string,
  clinics: readonly { id: string; code: string }[],
  output: string,
  seedNotBefore: number,
): Promise<void> {
  const queriedAt = Date.now();
  const diaries = new Map<string, DiaryBooking[]>();
  for (const clinic of clinics) {
    const diary = await gql<{ clinicDiary: DiaryBooking[] }>(
      url,
      'query Diary($c: ID!, $from: DateTime!, $to: DateTime!) { clinicDiary(clinicId: $c, from: $from, to: $to) { clientId startsAt localStart status lateCancellation lateFeePence } }',
      {
        token,
        variables: {
          c: clinic.id,
          from: new Date(seedNotBefore).toISOString(),
          to: new Date(seedNotBefore + 30 * DAY_MS).toISOString(),
        },
      },
    );
    expect(diary.errors).toBeUndefined();
    diaries.set(clinic.code, diary.data?.clinicDiary ?? []);
  }

  for (const [code, bookings] of diaries) {
    // Weeks counted from the seed: the live diary spans at least three of them.
    const weeks = new Set(
      bookings
        .filter((b) => LIVE.includes(b.status))
        .map((b) => Math.floor((Date.parse(b.startsAt) - seedNotBefore) / (7 * DAY_MS))),
    );
    // Reception's cancellations more than 24 h ahead, in weeks three and four: no fee.
    const cancelledAhead = bookings.filter(
      (b) =>
        b.status === 'cancelled' &&
        b.lateCancellation === false &&
        Date.parse(b.startsAt) >= seedNotBefore + 14 * DAY_MS,
    );
    // The seed cancels the soonest appointment within 24 h as its client (late, with a fee)
    // whenever the diary has one; whether it has depends on the day and hour of the run.
    const within24h = bookings.filter(
      (b) =>
        b.status !== 'held' &&
        Date.parse(b.startsAt) > queriedAt &&
        Date.parse(b.startsAt) < seedNotBefore + DAY_MS,
    );
    const late = bookings.filter((b) => b.status === 'cancelled' && b.lateCancellation === true);
    expect({
      code,
      statuses: [...new Set(bookings.map((b) => b.status))].sort(),
      weeks: weeks.size >= 3 ? 'three or more' : weeks.size,
      cancelledAhead: cancelledAhead.length >= 1 ? 'one or more' : 0,
      late: late.length,
      lateFeesCharged: late.every((b) => (b.lateFeePence ?? 0) > 0),
    }).toEqual({
      code,
      statuses: expect.arrayContaining(['cancelled', 'confirmed']) as unknown,
      weeks: 'three or more',
      cancelledAhead: 'one or more',
      late: within24h.length > 0 ? 1 : (expect.any(Number) as unknown),
      lateFeesCharged: true,
    });
  }

  // One late booking per clinic whose course clients are booked one by one is left held.
  const held = (code: string) => diaries.get(code)?.filter((b) => b.status === 'held') ?? [];
  expect({ LDS: held('LDS-01').length, BRS: held('BRS-01').length }).toEqual({ LDS: 1, BRS: 1 });

  // The series client's course is one care-plan series (bookSeries): his bookings at his
  // clinic are that series' sessions on his course weekdays (plus any rebooking).
  const seriesDemo = DEMO_CLIENTS.find((c) => c.givenName === SERIES_CLIENT.givenName);
  expect(seriesDemo?.course).toBeDefined();
  const seriesLine = output.match(
    new RegExp(
      `\\[seed\\] bookings ${seriesDemo?.clinic}: \\d+ confirmed \\((\\d+) in a care-plan series\\)`,
    ),
  );
  const inSeries = Number(seriesLine?.[1] ?? 0);
  expect(inSeries).toBeGreaterThanOrEqual(4);
  const email = demoClientEmail(SERIES_CLIENT);
  const found = await gql<{ clients: { edges: { node: { id: string; email: string | null } }[] } }>(
    url,
    'query Find($text: String!) { clients(search: { text: $text }, first: 5) { edges { node { id email } } } }',
    { token, variables: { text: email } },
  );
  const liam = found.data?.clients.edges.find(({ node }) => node.email === email)?.node.id;
  expect(liam).toBeDefined();
  const onCourseDays = (diaries.get(seriesDemo?.clinic ?? '') ?? []).filter(
    (b) =>
      b.clientId === liam &&
      (seriesDemo?.course?.weekdays ?? []).includes(weekdayOf(b.localStart.slice(0, 10))),
  );
  expect(onCourseDays.length).toBeGreaterThanOrEqual(inSeries);

  // Two cleared clients wait for a named therapist: one at Leeds, one at Bristol.
  for (const code of ['LDS-01', 'BRS-01']) {
    const clinicId = clinics.find((c) => c.code === code)?.id;
    const waitlist = await gql<{ waitlist: { status: string; therapistId: string | null }[] }>(
      url,
      'query Waitlist($c: ID!) { waitlist(clinicId: $c) { status therapistId } }',
      { token, variables: { c: clinicId } },
    );
    expect(waitlist.errors).toBeUndefined();
    expect({ code, waitlist: waitlist.data?.waitlist }).toEqual({
      code,
      waitlist: [{ status: 'waiting', therapistId: expect.any(String) as unknown }],
    });
  }
}
