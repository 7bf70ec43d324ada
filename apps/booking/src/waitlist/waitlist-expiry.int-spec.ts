import { randomUUID } from 'node:crypto';
import { TOPICS } from '@app/contracts';
import { OutboxWriter, typeormTransactions } from '@app/messaging';
import { createLogger } from '@app/observability';
import { ServiceTestApp, startServiceTestApp } from '@app/platform/test-support/service-test-app';
import { bookingDefinition } from '../booking.definition';
import { BookingModule } from '../booking.module';
import {
  BookingWorld,
  londonLocal,
  seedBookingWorld,
  TREATMENTS,
} from '../bookings/test-support/booking-world';
import { WaitlistExpiryJob } from './waitlist-expiry.job';
import { WaitlistRepository } from './waitlist.repository';

const ENTRY = `id treatmentId fromDate toDate status bookingId`;
const JOIN = `mutation J($input: JoinWaitlistInput!) { joinWaitlist(input: $input) { ${ENTRY} } }`;
const CLINIC_LIST = `query W($clinicId: ID!, $statuses: [WaitlistStatus!]) {
  waitlist(clinicId: $clinicId, statuses: $statuses) { ${ENTRY} } }`;
const MINE = `query { myWaitlist { ${ENTRY} } }`;

interface EntryView {
  id: string;
  treatmentId: string;
  fromDate: string;
  toDate: string;
  status: string;
  bookingId: string | null;
}

/** The clinic-local (London) date `days` from today. */
function londonDate(days: number): string {
  const today = londonLocal(new Date()).slice(0, 10);
  return new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

describe('waitlist expiry job (real PostgreSQL and Kafka)', () => {
  let app: ServiceTestApp;
  let world: BookingWorld;
  let staff: string;

  beforeAll(async () => {
    app = await startServiceTestApp(bookingDefinition, BookingModule.forRoot, {
      watchTopics: [TOPICS.booking],
    });
    world = await seedBookingWorld(app, { therapists: 1 });
    staff = await app.token({
      role: 'receptionist',
      clinicIds: [world.clinicId],
      subject: 'reception-expiry',
    });
  }, 180_000);

  afterAll(async () => {
    await app?.close();
  });

  /** A new job over the test app's database, as a second replica would run it. */
  function expiryJob(): WaitlistExpiryJob {
    return new WaitlistExpiryJob(
      new WaitlistRepository(),
      new OutboxWriter(),
      typeormTransactions(app.dataSource),
      createLogger({ service: 'booking-test', level: 'warn', format: 'json' }),
    );
  }

  async function join(treatmentId: string): Promise<EntryView> {
    const res = await app.gql<{ joinWaitlist: EntryView }>(
      JOIN,
      {
        input: {
          clientId: world.clients.cleared,
          clinicId: world.clinicId,
          treatmentId,
          fromDate: londonDate(1),
          toDate: londonDate(5),
        },
      },
      staff,
    );
    expect(res.errors).toBeUndefined();
    return res.data!.joinWaitlist;
  }

  /** Moves an entry's window as if it had been joined days ago (joining refuses past dates). */
  async function setWindow(id: string, fromDate: string, toDate: string): Promise<void> {
    await app.dataSource.query(
      `UPDATE waitlist_entry SET from_date = $2, to_date = $3 WHERE id = $1`,
      [id, fromDate, toDate],
    );
  }

  async function entryRow(id: string): Promise<Record<string, unknown>> {
    const [row] = await app.dataSource.query<Record<string, unknown>[]>(
      `SELECT status, closed_at, version FROM waitlist_entry WHERE id = $1`,
      [id],
    );
    return row;
  }

  async function counts(): Promise<{ waiting: number; outbox: number }> {
    const [row] = await app.dataSource.query<{ waiting: number; outbox: number }[]>(
      `SELECT (SELECT count(*) FROM waitlist_entry WHERE status = 'waiting')::int AS waiting,
              (SELECT count(*) FROM outbox)::int AS outbox`,
    );
    return row;
  }

  it('expires an entry whose window ended yesterday, with waitlist.expired; leaves a current one and an offered one; a second run does nothing', async () => {
    const ended = await join(TREATMENTS.pnf30);
    const current = await join(TREATMENTS.pnf60);
    const offered = await join(TREATMENTS.assessment);
    await setWindow(ended.id, londonDate(-3), londonDate(-1));
    // Its last day is today at the clinic: not passed until the clinic's midnight.
    await setWindow(current.id, londonDate(-2), londonDate(0));
    // Window passed, but an offer is outstanding: left to the offer's own expiry.
    await setWindow(offered.id, londonDate(-3), londonDate(-1));
    const heldBooking = randomUUID();
    await app.dataSource.query(
      `UPDATE waitlist_entry SET status = 'offered', booking_id = $2, offered_at = now(),
         offer_expires_at = now() + interval '10 minutes' WHERE id = $1`,
      [offered.id, heldBooking],
    );
    const before = await counts();

    const job = expiryJob();
    const first = await job.runAt(new Date());
    expect(first).toEqual({ ran: true, expired: [ended.id], failed: [] });

    expect(await entryRow(ended.id)).toMatchObject({ status: 'expired', version: 2 });
    expect((await entryRow(ended.id)).closed_at).toBeInstanceOf(Date);
    expect(await entryRow(current.id)).toMatchObject({ status: 'waiting', closed_at: null });
    expect(await entryRow(offered.id)).toMatchObject({ status: 'offered', closed_at: null });
    expect(await counts()).toEqual({ waiting: before.waiting - 1, outbox: before.outbox + 1 });

    const event = await app.event('waitlist.expired', (e) => e.aggregateId === ended.id, 60_000);
    expect(event.clinicId).toBe(world.clinicId);
    expect(event.actor).toEqual({ type: 'system', id: 'booking-waitlist-expiry-job' });
    expect(event.data).toEqual({
      entryId: ended.id,
      clinicId: world.clinicId,
      clientId: world.clients.cleared,
      treatmentId: TREATMENTS.pnf30,
      therapistId: null,
      fromDate: londonDate(-3),
      toDate: londonDate(-1),
      expiredAt: expect.any(String) as string,
    });
    expect(
      app.events((e) => e.type === 'waitlist.expired' && e.aggregateId !== ended.id),
    ).toHaveLength(0);

    // A second run (or another replica's) finds nothing left to do and writes nothing.
    const afterFirst = await counts();
    expect(await expiryJob().runAt(new Date())).toEqual({ ran: true, expired: [], failed: [] });
    expect(await counts()).toEqual(afterFirst);
    expect((await entryRow(ended.id)).version).toBe(2);

    // The client and the clinic see the status.
    const client = await app.token({
      role: 'client',
      clientId: world.clients.cleared,
      subject: `client-${world.clients.cleared}`,
    });
    const mine = await app.gql<{ myWaitlist: EntryView[] }>(MINE, {}, client);
    expect(mine.errors).toBeUndefined();
    expect(Object.fromEntries((mine.data?.myWaitlist ?? []).map((e) => [e.id, e.status]))).toEqual({
      [ended.id]: 'expired',
      [current.id]: 'waiting',
      [offered.id]: 'offered',
    });

    const open = await app.gql<{ waitlist: EntryView[] }>(
      CLINIC_LIST,
      { clinicId: world.clinicId },
      staff,
    );
    expect(open.errors).toBeUndefined();
    expect(open.data?.waitlist.map((e) => e.id).sort()).toEqual([current.id, offered.id].sort());
    const expired = await app.gql<{ waitlist: EntryView[] }>(
      CLINIC_LIST,
      { clinicId: world.clinicId, statuses: ['expired'] },
      staff,
    );
    expect(expired.errors).toBeUndefined();
    expect(expired.data?.waitlist).toEqual([
      {
        id: ended.id,
        treatmentId: TREATMENTS.pnf30,
        fromDate: londonDate(-3),
        toDate: londonDate(-1),
        status: 'expired',
        bookingId: null,
      },
    ]);
  });

  it('skips the run while another replica holds the job lock', async () => {
    const entry = await join(TREATMENTS.pnf30);
    await setWindow(entry.id, londonDate(-2), londonDate(-1));
    const before = await counts();
    const runner = app.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      await runner.query(
        `SELECT pg_advisory_xact_lock(hashtextextended('booking-waitlist-expiry', 0))`,
      );
      expect(await expiryJob().runAt(new Date())).toEqual({ ran: false, expired: [], failed: [] });
      expect(await counts()).toEqual(before);
      await runner.commitTransaction();
    } finally {
      await runner.release();
    }
    expect(await expiryJob().runAt(new Date())).toEqual({
      ran: true,
      expired: [entry.id],
      failed: [],
    });
  });
});
