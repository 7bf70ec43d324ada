import { randomUUID } from 'node:crypto';
import { TOPICS } from '@app/contracts';
import { ServiceTestApp, startServiceTestApp } from '@app/platform/test-support/service-test-app';
import { bookingDefinition } from '../booking.definition';
import { BookingModule } from '../booking.module';
import { bookingWriteCounts } from './test-support/booking-graphql';

const HOLD = `mutation Hold($input: HoldBookingInput!) { holdBooking(input: $input) { id status } }`;

describe('bookings: no double booking in PostgreSQL, permissions', () => {
  let app: ServiceTestApp;

  beforeAll(async () => {
    app = await startServiceTestApp(bookingDefinition, BookingModule.forRoot, {
      watchTopics: [TOPICS.booking],
    });
  }, 120_000);

  afterAll(async () => {
    await app.close();
  });

  interface Slot {
    therapistId: string;
    roomId: string;
    startsAt: string;
    blocksUntil: string;
    status?: string;
  }

  async function insert(row: Slot): Promise<string> {
    const id = randomUUID();
    await app.dataSource.query(
      `INSERT INTO booking (id, clinic_id, client_id, therapist_id, room_id, treatment_id,
         starts_at, ends_at, blocks_until, status, price_pence, currency, local_start, local_end,
         timezone, created_by_subject, created_by_role)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $7::timestamptz + interval '30 minutes', $8, $9,
         3500, 'GBP', 'x', 'x', 'Europe/London', 'test', 'receptionist')`,
      [
        id,
        randomUUID(),
        randomUUID(),
        row.therapistId,
        row.roomId,
        randomUUID(),
        row.startsAt,
        row.blocksUntil,
        row.status ?? 'held',
      ],
    );
    return id;
  }

  async function violation(promise: Promise<unknown>): Promise<string | undefined> {
    try {
      await promise;
      return undefined;
    } catch (error: unknown) {
      const driver = (error as { driverError?: { code?: string; constraint?: string } })
        .driverError;
      return `${driver?.code}:${driver?.constraint}`;
    }
  }

  it('rejects an overlapping booking of one therapist, buffer included; back to back is fine', async () => {
    const therapistId = randomUUID();
    await insert({
      therapistId,
      roomId: randomUUID(),
      startsAt: '2030-01-07T10:00Z',
      blocksUntil: '2030-01-07T10:40Z',
    });
    expect(
      await violation(
        insert({
          therapistId,
          roomId: randomUUID(),
          startsAt: '2030-01-07T10:30Z',
          blocksUntil: '2030-01-07T11:10Z',
        }),
      ),
    ).toBe('23P01:booking_therapist_no_overlap');
    expect(
      await violation(
        insert({
          therapistId,
          roomId: randomUUID(),
          startsAt: '2030-01-07T10:40Z',
          blocksUntil: '2030-01-07T11:20Z',
        }),
      ),
    ).toBeUndefined();
  });

  it('rejects an overlapping booking of one room', async () => {
    const roomId = randomUUID();
    await insert({
      therapistId: randomUUID(),
      roomId,
      startsAt: '2030-01-08T10:00Z',
      blocksUntil: '2030-01-08T10:40Z',
    });
    expect(
      await violation(
        insert({
          therapistId: randomUUID(),
          roomId,
          startsAt: '2030-01-08T09:45Z',
          blocksUntil: '2030-01-08T10:15Z',
        }),
      ),
    ).toBe('23P01:booking_room_no_overlap');
  });

  /** The statuses that hold a slot (the constraints' WHERE), and those that free it. */
  const HOLDING = ['held', 'confirmed', 'checked_in'] as const;
  const FREEING = ['cancelled', 'hold_expired', 'completed', 'no_show'] as const;
  const CONSTRAINTS = [
    ['therapist', 'booking_therapist_no_overlap'],
    ['room', 'booking_room_no_overlap'],
  ] as const;

  /** Two overlapping slots (10:00–10:40 and 10:30–11:10) sharing only the therapist or the room. */
  function overlappingPair(
    shared: 'therapist' | 'room',
  ): [Parameters<typeof insert>[0], Parameters<typeof insert>[0]] {
    const therapistId = randomUUID();
    const roomId = randomUUID();
    const first = {
      therapistId: shared === 'therapist' ? therapistId : randomUUID(),
      roomId: shared === 'room' ? roomId : randomUUID(),
      startsAt: '2030-02-04T10:00Z',
      blocksUntil: '2030-02-04T10:40Z',
    };
    const second = {
      therapistId: shared === 'therapist' ? therapistId : randomUUID(),
      roomId: shared === 'room' ? roomId : randomUUID(),
      startsAt: '2030-02-04T10:30Z',
      blocksUntil: '2030-02-04T11:10Z',
    };
    return [first, second];
  }

  describe.each(CONSTRAINTS)('the %s constraint (%s)', (shared, constraint) => {
    it.each(HOLDING)(
      'a %s booking blocks an overlapping one, whichever is written first',
      async (status) => {
        const [first, second] = overlappingPair(shared);
        await insert({ ...first, status });
        expect(await violation(insert({ ...second, status: 'held' }))).toBe(`23P01:${constraint}`);

        const [earlier, later] = overlappingPair(shared);
        await insert({ ...earlier, status: 'held' });
        expect(await violation(insert({ ...later, status }))).toBe(`23P01:${constraint}`);
      },
    );

    it.each(FREEING)(
      'a %s booking frees its slot: an overlapping booking is written, either way round',
      async (status) => {
        const [first, second] = overlappingPair(shared);
        await insert({ ...first, status });
        expect(await violation(insert({ ...second, status: 'held' }))).toBeUndefined();

        const [earlier, later] = overlappingPair(shared);
        await insert({ ...earlier, status: 'confirmed' });
        expect(await violation(insert({ ...later, status }))).toBeUndefined();
      },
    );
  });

  it('a booking cancelled after it was written frees its slot', async () => {
    const therapistId = randomUUID();
    const roomId = randomUUID();
    const id = await insert({
      therapistId,
      roomId,
      startsAt: '2030-01-09T10:00Z',
      blocksUntil: '2030-01-09T10:40Z',
    });
    await app.dataSource.query(`UPDATE booking SET status = 'cancelled' WHERE id = $1`, [id]);
    expect(
      await violation(
        insert({
          therapistId,
          roomId,
          startsAt: '2030-01-09T10:00Z',
          blocksUntil: '2030-01-09T10:40Z',
        }),
      ),
    ).toBeUndefined();
  });

  it('denies a client booking for someone else, a therapist, and an integrator without the scope; writes nothing', async () => {
    const before = await bookingWriteCounts(app);
    const clinicId = randomUUID();
    const input = {
      clinicId,
      treatmentId: '6f1d2c10-0000-4000-8000-000000000002',
      therapistId: randomUUID(),
      startsAt: '2030-01-10T10:00:00.000Z',
      clientId: randomUUID(),
      idempotencyKey: randomUUID(),
    };
    const tokens = [
      await app.token({ role: 'client', clientId: randomUUID(), subject: 'c' }),
      await app.token({
        role: 'therapist',
        therapistId: input.therapistId,
        clinicIds: [clinicId],
        subject: 't',
      }),
      await app.token({
        role: 'integrator',
        clinicIds: [clinicId],
        scopes: ['availability:read'],
        subject: 'i',
      }),
      await app.token({ role: 'receptionist', clinicIds: [randomUUID()], subject: 'r' }),
    ];
    for (const token of tokens) {
      const res = await app.gql(HOLD, { input }, token);
      expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    expect(await bookingWriteCounts(app)).toEqual(before);
  });

  it('bad input: a malformed id or an empty idempotency key', async () => {
    const token = await app.token({ role: 'head_office_admin', subject: 'h' });
    const input = {
      clinicId: 'nope',
      treatmentId: '6f1d2c10-0000-4000-8000-000000000002',
      therapistId: randomUUID(),
      startsAt: '2030-01-10T10:00:00.000Z',
      clientId: randomUUID(),
      idempotencyKey: 'k',
    };
    expect((await app.gql(HOLD, { input }, token)).errors?.[0]?.extensions?.code).toBe(
      'INVALID_BOOKING_INPUT',
    );
    expect(
      (
        await app.gql(
          HOLD,
          { input: { ...input, clinicId: randomUUID(), idempotencyKey: ' ' } },
          token,
        )
      ).errors?.[0]?.extensions?.code,
    ).toBe('INVALID_IDEMPOTENCY_KEY');
  });
});
