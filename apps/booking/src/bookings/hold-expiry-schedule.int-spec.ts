import { randomUUID } from 'node:crypto';
import { EventEnvelope, TOPICS } from '@app/contracts';
import { OutboxWriter, typeormTransactions } from '@app/messaging';
import { createLogger } from '@app/observability';
import { ServiceTestApp, startServiceTestApp } from '@app/platform/test-support/service-test-app';
import { bookingDefinition } from '../booking.definition';
import { BookingModule } from '../booking.module';
import { eventually } from '../projections/test-support/projection-events';
import { BookingsRepository } from './bookings.repository';
import { HOLD_EXPIRY_INTERVAL_MS, HoldExpiryJob } from './hold-expiry.job';
import { bookingRow, BookingView, gqlOk, HOLD } from './test-support/booking-graphql';
import {
  BookingWorld,
  daysAhead,
  seedBookingWorld,
  TREATMENTS,
} from './test-support/booking-world';

/**
 * The hold-expiry job as it runs in the service: nobody calls `runAt`; its own schedule
 * (at start-up, then every HOLD_EXPIRY_INTERVAL_MS) finds the holds that came due.
 */
describe('HoldExpiryJob on its own schedule (real PostgreSQL and Kafka)', () => {
  let app: ServiceTestApp;
  let world: BookingWorld;
  let staff: string;

  beforeAll(async () => {
    app = await startServiceTestApp(bookingDefinition, BookingModule.forRoot, {
      watchTopics: [TOPICS.booking],
    });
    world = await seedBookingWorld(app, { therapists: 3 });
    staff = await app.token({
      role: 'receptionist',
      clinicIds: [world.clinicId],
      subject: 'reception-1',
    });
  }, 180_000);

  afterAll(async () => {
    await app?.close();
  });

  const hold = (therapist: number, startsAt: Date): Promise<BookingView> =>
    gqlOk<BookingView>(
      app,
      HOLD,
      {
        input: {
          clinicId: world.clinicId,
          treatmentId: TREATMENTS.pnf30,
          therapistId: world.therapistIds[therapist],
          startsAt: startsAt.toISOString(),
          clientId: world.clients.cleared,
          idempotencyKey: randomUUID(),
        },
      },
      staff,
    );

  const status = async (id: string): Promise<unknown> => (await bookingRow(app, id)).status;
  const expiredEvents = (id: string): EventEnvelope[] =>
    app.events((e) => e.type === 'booking.hold_expired' && e.aggregateId === id);
  const expiredInOutbox = async (id: string): Promise<number> => {
    const [row] = await app.dataSource.query<{ count: number }[]>(
      `SELECT count(*)::int AS count FROM outbox
        WHERE event_type = 'booking.hold_expired' AND envelope->>'aggregateId' = $1`,
      [id],
    );
    return row.count;
  };

  /** Longer than two runs apart: the run in progress may have read its due holds already. */
  const withinTwoRuns = 2 * HOLD_EXPIRY_INTERVAL_MS + 20_000;

  it('expires a hold whose time has passed on its next scheduled run, once, and leaves a hold not yet due held', async () => {
    const due = await hold(0, daysAhead(4, 9));
    const notDue = await hold(1, daysAhead(4, 9));
    expect(Date.parse(notDue.holdExpiresAt!)).toBeGreaterThan(Date.now());
    await app.dataSource.query(
      `UPDATE booking SET hold_expires_at = now() - interval '1 minute' WHERE id = $1`,
      [due.id],
    );

    await eventually(async () => {
      expect(await status(due.id)).toBe('hold_expired');
    }, withinTwoRuns);
    const event = await app.event('booking.hold_expired', (e) => e.aggregateId === due.id);
    expect(event.actor).toEqual({ type: 'system', id: 'booking-hold-expiry-job' });
    expect(event.data).toMatchObject({ bookingId: due.id, status: 'expired' });
    expect(await expiredInOutbox(due.id)).toBe(1);
    expect(expiredEvents(due.id)).toHaveLength(1);

    // The run that expired `due` read every held booking: `notDue` was not yet due.
    expect(await status(notDue.id)).toBe('held');
    expect(await expiredInOutbox(notDue.id)).toBe(0);
    expect(expiredEvents(notDue.id)).toEqual([]);
  });

  it('at start-up, expires the holds that came due while it was not running', async () => {
    const held = await hold(2, daysAhead(5, 9));
    // A job whose clock is an hour on: for it, the hold (10 minutes) came due long ago.
    // The service's own job (the real clock) leaves this hold alone.
    const job = new HoldExpiryJob(
      new BookingsRepository(app.dataSource),
      new OutboxWriter(),
      typeormTransactions(app.dataSource),
      createLogger({ service: 'booking-test', level: 'warn', format: 'json' }),
      { now: () => new Date(Date.now() + 3_600_000) },
    );
    job.onApplicationBootstrap();
    try {
      await eventually(async () => {
        expect(await status(held.id)).toBe('hold_expired');
      }, withinTwoRuns);
    } finally {
      await job.beforeApplicationShutdown();
    }
    await app.event('booking.hold_expired', (e) => e.aggregateId === held.id);
    expect(await expiredInOutbox(held.id)).toBe(1);
    expect(expiredEvents(held.id)).toHaveLength(1);
  });
});
