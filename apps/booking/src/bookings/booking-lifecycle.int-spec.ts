import { randomUUID } from 'node:crypto';
import { EventEnvelope, TOPICS } from '@app/contracts';
import { OutboxWriter, typeormTransactions } from '@app/messaging';
import { createLogger } from '@app/observability';
import { ServiceTestApp, startServiceTestApp } from '@app/platform/test-support/service-test-app';
import { bookingDefinition } from '../booking.definition';
import { BookingModule } from '../booking.module';
import { eventually } from '../projections/test-support/projection-events';
import { BookingError } from './bookings.errors';
import { BookingsRepository } from './bookings.repository';
import { HoldExpiryJob } from './hold-expiry.job';
import {
  BOOKING,
  bookingRow,
  BookingView,
  bookingWriteCounts,
  CANCEL,
  CHECK_IN,
  CLIENT_BOOKINGS,
  CLINIC_DIARY,
  COMPLETE,
  CONFIRM,
  GqlError,
  gqlFails,
  gqlOk,
  HOLD,
  NO_SHOW,
  RESCHEDULE,
  THERAPIST_DIARY,
} from './test-support/booking-graphql';
import {
  BookingWorld,
  daysAhead,
  hoursAhead,
  londonLocal,
  seedBookingWorld,
  TREATMENTS,
} from './test-support/booking-world';

describe('booking lifecycle through GraphQL (real PostgreSQL and Kafka)', () => {
  let app: ServiceTestApp;
  let world: BookingWorld;
  let staff: string;
  let admin: string;

  beforeAll(async () => {
    app = await startServiceTestApp(bookingDefinition, BookingModule.forRoot, {
      watchTopics: [TOPICS.booking],
    });
    world = await seedBookingWorld(app, { therapists: 4 });
    staff = await app.token({
      role: 'receptionist',
      clinicIds: [world.clinicId],
      subject: 'reception-1',
    });
    admin = await app.token({ role: 'head_office_admin', subject: 'admin-1' });
  }, 180_000);

  afterAll(async () => {
    await app?.close();
  });

  const therapist = (i: number): string => world.therapistIds[i];

  function holdInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
    return {
      clinicId: world.clinicId,
      treatmentId: TREATMENTS.pnf30,
      therapistId: therapist(0),
      startsAt: daysAhead(3).toISOString(),
      clientId: world.clients.cleared,
      idempotencyKey: randomUUID(),
      ...overrides,
    };
  }

  const ok = <T>(query: string, variables: Record<string, unknown>, token: string) =>
    gqlOk<T>(app, query, variables, token);
  const fails = (
    query: string,
    variables: Record<string, unknown>,
    token: string,
  ): Promise<GqlError> => gqlFails(app, query, variables, token);

  const hold = (input: Record<string, unknown>, token = staff) =>
    ok<BookingView>(HOLD, { input }, token);
  const confirm = (id: string, token = staff) =>
    ok<BookingView>(CONFIRM, { id, key: randomUUID() }, token);

  const counts = () => bookingWriteCounts(app);
  const row = (id: string) => bookingRow(app, id);

  const byBooking = (id: string) => (event: EventEnvelope) => event.aggregateId === id;

  function expectState(event: EventEnvelope, booking: BookingView, status: string): void {
    expect(event.clinicId).toBe(world.clinicId);
    expect(event.data).toMatchObject({
      bookingId: booking.id,
      clinicId: booking.clinicId,
      clientId: booking.clientId,
      therapistId: booking.therapistId,
      treatmentId: booking.treatmentId,
      roomId: booking.roomId,
      startsAt: new Date(booking.startsAt).toISOString(),
      endsAt: new Date(booking.endsAt).toISOString(),
      localStart: londonLocal(booking.startsAt),
      localEnd: londonLocal(booking.endsAt),
      timezone: 'Europe/London',
      status,
    });
  }

  describe('hold -> confirm -> check in -> complete', () => {
    it('moves through each state with its event, in UTC and clinic-local time', async () => {
      const startsAt = daysAhead(3, 9, 15);
      const therapistToken = await app.token({
        role: 'therapist',
        therapistId: therapist(0),
        clinicIds: [world.clinicId],
        subject: 'therapist-0',
      });
      const held = await hold(holdInput({ startsAt: startsAt.toISOString() }));
      expect(held).toMatchObject({
        status: 'held',
        clinicId: world.clinicId,
        clientId: world.clients.cleared,
        therapistId: therapist(0),
        treatmentId: TREATMENTS.pnf30,
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 30 * 60_000).toISOString(),
        localStart: londonLocal(startsAt),
        timezone: 'Europe/London',
        pricePence: 3500,
        currency: 'GBP',
      });
      expect(world.roomIds).toContain(held.roomId);
      const expiresIn = Date.parse(held.holdExpiresAt!) - Date.now();
      expect(expiresIn).toBeGreaterThan(8 * 60_000);
      expect(expiresIn).toBeLessThanOrEqual(10 * 60_000);
      expectState(await app.event('booking.held', byBooking(held.id)), held, 'held');

      const confirmed = await confirm(held.id);
      expect(confirmed).toMatchObject({ status: 'confirmed', holdExpiresAt: null });
      expectState(await app.event('booking.confirmed', byBooking(held.id)), confirmed, 'confirmed');

      const checkedIn = await ok<BookingView>(CHECK_IN, { id: held.id }, staff);
      expect(checkedIn.status).toBe('checked_in');
      expectState(
        await app.event('booking.checked_in', byBooking(held.id)),
        checkedIn,
        'checked_in',
      );

      // A retry of a transition that already happened answers with the booking, no new event.
      const outboxBeforeRetry = (await counts()).outbox;
      expect(await ok<BookingView>(CHECK_IN, { id: held.id }, staff)).toEqual(checkedIn);

      const completed = await ok<BookingView>(COMPLETE, { id: held.id }, therapistToken);
      expect(completed.status).toBe('completed');
      expectState(await app.event('booking.completed', byBooking(held.id)), completed, 'completed');
      expect(await ok<BookingView>(COMPLETE, { id: held.id }, therapistToken)).toEqual(completed);
      expect((await counts()).outbox).toBe(outboxBeforeRetry + 1);

      const error = await fails(CANCEL, { id: held.id, key: randomUUID() }, staff);
      expect(error.extensions).toMatchObject({
        code: 'INVALID_BOOKING_TRANSITION',
        currentStatus: 'completed',
      });
      expect(error.message).toContain('completed');
      expect((await row(held.id)).status).toBe('completed');
    });

    it('refuses an invalid transition naming the current state (check in a held booking)', async () => {
      const held = await hold(holdInput({ startsAt: daysAhead(3, 12).toISOString() }));
      const error = await fails(CHECK_IN, { id: held.id }, staff);
      expect(error.extensions).toMatchObject({
        code: 'INVALID_BOOKING_TRANSITION',
        currentStatus: 'held',
      });
      expect(error.message).toContain('held');
    });
  });

  describe('cancellation', () => {
    it('a client cancelling a confirmed booking under 24 h ahead is late, with half the price as fee', async () => {
      const client = await app.token({
        role: 'client',
        clientId: world.clients.cleared,
        subject: 'client-cleared',
      });
      const held = await hold(
        holdInput({ therapistId: therapist(1), startsAt: hoursAhead(4).toISOString() }),
        client,
      );
      await confirm(held.id, client);
      const cancelled = await ok<BookingView>(
        CANCEL,
        { id: held.id, key: randomUUID(), reason: 'illness' },
        client,
      );
      expect(cancelled).toMatchObject({
        status: 'cancelled',
        cancelledBy: 'client',
        lateCancellation: true,
        lateFeePence: 1750,
      });
      const event = await app.event('booking.cancelled', byBooking(held.id));
      expectState(event, cancelled, 'cancelled');
      expect(event.data).toMatchObject({
        cancelledBy: 'client',
        late: true,
        lateFeePence: 1750,
        currency: 'GBP',
      });
      expect(JSON.stringify(event.data)).not.toContain('illness');
      expect(await row(held.id)).toMatchObject({
        late_cancellation: true,
        late_fee_pence: 1750,
        cancellation_reason: 'illness',
      });
    });

    it('a client cancelling more than 24 h ahead is not late and pays nothing', async () => {
      const client = await app.token({
        role: 'client',
        clientId: world.clients.cleared,
        subject: 'client-cleared',
      });
      const held = await hold(
        holdInput({ therapistId: therapist(1), startsAt: daysAhead(4, 11).toISOString() }),
        client,
      );
      await confirm(held.id, client);
      const cancelled = await ok<BookingView>(CANCEL, { id: held.id, key: randomUUID() }, client);
      expect(cancelled).toMatchObject({ lateCancellation: false, lateFeePence: null });
      const event = await app.event('booking.cancelled', byBooking(held.id));
      expect(event.data).toMatchObject({ cancelledBy: 'client', late: false, lateFeePence: null });
    });

    it('the clinic cancelling under 24 h ahead is late but costs the client nothing', async () => {
      const held = await hold(
        holdInput({ therapistId: therapist(2), startsAt: hoursAhead(5).toISOString() }),
      );
      await confirm(held.id);
      const cancelled = await ok<BookingView>(
        CANCEL,
        { id: held.id, key: randomUUID(), reason: 'therapist_unavailable' },
        staff,
      );
      expect(cancelled).toMatchObject({
        cancelledBy: 'clinic',
        lateCancellation: true,
        lateFeePence: null,
      });
      const event = await app.event('booking.cancelled', byBooking(held.id));
      expect(event.data).toMatchObject({ cancelledBy: 'clinic', late: true, lateFeePence: null });
    });
  });

  it('marks a no-show only after the start', async () => {
    const therapistToken = await app.token({
      role: 'therapist',
      therapistId: therapist(2),
      clinicIds: [world.clinicId],
      subject: 'therapist-2',
    });
    const held = await hold(
      holdInput({ therapistId: therapist(2), startsAt: daysAhead(5, 14).toISOString() }),
    );
    await confirm(held.id);
    const early = await fails(NO_SHOW, { id: held.id }, therapistToken);
    expect(early.extensions?.code).toBe('NO_SHOW_BEFORE_START');
    expect((await row(held.id)).status).toBe('confirmed');

    // The appointment has started (moved into the past, as the clock would).
    await app.dataSource.query(
      `UPDATE booking SET starts_at = now() - interval '20 minutes',
         ends_at = now() + interval '10 minutes', blocks_until = now() + interval '20 minutes'
       WHERE id = $1`,
      [held.id],
    );
    await app.dataSource.query(
      `UPDATE booking SET
         local_start = to_char(starts_at AT TIME ZONE 'Europe/London', 'YYYY-MM-DD"T"HH24:MI'),
         local_end = to_char(ends_at AT TIME ZONE 'Europe/London', 'YYYY-MM-DD"T"HH24:MI')
       WHERE id = $1`,
      [held.id],
    );
    const noShow = await ok<BookingView>(NO_SHOW, { id: held.id }, therapistToken);
    expect(noShow.status).toBe('no_show');
    expectState(await app.event('booking.no_show', byBooking(held.id)), noShow, 'no_show');
  });

  describe('reschedule', () => {
    it('moves to a free slot with booking.rescheduled carrying the previous times', async () => {
      const from = daysAhead(6, 9);
      const to = daysAhead(6, 15, 45);
      const held = await hold(
        holdInput({ therapistId: therapist(3), startsAt: from.toISOString() }),
      );
      await confirm(held.id);
      const moved = await ok<BookingView>(
        RESCHEDULE,
        { id: held.id, input: { startsAt: to.toISOString() }, key: randomUUID() },
        staff,
      );
      expect(moved).toMatchObject({
        id: held.id,
        status: 'confirmed',
        startsAt: to.toISOString(),
        localStart: londonLocal(to),
      });
      const event = await app.event('booking.rescheduled', byBooking(held.id));
      expectState(event, moved, 'confirmed');
      expect(event.data).toMatchObject({
        previousStartsAt: from.toISOString(),
        previousEndsAt: new Date(from.getTime() + 30 * 60_000).toISOString(),
        previousLocalStart: londonLocal(from),
        previousLocalEnd: londonLocal(new Date(from.getTime() + 30 * 60_000)),
        previousTherapistId: therapist(3),
      });
    });

    it('to a taken slot: SLOT_UNAVAILABLE and the booking is unchanged', async () => {
      const taken = await hold(
        holdInput({ therapistId: therapist(3), startsAt: daysAhead(7, 10).toISOString() }),
      );
      const mine = await hold(
        holdInput({ therapistId: therapist(3), startsAt: daysAhead(7, 13).toISOString() }),
      );
      const before = await row(mine.id);
      const outboxBefore = (await counts()).outbox;
      const error = await fails(
        RESCHEDULE,
        {
          id: mine.id,
          input: { startsAt: daysAhead(7, 10, 15).toISOString() },
          key: randomUUID(),
        },
        staff,
      );
      expect(error.extensions?.code).toBe('SLOT_UNAVAILABLE');
      expect(await row(mine.id)).toEqual(before);
      expect((await counts()).outbox).toBe(outboxBefore);
      expect((await row(taken.id)).status).toBe('held');
    });

    it('a client cannot move a booking of a treatment that is not self-bookable; the clinic can', async () => {
      const client = await app.token({
        role: 'client',
        clientId: world.clients.cleared,
        subject: 'client-cleared-move',
      });
      const booked = await hold(
        holdInput({
          treatmentId: TREATMENTS.pnf60,
          therapistId: therapist(2),
          startsAt: daysAhead(8, 9).toISOString(),
        }),
      );
      await confirm(booked.id);
      await app.dataSource.query(`UPDATE treatment SET self_bookable = false WHERE id = $1`, [
        TREATMENTS.pnf60,
      ]);
      try {
        const before = await row(booked.id);
        const error = await fails(
          RESCHEDULE,
          {
            id: booked.id,
            input: { startsAt: daysAhead(8, 13).toISOString() },
            key: randomUUID(),
          },
          client,
        );
        expect(error.extensions?.code).toBe('TREATMENT_NOT_SELF_BOOKABLE');
        expect(await row(booked.id)).toEqual(before);
        const moved = await ok<BookingView>(
          RESCHEDULE,
          {
            id: booked.id,
            input: { startsAt: daysAhead(8, 13).toISOString() },
            key: randomUUID(),
          },
          staff,
        );
        expect(moved.startsAt).toBe(daysAhead(8, 13).toISOString());
      } finally {
        await app.dataSource.query(`UPDATE treatment SET self_bookable = true WHERE id = $1`, [
          TREATMENTS.pnf60,
        ]);
      }
    });

    it('a hold past its expiry time is HOLD_EXPIRED before the job has swept it', async () => {
      const held = await hold(
        holdInput({ therapistId: therapist(2), startsAt: daysAhead(8, 16).toISOString() }),
      );
      await app.dataSource.query(
        `UPDATE booking SET hold_expires_at = now() - interval '1 second' WHERE id = $1`,
        [held.id],
      );
      const before = await row(held.id);
      const error = await fails(
        RESCHEDULE,
        { id: held.id, input: { startsAt: daysAhead(8, 17).toISOString() }, key: randomUUID() },
        staff,
      );
      expect(error.extensions?.code).toBe('HOLD_EXPIRED');
      expect(await row(held.id)).toEqual(before);
    });
  });

  describe('no double booking under concurrency', () => {
    async function overlappingActive(therapistId: string): Promise<unknown[]> {
      return app.dataSource.query(
        `SELECT a.id FROM booking a JOIN booking b ON a.id < b.id
          AND (a.therapist_id = b.therapist_id OR a.room_id = b.room_id)
          AND tstzrange(a.starts_at, a.blocks_until, '[)') && tstzrange(b.starts_at, b.blocks_until, '[)')
        WHERE a.status IN ('held', 'confirmed', 'checked_in')
          AND b.status IN ('held', 'confirmed', 'checked_in')
          AND (a.therapist_id = $1 OR b.therapist_id = $1)`,
        [therapistId],
      );
    }

    async function race(starts: Date[], therapistId: string) {
      const before = await counts();
      const results = await Promise.all(
        starts.map((startsAt) =>
          app.gql<{ holdBooking: BookingView }>(
            HOLD,
            { input: holdInput({ therapistId, startsAt: startsAt.toISOString() }) },
            staff,
          ),
        ),
      );
      const wins = results.filter((r) => r.errors === undefined);
      const losses = results.filter((r) => r.errors !== undefined);
      expect(wins).toHaveLength(1);
      for (const loss of losses) {
        expect(loss.errors).toHaveLength(1);
        expect(loss.errors![0].extensions?.code).toBe('SLOT_UNAVAILABLE');
        const alternatives = loss.errors![0].extensions?.alternatives as { startsAt: string }[];
        expect(alternatives.length).toBeGreaterThan(0);
        expect(alternatives.length).toBeLessThanOrEqual(5);
      }
      expect(await overlappingActive(therapistId)).toEqual([]);
      const after = await counts();
      expect(after.bookings - before.bookings).toBe(1);
      expect(after.outbox - before.outbox).toBe(1);
    }

    it('20 parallel holds of one slot: one wins, 19 SLOT_UNAVAILABLE with alternatives', async () => {
      const startsAt = daysAhead(8, 10);
      await race(
        Array.from({ length: 20 }, () => startsAt),
        therapist(0),
      );
    });

    it('parallel holds of overlapping but different slots of one therapist: one wins', async () => {
      const starts = [daysAhead(9, 10), daysAhead(9, 10, 15), daysAhead(9, 10, 30)];
      await race(
        Array.from({ length: 12 }, (_, i) => starts[i % 3]),
        therapist(1),
      );
    });
    it('parallel holds of one slot with different therapists each get a free room', async () => {
      const startsAt = daysAhead(9, 14).toISOString();
      for (let round = 0; round < 5; round++) {
        const at = new Date(Date.parse(startsAt) + round * 3_600_000).toISOString();
        const results = await Promise.all(
          [therapist(2), therapist(3)].map((therapistId) =>
            app.gql<{ holdBooking: BookingView }>(
              HOLD,
              { input: holdInput({ therapistId, startsAt: at }) },
              staff,
            ),
          ),
        );
        expect(results.map((r) => r.errors)).toEqual([undefined, undefined]);
        expect(new Set(results.map((r) => r.data!.holdBooking.roomId)).size).toBe(2);
      }
    });
  });

  describe('idempotency', () => {
    it('a retry returns the same booking and writes one outbox row', async () => {
      const input = holdInput({
        therapistId: therapist(2),
        startsAt: daysAhead(10, 10).toISOString(),
      });
      const first = await hold(input);
      const before = await counts();
      const retry = await hold(input);
      expect(retry.id).toBe(first.id);
      expect(await counts()).toEqual(before);
      const outbox = await app.dataSource.query<unknown[]>(
        `SELECT 1 FROM outbox WHERE message_key = $1`,
        [first.id],
      );
      expect(outbox).toHaveLength(1);

      const key = randomUUID();
      const confirmed = await ok<BookingView>(CONFIRM, { id: first.id, key }, staff);
      const again = await ok<BookingView>(CONFIRM, { id: first.id, key }, staff);
      expect(again).toMatchObject({
        id: first.id,
        status: 'confirmed',
        version: confirmed.version,
      });
      expect(
        await app.dataSource.query<unknown[]>(`SELECT 1 FROM outbox WHERE message_key = $1`, [
          first.id,
        ]),
      ).toHaveLength(2);
    });

    it('the same key for a different request is IDEMPOTENCY_KEY_REUSED and writes nothing', async () => {
      const input = holdInput({
        therapistId: therapist(2),
        startsAt: daysAhead(10, 13).toISOString(),
      });
      const first = await hold(input);
      const before = await counts();
      const error = await fails(
        HOLD,
        { input: { ...input, startsAt: daysAhead(10, 15).toISOString() } },
        staff,
      );
      expect(error.extensions?.code).toBe('IDEMPOTENCY_KEY_REUSED');
      const otherOperation = await fails(
        CONFIRM,
        { id: first.id, key: input.idempotencyKey },
        staff,
      );
      expect(otherOperation.extensions?.code).toBe('IDEMPOTENCY_KEY_REUSED');
      expect(await counts()).toEqual(before);
      expect((await row(first.id)).status).toBe('held');
    });
  });

  it('hold expiry: the job expires a due hold, confirm is HOLD_EXPIRED, the slot is free again', async () => {
    const startsAt = daysAhead(11, 10);
    const input = holdInput({ therapistId: therapist(3), startsAt: startsAt.toISOString() });
    const held = await hold(input);
    await app.dataSource.query(
      `UPDATE booking SET hold_expires_at = now() - interval '1 minute' WHERE id = $1`,
      [held.id],
    );
    const job = new HoldExpiryJob(
      new BookingsRepository(app.dataSource),
      new OutboxWriter(),
      typeormTransactions(app.dataSource),
      createLogger({ service: 'booking-test', level: 'warn', format: 'json' }),
    );
    // The app's own schedule may hold the advisory lock at this moment: run until it is done.
    await eventually(async () => {
      await job.runAt(new Date());
      expect((await row(held.id)).status).toBe('hold_expired');
    });
    expectState(await app.event('booking.hold_expired', byBooking(held.id)), held, 'expired');
    expect(
      app.events((e) => e.type === 'booking.hold_expired' && e.aggregateId === held.id),
    ).toHaveLength(1);

    const error = await fails(CONFIRM, { id: held.id, key: randomUUID() }, staff);
    expect(error.extensions?.code).toBe('HOLD_EXPIRED');
    const again = await hold({ ...input, idempotencyKey: randomUUID() });
    expect(again.id).not.toBe(held.id);
    expect(again.startsAt).toBe(startsAt.toISOString());
  });

  describe('eligibility', () => {
    it('a treatment needing clearance for a gp_clearance_required client: CLIENT_NOT_ELIGIBLE with reason', async () => {
      const before = await counts();
      const error = await fails(
        HOLD,
        {
          input: holdInput({
            clientId: world.clients.gpClearanceRequired,
            startsAt: daysAhead(12, 10).toISOString(),
          }),
        },
        staff,
      );
      expect(error.extensions).toMatchObject({
        code: 'CLIENT_NOT_ELIGIBLE',
        reason: 'gp clearance required',
      });
      expect(error.message).toContain('GP');
      expect(await counts()).toEqual(before);
    });

    it('a not_suitable client can book the assessment only', async () => {
      const refused = await fails(
        HOLD,
        {
          input: holdInput({
            clientId: world.clients.notSuitable,
            startsAt: daysAhead(12, 12).toISOString(),
          }),
        },
        staff,
      );
      expect(refused.extensions).toMatchObject({
        code: 'CLIENT_NOT_ELIGIBLE',
        reason: 'not suitable',
      });
      const assessment = await hold(
        holdInput({
          clientId: world.clients.notSuitable,
          treatmentId: TREATMENTS.assessment,
          startsAt: daysAhead(12, 12).toISOString(),
        }),
      );
      expect(assessment).toMatchObject({ status: 'held', pricePence: 6500 });
    });
  });

  describe('bad input writes nothing', () => {
    it.each([
      [
        'a start in the past',
        () => ({ startsAt: daysAhead(-1, 10).toISOString() }),
        'START_IN_PAST',
      ],
      [
        'a start off the grid',
        () => ({ startsAt: daysAhead(13, 10, 5).toISOString() }),
        'OFF_SLOT_GRID',
      ],
      [
        'an unknown treatment',
        () => ({ treatmentId: randomUUID(), startsAt: daysAhead(13, 10).toISOString() }),
        'TREATMENT_NOT_FOUND',
      ],
      [
        'an unknown clinic',
        () => ({ clinicId: randomUUID(), startsAt: daysAhead(13, 10).toISOString() }),
        'CLINIC_NOT_FOUND',
      ],
    ])('%s', async (_name, overrides, code) => {
      const before = await counts();
      const error = await fails(HOLD, { input: holdInput(overrides()) }, admin);
      expect(error.extensions?.code).toBe(code);
      expect(await counts()).toEqual(before);
    });

    it('outside opening hours: SLOT_NOT_BOOKABLE', async () => {
      const dayClinic = await seedBookingWorld(app, {
        therapists: 1,
        rooms: 1,
        hours: { start: '09:00', end: '17:00' },
      });
      const before = await counts();
      const error = await fails(
        HOLD,
        {
          input: holdInput({
            clinicId: dayClinic.clinicId,
            therapistId: dayClinic.therapistIds[0],
            clientId: dayClinic.clients.cleared,
            startsAt: daysAhead(13, 20).toISOString(),
          }),
        },
        admin,
      );
      expect(error.extensions).toMatchObject({
        code: 'SLOT_NOT_BOOKABLE',
        cause: 'OUTSIDE_OPENING_HOURS',
      });
      expect(await counts()).toEqual(before);
    }, 120_000);

    it('a diary range over 31 days: INVALID_DATE_RANGE', async () => {
      const error = await fails(
        CLINIC_DIARY,
        {
          clinicId: world.clinicId,
          from: daysAhead(0, 0).toISOString(),
          to: daysAhead(32, 0).toISOString(),
        },
        staff,
      );
      expect(error.extensions?.code).toBe('INVALID_DATE_RANGE');
    });
  });

  describe('diaries', () => {
    let mine: BookingView;
    let other: BookingView;
    const from = () => daysAhead(13, 0).toISOString();
    const to = () => daysAhead(15, 0).toISOString();

    beforeAll(async () => {
      mine = await hold(
        holdInput({ therapistId: therapist(0), startsAt: daysAhead(14, 9).toISOString() }),
      );
      other = await hold(
        holdInput({
          therapistId: therapist(1),
          clientId: world.clients.notSuitable,
          treatmentId: TREATMENTS.assessment,
          startsAt: daysAhead(14, 11).toISOString(),
        }),
      );
    });

    it('clinicDiary: staff of the clinic see every booking; others are refused', async () => {
      const diary = await ok<{ id: string }[]>(
        CLINIC_DIARY,
        { clinicId: world.clinicId, from: from(), to: to() },
        staff,
      );
      expect(diary.map((b) => b.id)).toEqual([mine.id, other.id]);
      const elsewhere = await app.token({
        role: 'receptionist',
        clinicIds: [randomUUID()],
        subject: 'reception-elsewhere',
      });
      const therapistToken = await app.token({
        role: 'therapist',
        therapistId: therapist(0),
        clinicIds: [world.clinicId],
        subject: 'therapist-0',
      });
      for (const token of [elsewhere, therapistToken]) {
        const error = await fails(
          CLINIC_DIARY,
          { clinicId: world.clinicId, from: from(), to: to() },
          token,
        );
        expect(error.extensions?.code).toBe('FORBIDDEN');
      }
    });

    it('therapistDiary: a therapist sees their own diary only', async () => {
      const therapistToken = await app.token({
        role: 'therapist',
        therapistId: therapist(0),
        clinicIds: [world.clinicId],
        subject: 'therapist-0',
      });
      const own = await ok<{ id: string }[]>(
        THERAPIST_DIARY,
        { therapistId: therapist(0), from: from(), to: to() },
        therapistToken,
      );
      expect(own.map((b) => b.id)).toEqual([mine.id]);
      const error = await fails(
        THERAPIST_DIARY,
        { therapistId: therapist(1), from: from(), to: to() },
        therapistToken,
      );
      expect(error.extensions?.code).toBe('FORBIDDEN');
    });

    it('clientBookings: a client sees their own bookings only', async () => {
      const client = await app.token({
        role: 'client',
        clientId: world.clients.notSuitable,
        subject: 'client-not-suitable',
      });
      const own = await ok<{ id: string }[]>(
        CLIENT_BOOKINGS,
        { clientId: world.clients.notSuitable },
        client,
      );
      expect(own.map((b) => b.id)).toContain(other.id);
      expect(own.map((b) => b.id)).not.toContain(mine.id);
      const error = await fails(CLIENT_BOOKINGS, { clientId: world.clients.cleared }, client);
      expect(error.extensions?.code).toBe('FORBIDDEN');
    });

    it('integrators read bookings only with scope bookings:read or bookings:write', async () => {
      const withoutScope = await app.token({
        role: 'integrator',
        clinicIds: [world.clinicId],
        scopes: ['events:read', 'availability:read'],
        subject: 'integrator-events-only',
      });
      const reads: [string, Record<string, unknown>][] = [
        [BOOKING, { id: mine.id }],
        [CLINIC_DIARY, { clinicId: world.clinicId, from: from(), to: to() }],
        [THERAPIST_DIARY, { therapistId: therapist(0), from: from(), to: to() }],
        [CLIENT_BOOKINGS, { clientId: world.clients.cleared }],
      ];
      for (const [query, variables] of reads) {
        const error = await fails(query, variables, withoutScope);
        expect(error.extensions?.code).toBe('FORBIDDEN');
        expect(error.message).toContain('bookings:read');
      }
      for (const scope of ['bookings:read', 'bookings:write']) {
        const reader = await app.token({
          role: 'integrator',
          clinicIds: [world.clinicId],
          scopes: [scope],
          subject: `integrator-${scope}`,
        });
        for (const [query, variables] of reads) {
          await ok(query, variables, reader);
        }
        const diary = await ok<{ id: string }[]>(
          CLINIC_DIARY,
          { clinicId: world.clinicId, from: from(), to: to() },
          reader,
        );
        expect(diary.map((b) => b.id)).toEqual([mine.id, other.id]);
      }
    });

    it('a diary with more bookings than the limit is DIARY_TOO_LARGE, never cut short', async () => {
      const repository = new BookingsRepository(app.dataSource);
      const query = { clinicIds: [world.clinicId], from: new Date(from()), to: new Date(to()) };
      expect((await repository.list(query, 2)).map((b) => b.id)).toEqual([mine.id, other.id]);
      const error: unknown = await repository.list(query, 1).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(BookingError);
      expect(error).toMatchObject({ code: 'DIARY_TOO_LARGE', details: { max: 1 } });
      expect((error as Error).message).toContain('shorter from–to range');
    });
  });
});
