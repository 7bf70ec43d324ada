import { randomUUID } from 'node:crypto';
import { CarePlanCreatedV1, EventEnvelope, TOPICS } from '@app/contracts';
import { ServiceTestApp, startServiceTestApp } from '@app/platform/test-support/service-test-app';
import { bookingDefinition } from '../booking.definition';
import { BookingModule } from '../booking.module';
import { eventually } from '../projections/test-support/projection-events';
import {
  BookingWorld,
  daysAhead,
  londonLocal,
  seedBookingWorld,
  TREATMENTS,
} from '../bookings/test-support/booking-world';

const SERIES_FIELDS = `id clinicId clientId therapistId treatmentId carePlanId sessionsPerWeek
  weeks preferredWeekdays preferredTime startsOn timezone status cancelledAt
  bookings { id status startsAt localStart therapistId }`;
const BOOK = `mutation B($input: BookSeriesInput!) { bookSeries(input: $input) { ${SERIES_FIELDS} } }`;
const CANCEL_REST = `mutation C($id: ID!, $key: String!) {
  cancelRestOfSeries(seriesId: $id, idempotencyKey: $key, reason: illness) { ${SERIES_FIELDS} } }`;
const SERIES = `query S($id: ID!) { bookingSeries(id: $id) { ${SERIES_FIELDS} } }`;
const HOLD = `mutation H($input: HoldBookingInput!) { holdBooking(input: $input) { id } }`;

interface SeriesView {
  id: string;
  carePlanId: string | null;
  sessionsPerWeek: number;
  weeks: number;
  status: string;
  bookings: { id: string; status: string; startsAt: string; localStart: string }[];
}
interface Unplaced {
  date: string;
  localStart: string;
  code: string;
  reason: string;
  alternatives: { startsAt: string; localStart: string }[];
}

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

describe('booking series through GraphQL (real PostgreSQL and Kafka)', () => {
  let app: ServiceTestApp;
  let world: BookingWorld;
  let staff: string;
  // A London date a week ahead, and the weekdays two and four days after it.
  const startsOn = londonLocal(daysAhead(7)).slice(0, 10);
  const dayName = (offset: number): string =>
    WEEKDAYS[new Date(Date.parse(`${startsOn}T12:00:00Z`) + offset * 86_400_000).getUTCDay()];
  const twoDays = [dayName(2), dayName(4)];

  beforeAll(async () => {
    app = await startServiceTestApp(bookingDefinition, BookingModule.forRoot, {
      watchTopics: [TOPICS.booking],
    });
    world = await seedBookingWorld(app, { therapists: 4, rooms: 2 });
    staff = await app.token({
      role: 'receptionist',
      clinicIds: [world.clinicId],
      subject: 'series-reception',
    });
  }, 180_000);

  afterAll(async () => {
    await app?.close();
  });

  function input(overrides: Record<string, unknown> = {}): Record<string, unknown> {
    return {
      clientId: world.clients.cleared,
      clinicId: world.clinicId,
      treatmentId: TREATMENTS.pnf30,
      therapistId: world.therapistIds[0],
      sessionsPerWeek: 2,
      weeks: 3,
      preferredWeekdays: twoDays,
      preferredTime: '10:00',
      startsOn,
      idempotencyKey: randomUUID(),
      ...overrides,
    };
  }

  async function book(variables: Record<string, unknown>, token = staff): Promise<SeriesView> {
    const res = await app.gql<{ bookSeries: SeriesView }>(BOOK, { input: variables }, token);
    expect(res.errors).toBeUndefined();
    return res.data!.bookSeries;
  }

  async function fails(query: string, variables: Record<string, unknown>, token = staff) {
    const res = await app.gql(query, variables, token);
    expect(res.errors).toHaveLength(1);
    return res.errors![0];
  }

  async function counts(): Promise<Record<string, number>> {
    const [row] = await app.dataSource.query<Record<string, number>[]>(
      `SELECT (SELECT count(*) FROM booking)::int AS bookings,
              (SELECT count(*) FROM booking_series)::int AS series,
              (SELECT count(*) FROM outbox)::int AS outbox,
              (SELECT count(*) FROM idempotency_key)::int AS keys`,
    );
    return row;
  }

  const ofBooking = (id: string) => (event: EventEnvelope) => event.aggregateId === id;

  it('places a whole series, confirmed, at 10:00 clinic time, each with booking.confirmed', async () => {
    const before = await counts();
    const series = await book(input());
    expect(series).toMatchObject({ sessionsPerWeek: 2, weeks: 3, status: 'active' });
    expect(series.bookings).toHaveLength(6);
    expect(series.bookings.every((b) => b.status === 'confirmed')).toBe(true);
    expect(series.bookings.every((b) => b.localStart.endsWith('T10:00'))).toBe(true);
    const weekdays = series.bookings.map(
      (b) => WEEKDAYS[new Date(`${b.localStart.slice(0, 10)}T12:00:00Z`).getUTCDay()],
    );
    expect(new Set(weekdays)).toEqual(new Set(twoDays));
    const rows = await app.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM booking WHERE series_id = $1 AND status = 'confirmed'`,
      [series.id],
    );
    expect(rows[0].n).toBe(6);
    const after = await counts();
    expect(after.bookings - before.bookings).toBe(6);
    expect(after.series - before.series).toBe(1);
    expect(after.outbox - before.outbox).toBe(6);
    for (const booking of series.bookings) {
      const event = await app.event('booking.confirmed', ofBooking(booking.id));
      expect(event.data).toMatchObject({ status: 'confirmed', localStart: booking.localStart });
    }
    const read = await app.gql<{ bookingSeries: SeriesView }>(SERIES, { id: series.id }, staff);
    expect(read.data?.bookingSeries.bookings.map((b) => b.id)).toEqual(
      series.bookings.map((b) => b.id),
    );
  });

  it('writes nothing when one date clashes, and names that date with alternatives', async () => {
    const therapistId = world.therapistIds[1];
    const probe = await book(input({ therapistId, preferredTime: '11:00', weeks: 1 }));
    // Free those two again by cancelling the probe series, then take the second date.
    await app.gql(CANCEL_REST, { id: probe.id, key: randomUUID() }, staff);
    const clash = probe.bookings[1];
    const held = await app.gql<{ holdBooking: { id: string } }>(
      HOLD,
      {
        input: {
          clinicId: world.clinicId,
          treatmentId: TREATMENTS.pnf30,
          therapistId,
          startsAt: clash.startsAt,
          clientId: world.clients.cleared,
          idempotencyKey: randomUUID(),
        },
      },
      staff,
    );
    expect(held.errors).toBeUndefined();
    const before = await counts();
    const error = await fails(BOOK, {
      input: input({ therapistId, preferredTime: '11:00', weeks: 2 }),
    });
    expect(error.extensions?.code).toBe('SERIES_DATES_UNAVAILABLE');
    const unplaced = error.extensions?.unplaced as Unplaced[];
    expect(unplaced).toHaveLength(1);
    expect(unplaced[0]).toMatchObject({
      localStart: clash.localStart,
      date: clash.localStart.slice(0, 10),
      code: 'SLOT_UNAVAILABLE',
    });
    expect(unplaced[0].alternatives.length).toBeGreaterThan(0);
    expect(unplaced[0].alternatives.length).toBeLessThanOrEqual(3);
    expect(error.message).toContain(clash.localStart);
    expect(await counts()).toEqual(before);
  });

  it('takes the frequency from the care plan', async () => {
    const carePlanId = randomUUID();
    await app.publish(CarePlanCreatedV1, {
      aggregateId: carePlanId,
      clinicId: world.clinicId,
      data: {
        carePlanId,
        clientId: world.clients.cleared,
        clinicId: world.clinicId,
        version: 1,
        status: 'active',
        sessionsPerWeek: 1,
        weeks: 4,
        maintenanceEveryWeeks: null,
        startsOn,
        preferredTherapistId: null,
      },
    });
    await eventually(async () => {
      const rows = await app.dataSource.query<unknown[]>(
        `SELECT 1 FROM care_plan_projection WHERE id = $1`,
        [carePlanId],
      );
      expect(rows).toHaveLength(1);
    }, 60_000);
    const planned = {
      carePlanId,
      sessionsPerWeek: null,
      weeks: null,
      preferredWeekdays: [dayName(3)],
      therapistId: world.therapistIds[2],
      preferredTime: '12:00',
    };
    const contradicted = await fails(BOOK, { input: input({ ...planned, sessionsPerWeek: 2 }) });
    expect(contradicted.extensions?.code).toBe('INVALID_SERIES_INPUT');
    const series = await book(input(planned));
    expect(series).toMatchObject({ carePlanId, sessionsPerWeek: 1, weeks: 4 });
    expect(series.bookings).toHaveLength(4);
    const unknownPlan = await fails(BOOK, {
      input: input({ ...planned, carePlanId: randomUUID() }),
    });
    expect(unknownPlan.extensions?.code).toBe('CARE_PLAN_NOT_FOUND');
  });

  it('cancels the rest of a series and leaves completed ones', async () => {
    const series = await book(
      input({ therapistId: world.therapistIds[3], preferredTime: '13:00', weeks: 2 }),
    );
    const [done, ...rest] = series.bookings;
    await app.dataSource.query(
      `UPDATE booking SET status = 'completed', completed_at = now() WHERE id = $1`,
      [done.id],
    );
    const before = await counts();
    const key = randomUUID();
    const res = await app.gql<{ cancelRestOfSeries: SeriesView }>(
      CANCEL_REST,
      { id: series.id, key },
      staff,
    );
    expect(res.errors).toBeUndefined();
    const cancelled = res.data!.cancelRestOfSeries;
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.bookings.find((b) => b.id === done.id)?.status).toBe('completed');
    expect(
      cancelled.bookings.filter((b) => b.id !== done.id).every((b) => b.status === 'cancelled'),
    ).toBe(true);
    expect((await counts()).outbox - before.outbox).toBe(rest.length);
    for (const booking of rest) {
      const event = await app.event('booking.cancelled', ofBooking(booking.id));
      expect(event.data).toMatchObject({ status: 'cancelled', cancelledBy: 'clinic' });
    }
    // A retry with the same key changes nothing.
    const mid = await counts();
    const retry = await app.gql(CANCEL_REST, { id: series.id, key }, staff);
    expect(retry.errors).toBeUndefined();
    expect(await counts()).toEqual(mid);
  });

  it('denies a client booking for someone else and a receptionist of another clinic', async () => {
    const client = await app.token({
      role: 'client',
      clientId: world.clients.cleared,
      subject: 'series-client',
    });
    const otherReception = await app.token({
      role: 'receptionist',
      clinicIds: [randomUUID()],
      subject: 'series-other-reception',
    });
    const before = await counts();
    const notOwn = await fails(
      BOOK,
      { input: input({ clientId: world.clients.notSuitable }) },
      client,
    );
    expect(notOwn.extensions?.code).toBe('FORBIDDEN');
    const otherClinic = await fails(BOOK, { input: input() }, otherReception);
    expect(otherClinic.extensions?.code).toBe('FORBIDDEN');
    expect(await counts()).toEqual(before);
  });

  it('refuses weekdays that do not match sessionsPerWeek, writing nothing', async () => {
    const before = await counts();
    const error = await fails(BOOK, { input: input({ preferredWeekdays: [twoDays[0]] }) });
    expect(error.extensions?.code).toBe('INVALID_SERIES_INPUT');
    expect(error.message).toContain('exactly 2');
    expect(await counts()).toEqual(before);
  });

  it('returns the first series for a retry with the same key, and refuses a changed request', async () => {
    const variables = input({
      preferredTime: '14:00',
      weeks: 1,
      startsOn: londonLocal(daysAhead(35)).slice(0, 10),
      preferredWeekdays: [dayName(0), dayName(1)],
    });
    const first = await book(variables);
    const before = await counts();
    const again = await book(variables);
    expect(again.id).toBe(first.id);
    expect(again.bookings.map((b) => b.id)).toEqual(first.bookings.map((b) => b.id));
    expect(await counts()).toEqual(before);
    const changed = await fails(BOOK, { input: { ...variables, preferredTime: '15:00' } });
    expect(changed.extensions?.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await counts()).toEqual(before);
  });
});
