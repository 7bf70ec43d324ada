import { randomUUID } from 'node:crypto';
import {
  EventData,
  EventEnvelope,
  TimeOffApprovedV1,
  TimeOffCancelledV1,
  TOPICS,
} from '@app/contracts';
import { OutboxWriter, typeormTransactions } from '@app/messaging';
import { ServiceTestApp, startServiceTestApp } from '@app/platform/test-support/service-test-app';
import { bookingDefinition } from '../booking.definition';
import { BookingModule } from '../booking.module';
import { lockTherapistSchedule, therapistScheduleLockName } from '../bookings/booking-locks';
import {
  BookingWorld,
  daysAhead,
  londonLocal,
  seedBookingWorld,
  TREATMENTS,
} from '../bookings/test-support/booking-world';
import { stampOf } from '../projections/domain/event-stamp';
import { ScheduleProjectionRepository } from '../projections/schedules/schedule-projection.repository';
import { ScheduleProjectionService } from '../projections/schedules/schedule-projection.service';
import { eventually } from '../projections/test-support/projection-events';
import { ReactionsRepository } from './reactions.repository';
import { ReactionsService } from './reactions.service';

const HOLD = `mutation H($input: HoldBookingInput!) { holdBooking(input: $input) { id status } }`;
const CONFIRM = `mutation C($id: ID!, $key: String!) { confirmBooking(id: $id, idempotencyKey: $key) { id status } }`;
const RESCHEDULE = `mutation M($id: ID!, $input: RescheduleBookingInput!, $key: String!) {
  rescheduleBooking(id: $id, input: $input, idempotencyKey: $key) { id status } }`;
const ATTENTION = `query A($clinicId: ID!) {
  bookingsNeedingAttention(clinicId: $clinicId) { bookingId status cause } }`;

type TimeOffData = EventData<typeof TimeOffApprovedV1>;

/**
 * M3: time off approved while a booking is being placed. Booking hears of the time off in two
 * consumer groups (the reactions flag bookings, the projection feeds availability), in
 * either order. These tests drive each path directly (the events are never published, so
 * the running consumers do not see them) and force each interleaving with the therapist's
 * schedule lock held from a connection of the test: every active booking over approved time
 * off ends up refused or flagged exactly once.
 */
describe('time off approved while a booking is placed', () => {
  let app: ServiceTestApp;
  let world: BookingWorld;
  let reactions: ReactionsService;
  let schedules: ScheduleProjectionService;
  let staff: string;

  beforeAll(async () => {
    app = await startServiceTestApp(bookingDefinition, BookingModule.forRoot, {
      watchTopics: [TOPICS.booking],
    });
    world = await seedBookingWorld(app, { therapists: 3, rooms: 3 });
    schedules = new ScheduleProjectionService(new ScheduleProjectionRepository());
    reactions = new ReactionsService(
      new ReactionsRepository(),
      new OutboxWriter(),
      typeormTransactions(app.dataSource),
      schedules,
    );
    staff = await app.token({
      subject: 'reception-races',
      role: 'receptionist',
      clinicIds: [world.clinicId],
    });
  }, 180_000);

  afterAll(async () => {
    await app.close();
  });

  /** A time_off.approved envelope for a whole day of the therapist, as roster sends it. */
  function approved(therapistId: string, day: number): EventEnvelope<TimeOffData> {
    return envelope(TimeOffApprovedV1.type, therapistId, {
      timeOffId: randomUUID(),
      therapistId,
      clinicIds: [world.clinicId],
      kind: 'holiday',
      startsAt: daysAhead(day, 0).toISOString(),
      endsAt: daysAhead(day + 1, 0).toISOString(),
    });
  }

  function envelope<T>(type: string, therapistId: string, data: T): EventEnvelope<T> {
    return {
      eventId: randomUUID(),
      type,
      schemaVersion: 1,
      occurredAt: new Date().toISOString(),
      clinicId: null,
      aggregateId: therapistId,
      correlationId: randomUUID(),
      causationId: null,
      actor: { type: 'system', id: 'time-off-races-test' },
      data,
    };
  }

  /** The reactions group handling the event (own transaction, as its consumer does). */
  async function react(event: EventEnvelope<TimeOffData>): Promise<void> {
    await typeormTransactions(app.dataSource).run((tx) => reactions.onTimeOffApproved(event, tx));
  }

  /** The projection group ("booking") storing the event. */
  async function project(event: EventEnvelope<TimeOffData>): Promise<void> {
    await typeormTransactions(app.dataSource).run((tx) =>
      schedules.timeOffApproved(event.data, stampOf(event), tx),
    );
  }

  function holdInput(therapistId: string, startsAt: Date, roomIndex: number) {
    return {
      input: {
        clinicId: world.clinicId,
        treatmentId: TREATMENTS.pnf30,
        therapistId,
        roomId: world.roomIds[roomIndex],
        startsAt: startsAt.toISOString(),
        clientId: world.clients.cleared,
        idempotencyKey: randomUUID(),
      },
    };
  }

  async function hold(therapistId: string, startsAt: Date, roomIndex: number): Promise<string> {
    const result = await app.gql<{ holdBooking: { id: string } }>(
      HOLD,
      holdInput(therapistId, startsAt, roomIndex),
      staff,
    );
    expect(result.errors).toBeUndefined();
    return result.data!.holdBooking.id;
  }

  async function confirm(id: string): Promise<void> {
    const result = await app.gql(CONFIRM, { id, key: randomUUID() }, staff);
    expect(result.errors).toBeUndefined();
  }

  async function counts(): Promise<{ bookings: number; outbox: number }> {
    const [row] = await app.dataSource.query<{ bookings: number; outbox: number }[]>(
      `SELECT (SELECT count(*)::int FROM booking) AS bookings,
              (SELECT count(*)::int FROM outbox) AS outbox`,
    );
    return row;
  }

  /** Open time-off flags of a booking, and the booking.needs_reschedule events it got. */
  async function flagsAndEvents(bookingId: string): Promise<{ flags: number; events: number }> {
    const [row] = await app.dataSource.query<{ flags: number; events: number }[]>(
      `SELECT (SELECT count(*)::int FROM booking_attention
                WHERE booking_id = $1 AND cause = 'therapist_time_off' AND cleared_at IS NULL) AS flags,
              (SELECT count(*)::int FROM outbox
                WHERE event_type = 'booking.needs_reschedule'
                  AND envelope->'data'->>'bookingId' = $1::text) AS events`,
      [bookingId],
    );
    return row;
  }

  /** Resolves once some transaction waits for the therapist's schedule lock. */
  async function someoneWaitsForScheduleLock(therapistId: string): Promise<void> {
    await eventually(async () => {
      const [row] = await app.dataSource.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM pg_locks
          WHERE locktype = 'advisory' AND NOT granted AND objsubid = 1
            AND ((classid::bigint << 32) | objid::bigint) = hashtextextended($1, 0)`,
        [therapistScheduleLockName(therapistId)],
      );
      expect(row.n).toBe(1);
    }, 30_000);
  }

  /** A transaction on a connection of its own, rolled back unless `work` committed it. */
  async function inOpenTransaction(
    work: (runner: ReturnType<ServiceTestApp['dataSource']['createQueryRunner']>) => Promise<void>,
  ): Promise<void> {
    const runner = app.dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      await work(runner);
    } finally {
      if (runner.isTransactionActive) {
        await runner.rollbackTransaction();
      }
      await runner.release();
    }
  }

  it('the reactions group first: a booking placed before the projection group stores the time off is refused (hold and reschedule), writing nothing', async () => {
    const therapistId = world.therapistIds[0];
    const elsewhere = await hold(therapistId, daysAhead(29, 10), 0);
    const timeOff = approved(therapistId, 30);

    await react(timeOff);

    const before = await counts();
    const held = await app.gql(HOLD, holdInput(therapistId, daysAhead(30, 10), 0), staff);
    expect(held.errors?.[0]?.extensions).toMatchObject({
      code: 'SLOT_NOT_BOOKABLE',
      cause: 'TIME_OFF',
    });
    const moved = await app.gql(
      RESCHEDULE,
      { id: elsewhere, input: { startsAt: daysAhead(30, 12).toISOString() }, key: randomUUID() },
      staff,
    );
    expect(moved.errors?.[0]?.extensions).toMatchObject({
      code: 'SLOT_NOT_BOOKABLE',
      cause: 'TIME_OFF',
    });
    expect(await counts()).toEqual(before);
    const [row] = await app.dataSource.query<{ starts_at: Date }[]>(
      `SELECT starts_at FROM booking WHERE id = $1`,
      [elsewhere],
    );
    expect(row.starts_at).toEqual(daysAhead(29, 10));

    // The projection group catching up later changes nothing.
    await project(timeOff);
    const again = await app.gql(HOLD, holdInput(therapistId, daysAhead(30, 14), 0), staff);
    expect(again.errors?.[0]?.extensions?.code).toBe('SLOT_NOT_BOOKABLE');
    expect(await counts()).toEqual(before);
  }, 120_000);

  it('a booking placed before either group saw the time off is flagged once, whichever group comes first and however often the event is handled', async () => {
    const therapistId = world.therapistIds[1];
    const booking = await hold(therapistId, daysAhead(31, 10), 1);
    await confirm(booking);
    const timeOff = approved(therapistId, 31);

    await project(timeOff);
    expect(await flagsAndEvents(booking)).toEqual({ flags: 0, events: 0 });
    await react(timeOff);
    await react(timeOff); // a redelivery to the reactions group
    await project(timeOff);

    expect(await flagsAndEvents(booking)).toEqual({ flags: 1, events: 1 });
    const [status] = await app.dataSource.query<{ status: string }[]>(
      `SELECT status FROM booking WHERE id = $1`,
      [booking],
    );
    expect(status.status).toBe('confirmed');
  }, 120_000);

  it('a placement in flight when the time off arrives: the reaction waits for it to commit, then flags it', async () => {
    const therapistId = world.therapistIds[2];
    const bookingId = randomUUID();
    const startsAt = daysAhead(32, 10);
    const endsAt = new Date(startsAt.getTime() + 30 * 60_000);
    const timeOff = approved(therapistId, 32);

    await inOpenTransaction(async (placement) => {
      // What placeSlot does: the schedule lock (shared), then the row.
      await lockTherapistSchedule(placement.manager, therapistId, 'shared');
      await placement.query(
        `INSERT INTO booking (id, clinic_id, client_id, therapist_id, room_id, treatment_id,
           starts_at, ends_at, blocks_until, status, price_pence, currency, local_start,
           local_end, timezone, created_by_subject, created_by_role, confirmed_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8::timestamptz + interval '10 minutes',
           'confirmed', 3500, 'GBP', $9, $10, 'Europe/London', 'reception-races', 'receptionist', now())`,
        [
          bookingId,
          world.clinicId,
          world.clients.cleared,
          therapistId,
          world.roomIds[2],
          TREATMENTS.pnf30,
          startsAt,
          endsAt,
          londonLocal(startsAt),
          londonLocal(endsAt),
        ],
      );
      const reaction = react(timeOff);
      await someoneWaitsForScheduleLock(therapistId);
      await placement.commitTransaction();
      await reaction;
    });

    expect(await flagsAndEvents(bookingId)).toEqual({ flags: 1, events: 1 });
  }, 120_000);

  it('a hold arriving while the reaction records the time off waits for it, then is refused and writes nothing', async () => {
    const therapistId = world.therapistIds[0];
    const timeOff = approved(therapistId, 33);
    const before = await counts();

    let refusal: unknown;
    await inOpenTransaction(async (reaction) => {
      await reactions.onTimeOffApproved(timeOff, reaction.manager);
      const placing = app.gql(HOLD, holdInput(therapistId, daysAhead(33, 10), 0), staff);
      await someoneWaitsForScheduleLock(therapistId);
      await reaction.commitTransaction();
      refusal = (await placing).errors?.[0]?.extensions;
    });

    expect(refusal).toMatchObject({ code: 'SLOT_NOT_BOOKABLE', cause: 'TIME_OFF' });
    expect(await counts()).toEqual(before);
  }, 120_000);

  it('placements take the schedule lock shared: a hold goes through while another placement holds it', async () => {
    const therapistId = world.therapistIds[1];
    await inOpenTransaction(async (otherPlacement) => {
      await lockTherapistSchedule(otherPlacement.manager, therapistId, 'shared');
      const id = await hold(therapistId, daysAhead(34, 10), 1);
      expect(id).toEqual(expect.any(String));
    });
  }, 120_000);

  it('a hold flagged for time off stays flagged when it is confirmed: the clinic sees it, nothing is cancelled', async () => {
    const therapistId = world.therapistIds[2];
    const booking = await hold(therapistId, daysAhead(35, 10), 2);
    await react(approved(therapistId, 35));
    const raised = await app.dataSource.query<{ status: string }[]>(
      `SELECT envelope->'data'->>'status' AS status FROM outbox
        WHERE event_type = 'booking.needs_reschedule' AND envelope->'data'->>'bookingId' = $1`,
      [booking],
    );
    expect(raised).toEqual([{ status: 'held' }]);

    await confirm(booking);

    const result = await app.gql<{
      bookingsNeedingAttention: { bookingId: string; status: string; cause: string }[];
    }>(ATTENTION, { clinicId: world.clinicId }, staff);
    expect(result.errors).toBeUndefined();
    expect(
      result.data!.bookingsNeedingAttention.filter((row) => row.bookingId === booking),
    ).toEqual([{ bookingId: booking, status: 'confirmed', cause: 'therapist_time_off' }]);
    expect(await flagsAndEvents(booking)).toEqual({ flags: 1, events: 1 });
  }, 120_000);

  it('a late approval after the cancellation was recorded flags nothing and does not bring the time off back', async () => {
    const therapistId = world.therapistIds[0];
    const booking = await hold(therapistId, daysAhead(36, 10), 0);
    const timeOff = approved(therapistId, 36);
    const cancelled = envelope(TimeOffCancelledV1.type, therapistId, {
      ...timeOff.data,
      wasApproved: true,
    });
    cancelled.occurredAt = new Date(Date.parse(timeOff.occurredAt) + 60_000).toISOString();
    await typeormTransactions(app.dataSource).run((tx) =>
      reactions.onTimeOffCancelled(cancelled, tx),
    );

    await react(timeOff);
    await project(timeOff);

    expect(await flagsAndEvents(booking)).toEqual({ flags: 0, events: 0 });
    const [row] = await app.dataSource.query<{ status: string }[]>(
      `SELECT status FROM time_off_projection WHERE id = $1`,
      [timeOff.data.timeOffId],
    );
    expect(row.status).toBe('cancelled');
    await hold(therapistId, daysAhead(36, 12), 0);
  }, 120_000);
});
