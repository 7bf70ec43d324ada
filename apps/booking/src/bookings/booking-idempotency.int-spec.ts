import { randomUUID } from 'node:crypto';
import { TOPICS } from '@app/contracts';
import { ServiceTestApp, startServiceTestApp } from '@app/platform/test-support/service-test-app';
import { bookingDefinition } from '../booking.definition';
import { BookingModule } from '../booking.module';
import {
  bookingRow,
  BookingView,
  bookingWriteCounts,
  CANCEL,
  CONFIRM,
  gqlFails,
  gqlOk,
  HOLD,
  RESCHEDULE,
} from './test-support/booking-graphql';
import {
  BookingWorld,
  daysAhead,
  seedBookingWorld,
  TREATMENTS,
} from './test-support/booking-world';

describe('booking idempotency keys through GraphQL (real PostgreSQL and Kafka)', () => {
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
      subject: 'idempotency-reception',
    });
  }, 180_000);

  afterAll(async () => {
    await app?.close();
  });

  function holdInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
    return {
      clinicId: world.clinicId,
      treatmentId: TREATMENTS.pnf30,
      therapistId: world.therapistIds[0],
      startsAt: daysAhead(3).toISOString(),
      clientId: world.clients.cleared,
      idempotencyKey: randomUUID(),
      ...overrides,
    };
  }

  const ok = <T>(query: string, variables: Record<string, unknown>) =>
    gqlOk<T>(app, query, variables, staff);
  const counts = () => bookingWriteCounts(app);

  /** A confirmed booking of therapist 1 at `startsAt`. */
  async function confirmedAt(startsAt: Date): Promise<BookingView> {
    const held = await ok<BookingView>(HOLD, {
      input: holdInput({ therapistId: world.therapistIds[1], startsAt: startsAt.toISOString() }),
    });
    return ok<BookingView>(CONFIRM, { id: held.id, key: randomUUID() });
  }

  /** The booking's events of one type in the outbox (each written once, whether sent or not). */
  async function outboxEvents(id: string, type: string): Promise<number> {
    const [row] = await app.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM outbox WHERE message_key = $1 AND event_type = $2`,
      [id, type],
    );
    return row.n;
  }

  describe('a key used by a request that failed can be used again', () => {
    it.each([
      {
        name: 'refused before the transaction (unknown treatment)',
        failing: () => ({ treatmentId: randomUUID(), startsAt: daysAhead(4, 9).toISOString() }),
        code: 'TREATMENT_NOT_FOUND',
        goodAt: 9,
      },
      {
        name: 'refused inside the transaction, after the key was claimed (client not eligible)',
        failing: () => ({
          clientId: world.clients.gpClearanceRequired,
          startsAt: daysAhead(4, 11).toISOString(),
        }),
        code: 'CLIENT_NOT_ELIGIBLE',
        goodAt: 11,
      },
      {
        name: 'refused inside the transaction (a start in the past)',
        failing: () => ({ startsAt: daysAhead(-1, 10).toISOString() }),
        code: 'START_IN_PAST',
        goodAt: 13,
      },
    ])(
      '$name: $code, then the same key for a good request holds',
      async ({ failing, code, goodAt }) => {
        const key = randomUUID();
        const before = await counts();
        const refused = await gqlFails(
          app,
          HOLD,
          { input: holdInput({ ...failing(), idempotencyKey: key }) },
          staff,
        );
        expect(refused.extensions?.code).toBe(code);
        expect(await counts()).toEqual(before);

        // Retrying the failed request fails the same way (the key was not kept for it).
        const again = await gqlFails(
          app,
          HOLD,
          { input: holdInput({ ...failing(), idempotencyKey: key }) },
          staff,
        );
        expect(again.extensions?.code).toBe(code);

        const good = holdInput({
          therapistId: world.therapistIds[2],
          startsAt: daysAhead(5, goodAt).toISOString(),
          idempotencyKey: key,
        });
        const held = await ok<BookingView>(HOLD, { input: good });
        expect(held.status).toBe('held');
        expect(await counts()).toEqual({
          bookings: before.bookings + 1,
          outbox: before.outbox + 1,
          keys: before.keys + 1,
        });
        expect((await ok<BookingView>(HOLD, { input: good })).id).toBe(held.id);
      },
    );

    it('a hold refused as SLOT_UNAVAILABLE leaves no key: the key then holds another slot', async () => {
      const taken = daysAhead(6, 10);
      await ok<BookingView>(HOLD, { input: holdInput({ startsAt: taken.toISOString() }) });
      const key = randomUUID();
      const before = await counts();
      const refused = await gqlFails(
        app,
        HOLD,
        { input: holdInput({ startsAt: taken.toISOString(), idempotencyKey: key }) },
        staff,
      );
      expect(refused.extensions?.code).toBe('SLOT_UNAVAILABLE');
      expect(await counts()).toEqual(before);
      const held = await ok<BookingView>(HOLD, {
        input: holdInput({ startsAt: daysAhead(6, 12).toISOString(), idempotencyKey: key }),
      });
      expect(held.startsAt).toBe(daysAhead(6, 12).toISOString());
    });
  });

  it('rescheduleBooking retried with one key: the same result, one booking.rescheduled', async () => {
    const booking = await confirmedAt(daysAhead(7, 9));
    const to = daysAhead(7, 14);
    const variables = { id: booking.id, input: { startsAt: to.toISOString() }, key: randomUUID() };
    const moved = await ok<BookingView>(RESCHEDULE, variables);
    expect(moved).toMatchObject({ startsAt: to.toISOString(), version: booking.version + 1 });
    const before = await counts();

    const retried = await ok<BookingView>(RESCHEDULE, variables);
    expect(retried).toEqual(moved);
    expect(await counts()).toEqual(before);
    expect(await outboxEvents(booking.id, 'booking.rescheduled')).toBe(1);
    expect(await bookingRow(app, booking.id)).toMatchObject({ version: moved.version });

    // The same key for a move somewhere else is not a retry.
    const reused = await gqlFails(
      app,
      RESCHEDULE,
      { ...variables, input: { startsAt: daysAhead(7, 16).toISOString() } },
      staff,
    );
    expect(reused.extensions?.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await counts()).toEqual(before);
  });

  it('cancelBooking retried with one key: the same booking, no INVALID_BOOKING_TRANSITION, one booking.cancelled', async () => {
    const booking = await confirmedAt(daysAhead(8, 9));
    const variables = { id: booking.id, key: randomUUID(), reason: 'illness' };
    const cancelled = await ok<BookingView>(CANCEL, variables);
    expect(cancelled.status).toBe('cancelled');
    const before = await counts();

    const retried = await ok<BookingView>(CANCEL, variables);
    expect(retried).toEqual(cancelled);
    expect(await counts()).toEqual(before);
    expect(await outboxEvents(booking.id, 'booking.cancelled')).toBe(1);

    // A new key is a new request: the booking is already cancelled.
    const fresh = await gqlFails(app, CANCEL, { ...variables, key: randomUUID() }, staff);
    expect(fresh.extensions).toMatchObject({
      code: 'INVALID_BOOKING_TRANSITION',
      currentStatus: 'cancelled',
    });
  });

  it('10 parallel holds with one key: one booking, every reply the same booking, never an error', async () => {
    const startsAt = daysAhead(9, 10);
    const input = holdInput({
      therapistId: world.therapistIds[2],
      startsAt: startsAt.toISOString(),
    });
    const before = await counts();
    const replies = await Promise.all(
      Array.from({ length: 10 }, () =>
        app.gql<{ holdBooking: BookingView }>(HOLD, { input }, staff),
      ),
    );
    expect(replies.map((reply) => reply.errors)).toEqual(Array(10).fill(undefined));
    const bookings = replies.map((reply) => reply.data!.holdBooking);
    expect(new Set(bookings.map((b) => b.id)).size).toBe(1);
    for (const booking of bookings) {
      expect(booking).toEqual(bookings[0]);
    }
    expect(await counts()).toEqual({
      bookings: before.bookings + 1,
      outbox: before.outbox + 1,
      keys: before.keys + 1,
    });
    const rows = await app.dataSource.query<{ id: string }[]>(
      `SELECT id FROM booking WHERE therapist_id = $1 AND starts_at = $2`,
      [world.therapistIds[2], startsAt],
    );
    expect(rows).toEqual([{ id: bookings[0].id }]);
  });
});
