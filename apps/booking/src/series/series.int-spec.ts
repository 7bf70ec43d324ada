import { randomUUID } from 'node:crypto';
import { CarePlanCreatedV1, EventData, EventEnvelope, TOPICS } from '@app/contracts';
import { ServiceTestApp, startServiceTestApp } from '@app/platform/test-support/service-test-app';
import { bookingDefinition } from '../booking.definition';
import { BookingModule } from '../booking.module';
import type { QueryRunner } from 'typeorm';
import { eventually } from '../projections/test-support/projection-events';
import {
  BookingWorld,
  daysAhead,
  londonLocal,
  seedBookingWorld,
  seedClearedClient,
  TREATMENTS,
} from '../bookings/test-support/booking-world';

const SERIES_FIELDS = `id clinicId clientId therapistId treatmentId carePlanId sessionsPerWeek
  weeks maintenanceSessions maintenanceEveryWeeks maintenanceTreatmentId preferredWeekdays
  preferredTime startsOn timezone status cancelledAt
  bookings { id status startsAt endsAt localStart therapistId roomId treatmentId pricePence seriesId }`;
const BOOK = `mutation B($input: BookSeriesInput!) { bookSeries(input: $input) { ${SERIES_FIELDS} } }`;
const CANCEL_REST = `mutation C($id: ID!, $key: String!) {
  cancelRestOfSeries(seriesId: $id, idempotencyKey: $key, reason: illness) { ${SERIES_FIELDS} } }`;
const SERIES = `query S($id: ID!) { bookingSeries(id: $id) { ${SERIES_FIELDS} } }`;
const HOLD = `mutation H($input: HoldBookingInput!) { holdBooking(input: $input) { id } }`;
const CONFIRM = `mutation F($id: ID!, $key: String!) { confirmBooking(id: $id, idempotencyKey: $key) { id } }`;
const CREATE_TREATMENT = `mutation T($input: CreateTreatmentInput!) { createTreatment(input: $input) { id } }`;
const SET_OFFERING = `mutation O($c: ID!, $t: ID!, $input: ClinicTreatmentOfferingInput!) {
  setClinicTreatmentOffering(clinicId: $c, treatmentId: $t, input: $input) { pricePence } }`;

interface SeriesView {
  id: string;
  therapistId: string;
  treatmentId: string;
  carePlanId: string | null;
  sessionsPerWeek: number;
  weeks: number;
  maintenanceSessions: number;
  maintenanceEveryWeeks: number | null;
  maintenanceTreatmentId: string | null;
  startsOn: string;
  status: string;
  bookings: {
    id: string;
    status: string;
    startsAt: string;
    endsAt: string;
    localStart: string;
    therapistId: string;
    roomId: string;
    treatmentId: string;
    pricePence: number;
    seriesId: string | null;
  }[];
}
interface Unplaced {
  date: string;
  localStart: string;
  phase: string;
  code: string;
  reason: string;
  alternatives: { startsAt: string; endsAt: string; localStart: string }[];
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
    world = await seedBookingWorld(app, { therapists: 8, rooms: 2 });
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

  /** The clinic-local date `offset` days after startsOn. */
  const dateAfter = (offset: number): string =>
    new Date(Date.parse(`${startsOn}T12:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);

  /** The UTC instant of a London wall time (GMT or BST). */
  function londonInstant(date: string, time: string): Date {
    const asUtc = new Date(`${date}T${time}:00Z`);
    return londonLocal(asUtc) === `${date}T${time}` ? asUtc : new Date(asUtc.getTime() - 3_600_000);
  }

  type CarePlanData = EventData<typeof CarePlanCreatedV1>;

  /** An active care plan of the cleared client, as client-record publishes it, projected. */
  async function carePlan(plan: Partial<CarePlanData>): Promise<string> {
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
        weeks: 2,
        maintenanceEveryWeeks: null,
        startsOn,
        preferredTherapistId: null,
        ...plan,
      },
    });
    await eventually(async () => {
      const rows = await app.dataSource.query<unknown[]>(
        `SELECT 1 FROM care_plan_projection WHERE id = $1`,
        [carePlanId],
      );
      expect(rows).toHaveLength(1);
    }, 60_000);
    return carePlanId;
  }

  /** Another client with screening clearance (concurrent series of one client queue up). */
  const clearedClient = (): Promise<string> => seedClearedClient(app, world.clinicId);

  /** A confirmed single booking, through GraphQL. */
  async function confirmedBooking(therapistId: string, startsAt: Date): Promise<string> {
    const held = await app.gql<{ holdBooking: { id: string } }>(
      HOLD,
      {
        input: {
          clinicId: world.clinicId,
          treatmentId: TREATMENTS.pnf30,
          therapistId,
          startsAt: startsAt.toISOString(),
          clientId: world.clients.cleared,
          idempotencyKey: randomUUID(),
        },
      },
      staff,
    );
    expect(held.errors).toBeUndefined();
    const id = held.data!.holdBooking.id;
    const confirmed = await app.gql(CONFIRM, { id, key: randomUUID() }, staff);
    expect(confirmed.errors).toBeUndefined();
    return id;
  }

  /** The room a series tries first (BookingsService picks the first free one by id). */
  async function firstRoom(): Promise<string> {
    const rows = await app.dataSource.query<{ room_id: string }[]>(
      `SELECT room_id FROM clinic_room_projection
        WHERE clinic_id = $1 AND status = 'active' ORDER BY room_id LIMIT 1`,
      [world.clinicId],
    );
    return rows[0].room_id;
  }

  /**
   * A transaction of the test's own on its own connection, standing in for a concurrent
   * booking that has not committed yet: it moves a booking (pnf30: 30 + 10 minutes) into a
   * room and time, which a series placing there must wait for.
   */
  async function concurrentTransaction(): Promise<{
    runner: QueryRunner;
    pid: number;
    move: (bookingId: string, roomId: string, startsAt: Date) => Promise<void>;
  }> {
    const runner = app.dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    // PostgreSQL checks for a deadlock once, deadlock_timeout after a backend starts waiting:
    // this side checks late, so the series (1 s) is always the one that detects it.
    await runner.query(`SET LOCAL deadlock_timeout = '30s'`);
    const [{ pid }] = (await runner.query('SELECT pg_backend_pid() AS pid')) as { pid: number }[];
    const move = async (bookingId: string, roomId: string, startsAt: Date): Promise<void> => {
      await runner.query(
        `UPDATE booking SET room_id = $2, starts_at = $3::timestamptz,
                ends_at = $3::timestamptz + interval '30 minutes',
                blocks_until = $3::timestamptz + interval '40 minutes'
          WHERE id = $1`,
        [bookingId, roomId, startsAt],
      );
    };
    return { runner, pid, move };
  }

  /** Waits until some other connection is blocked by the backend `pid` (a lock wait). */
  async function someoneWaitsFor(pid: number): Promise<void> {
    await eventually(async () => {
      const rows = await app.dataSource.query<unknown[]>(
        `SELECT 1 FROM pg_stat_activity WHERE $1 = ANY(pg_blocking_pids(pid))`,
        [pid],
      );
      expect(rows.length).toBeGreaterThan(0);
    }, 30_000);
  }

  it('places a whole series, confirmed, at 10:00 clinic time, each with booking.confirmed', async () => {
    const before = await counts();
    const series = await book(input());
    expect(series).toMatchObject({ sessionsPerWeek: 2, weeks: 3, status: 'active' });
    expect(series.bookings).toHaveLength(6);
    expect(series.bookings.every((b) => b.status === 'confirmed')).toBe(true);
    expect(series.bookings.every((b) => b.seriesId === series.id)).toBe(true);
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

  describe('from a care plan: defaults and the maintenance phase', () => {
    it("places the series with the care plan's preferred therapist from its start date; a given therapistId wins", async () => {
      const preferred = world.therapistIds[4];
      const carePlanId = await carePlan({ preferredTherapistId: preferred, weeks: 2 });
      const before = await counts();
      const series = await book(
        input({
          carePlanId,
          therapistId: null,
          startsOn: null,
          sessionsPerWeek: null,
          weeks: null,
          preferredWeekdays: [dayName(1)],
          preferredTime: '16:00',
        }),
      );
      expect(series).toMatchObject({ therapistId: preferred, startsOn, carePlanId, weeks: 2 });
      expect(series.bookings.map((b) => [b.therapistId, b.localStart])).toEqual([
        [preferred, `${dateAfter(1)}T16:00`],
        [preferred, `${dateAfter(8)}T16:00`],
      ]);
      const after = await counts();
      expect(after.bookings - before.bookings).toBe(2);
      expect(after.outbox - before.outbox).toBe(2);

      const chosen = world.therapistIds[5];
      const overridden = await book(
        input({
          carePlanId,
          therapistId: chosen,
          startsOn: null,
          sessionsPerWeek: null,
          weeks: null,
          preferredWeekdays: [dayName(1)],
          preferredTime: '17:00',
        }),
      );
      expect(overridden.therapistId).toBe(chosen);
      expect(overridden.bookings.every((b) => b.therapistId === chosen)).toBe(true);
    });

    it("starts tomorrow (the clinic's date) when the care plan's start date has passed", async () => {
      const today = londonLocal(new Date()).slice(0, 10);
      const tomorrow = new Date(Date.parse(`${today}T12:00:00Z`) + 86_400_000);
      const carePlanId = await carePlan({
        preferredTherapistId: world.therapistIds[4],
        startsOn: '2025-01-06',
        weeks: 1,
      });
      const series = await book(
        input({
          carePlanId,
          therapistId: null,
          startsOn: null,
          sessionsPerWeek: null,
          weeks: null,
          preferredWeekdays: [WEEKDAYS[tomorrow.getUTCDay()]],
          preferredTime: '18:00',
        }),
      );
      expect(series.startsOn).toBe(tomorrow.toISOString().slice(0, 10));
      expect(series.bookings.map((b) => b.localStart)).toEqual([
        `${tomorrow.toISOString().slice(0, 10)}T18:00`,
      ]);
    });

    it('asks for a therapistId, a startsOn or a care plan with maintenance, writing nothing', async () => {
      const noTherapist = await carePlan({ preferredTherapistId: null });
      const before = await counts();
      const planned = {
        carePlanId: noTherapist,
        sessionsPerWeek: null,
        weeks: null,
        preferredWeekdays: [dayName(5)],
        preferredTime: '16:00',
      };
      const cases: [Record<string, unknown>, string, string][] = [
        [{ ...planned, therapistId: null }, 'therapistId', 'give therapistId'],
        [{ therapistId: null }, 'therapistId', 'give therapistId'],
        [{ startsOn: null }, 'startsOn', 'give startsOn'],
        [{ maintenanceSessions: 2 }, 'maintenanceSessions', 'carePlanId'],
        [{ ...planned, maintenanceSessions: 1 }, 'maintenanceSessions', 'no maintenance phase'],
        [{ maintenanceSessions: 13 }, 'maintenanceSessions', '0 to 12'],
      ];
      for (const [change, field, message] of cases) {
        const error = await fails(BOOK, { input: input(change) });
        expect({ code: error.extensions?.code, field: error.extensions?.field }).toEqual({
          code: 'INVALID_SERIES_INPUT',
          field,
        });
        expect(error.message).toContain(message);
      }
      expect(await counts()).toEqual(before);
    });

    it('places maintenance sessions every maintenanceEveryWeeks on the first preferred weekday, each confirmed', async () => {
      const therapistId = world.therapistIds[6];
      const carePlanId = await carePlan({
        preferredTherapistId: therapistId,
        sessionsPerWeek: 2,
        weeks: 2,
        maintenanceEveryWeeks: 2,
      });
      const before = await counts();
      const series = await book(
        input({
          carePlanId,
          therapistId: null,
          startsOn: null,
          sessionsPerWeek: null,
          weeks: null,
          preferredWeekdays: [dayName(2), dayName(4)],
          preferredTime: '08:00',
          maintenanceSessions: 2,
        }),
      );
      expect(series).toMatchObject({ maintenanceSessions: 2, maintenanceEveryWeeks: 2 });
      // Intensive: days 2 and 4 of two weeks; the last intensive first weekday is day 9,
      // then every 2 weeks: days 23 and 37.
      expect(series.bookings.map((b) => b.localStart)).toEqual(
        [2, 4, 9, 11, 23, 37].map((day) => `${dateAfter(day)}T08:00`),
      );
      expect(series.bookings.every((b) => b.status === 'confirmed')).toBe(true);
      const after = await counts();
      expect(after.bookings - before.bookings).toBe(6);
      expect(after.series - before.series).toBe(1);
      expect(after.outbox - before.outbox).toBe(6);
      for (const booking of series.bookings.slice(4)) {
        const event = await app.event('booking.confirmed', ofBooking(booking.id));
        expect(event.data).toMatchObject({
          status: 'confirmed',
          therapistId,
          localStart: booking.localStart,
        });
      }
    });

    it('lists an unplaceable maintenance date like the others and writes nothing', async () => {
      const therapistId = world.therapistIds[7];
      const carePlanId = await carePlan({
        preferredTherapistId: therapistId,
        sessionsPerWeek: 2,
        weeks: 2,
        maintenanceEveryWeeks: 2,
      });
      await confirmedBooking(therapistId, londonInstant(dateAfter(37), '09:00'));
      const before = await counts();
      const error = await fails(BOOK, {
        input: input({
          carePlanId,
          therapistId: null,
          sessionsPerWeek: null,
          weeks: null,
          preferredWeekdays: [dayName(2), dayName(4)],
          preferredTime: '09:00',
          maintenanceSessions: 2,
        }),
      });
      expect(error.extensions?.code).toBe('SERIES_DATES_UNAVAILABLE');
      const unplaced = error.extensions?.unplaced as Unplaced[];
      expect(unplaced.map((u) => [u.phase, u.localStart, u.code])).toEqual([
        ['maintenance', `${dateAfter(37)}T09:00`, 'SLOT_UNAVAILABLE'],
      ]);
      expect(await counts()).toEqual(before);
    });
  });

  describe("the maintenance sessions' own treatment (maintenanceTreatmentId)", () => {
    let headOffice: string;
    const minutes = (b: { startsAt: string; endsAt: string }): number =>
      (Date.parse(b.endsAt) - Date.parse(b.startsAt)) / 60_000;

    beforeAll(async () => {
      headOffice = await app.token({ role: 'head_office_admin', subject: 'series-head-office' });
    });

    /**
     * A PNF 60 series from a new care plan (twice a week for two weeks, then two maintenance
     * sessions every two weeks: days 2, 4, 9, 11, then 23 and 37) with `therapistId`.
     */
    async function maintained(
      therapistId: string,
      preferredTime: string,
      overrides: Record<string, unknown> = {},
    ): Promise<Record<string, unknown>> {
      const carePlanId = await carePlan({
        preferredTherapistId: therapistId,
        sessionsPerWeek: 2,
        weeks: 2,
        maintenanceEveryWeeks: 2,
      });
      return input({
        carePlanId,
        treatmentId: TREATMENTS.pnf60,
        therapistId: null,
        sessionsPerWeek: null,
        weeks: null,
        preferredWeekdays: [dayName(2), dayName(4)],
        preferredTime,
        maintenanceSessions: 2,
        ...overrides,
      });
    }

    /** A new catalogue treatment (45 + 10 min, £40) that the test then offers or not. */
    async function newTreatment(code: string, selfBookable: boolean): Promise<string> {
      const res = await app.gql<{ createTreatment: { id: string } }>(
        CREATE_TREATMENT,
        {
          input: {
            code,
            name: `Maintenance ${code}`,
            durationMinutes: 45,
            bufferAfterMinutes: 10,
            pricePence: 4000,
            requiredCertifications: ['pnf_level_1'],
            requiresScreeningClearance: true,
            selfBookable,
          },
        },
        headOffice,
      );
      expect(res.errors).toBeUndefined();
      return res.data!.createTreatment.id;
    }

    it("books the maintenance sessions as the maintenance treatment (its duration, buffer and the clinic's price), the intensive ones as the series' treatment", async () => {
      const therapistId = world.therapistIds[2];
      const priced = await app.gql(
        SET_OFFERING,
        {
          c: world.clinicId,
          t: TREATMENTS.maintenance45,
          input: { offered: true, pricePence: 4200 },
        },
        headOffice,
      );
      expect(priced.errors).toBeUndefined();
      const variables = await maintained(therapistId, '21:00', {
        maintenanceTreatmentId: TREATMENTS.maintenance45,
      });
      const before = await counts();
      const series = await book(variables);
      expect(series).toMatchObject({
        treatmentId: TREATMENTS.pnf60,
        maintenanceSessions: 2,
        maintenanceTreatmentId: TREATMENTS.maintenance45,
      });
      expect(
        series.bookings.map((b) => [b.localStart, b.treatmentId, minutes(b), b.pricePence]),
      ).toEqual([
        [`${dateAfter(2)}T21:00`, TREATMENTS.pnf60, 60, 6000],
        [`${dateAfter(4)}T21:00`, TREATMENTS.pnf60, 60, 6000],
        [`${dateAfter(9)}T21:00`, TREATMENTS.pnf60, 60, 6000],
        [`${dateAfter(11)}T21:00`, TREATMENTS.pnf60, 60, 6000],
        [`${dateAfter(23)}T21:00`, TREATMENTS.maintenance45, 45, 4200],
        [`${dateAfter(37)}T21:00`, TREATMENTS.maintenance45, 45, 4200],
      ]);
      const buffers = await app.dataSource.query<{ buffer: number }[]>(
        `SELECT (extract(epoch FROM blocks_until - ends_at) / 60)::int AS buffer
           FROM booking WHERE series_id = $1 ORDER BY starts_at`,
        [series.id],
      );
      expect(buffers.map((row) => row.buffer)).toEqual([15, 15, 15, 15, 10, 10]);
      const after = await counts();
      expect(after.bookings - before.bookings).toBe(6);
      expect(after.outbox - before.outbox).toBe(6);
      for (const booking of series.bookings.slice(4)) {
        const event = await app.event('booking.confirmed', ofBooking(booking.id));
        expect(event.data).toMatchObject({ treatmentId: TREATMENTS.maintenance45 });
      }
      const read = await app.gql<{ bookingSeries: SeriesView }>(SERIES, { id: series.id }, staff);
      expect(read.data?.bookingSeries.maintenanceTreatmentId).toBe(TREATMENTS.maintenance45);

      // A retry returns the series; the same key with another maintenance treatment is refused.
      const mid = await counts();
      expect((await book(variables)).id).toBe(series.id);
      const changed = await fails(BOOK, {
        input: { ...variables, maintenanceTreatmentId: TREATMENTS.pnf30 },
      });
      expect(changed.extensions?.code).toBe('IDEMPOTENCY_KEY_REUSED');
      const defaulted = await fails(BOOK, {
        input: { ...variables, maintenanceTreatmentId: null },
      });
      expect(defaulted.extensions?.code).toBe('IDEMPOTENCY_KEY_REUSED');
      expect(await counts()).toEqual(mid);
    });

    it("defaults the maintenance sessions to the series' treatment", async () => {
      const series = await book(await maintained(world.therapistIds[3], '07:00'));
      expect(series.maintenanceTreatmentId).toBe(TREATMENTS.pnf60);
      expect(series.bookings.map((b) => [b.treatmentId, minutes(b)])).toEqual(
        Array.from({ length: 6 }, () => [TREATMENTS.pnf60, 60]),
      );
    });

    it('offers alternatives of the maintenance treatment for an unplaceable maintenance date', async () => {
      const therapistId = world.therapistIds[3];
      await confirmedBooking(therapistId, londonInstant(dateAfter(37), '03:00'));
      const variables = await maintained(therapistId, '03:00', {
        maintenanceTreatmentId: TREATMENTS.maintenance45,
      });
      const before = await counts();
      const error = await fails(BOOK, { input: variables });
      expect(error.extensions?.code).toBe('SERIES_DATES_UNAVAILABLE');
      const unplaced = error.extensions?.unplaced as Unplaced[];
      expect(unplaced.map((u) => [u.phase, u.localStart])).toEqual([
        ['maintenance', `${dateAfter(37)}T03:00`],
      ]);
      expect(unplaced[0].alternatives.length).toBeGreaterThan(0);
      expect(unplaced[0].alternatives.map(minutes)).toEqual(unplaced[0].alternatives.map(() => 45));
      expect(await counts()).toEqual(before);
    });

    it('refuses a maintenance treatment the clinic does not offer, writing nothing', async () => {
      const notHere = await newTreatment('SERIES_MAINTENANCE_NOT_HERE', true);
      const optedOut = await app.gql(
        SET_OFFERING,
        { c: world.clinicId, t: notHere, input: { offered: false } },
        headOffice,
      );
      expect(optedOut.errors).toBeUndefined();
      const variables = await maintained(world.therapistIds[2], '21:00', {
        maintenanceTreatmentId: notHere,
      });
      const before = await counts();
      const error = await fails(BOOK, { input: variables });
      expect({ code: error.extensions?.code, field: error.extensions?.field }).toEqual({
        code: 'TREATMENT_NOT_OFFERED',
        field: 'maintenanceTreatmentId',
      });
      expect(await counts()).toEqual(before);
    });

    it('refuses a client a maintenance treatment that is not self-bookable, writing nothing', async () => {
      const clinicOnly = await newTreatment('SERIES_MAINTENANCE_CLINIC_ONLY', false);
      const client = await app.token({
        role: 'client',
        clientId: world.clients.cleared,
        subject: 'series-client',
      });
      const variables = await maintained(world.therapistIds[2], '21:00', {
        maintenanceTreatmentId: clinicOnly,
      });
      const before = await counts();
      const error = await fails(BOOK, { input: variables }, client);
      expect({ code: error.extensions?.code, field: error.extensions?.field }).toEqual({
        code: 'TREATMENT_NOT_SELF_BOOKABLE',
        field: 'maintenanceTreatmentId',
      });
      expect(await counts()).toEqual(before);
    });

    it('refuses a maintenanceTreatmentId without maintenance sessions, writing nothing', async () => {
      const before = await counts();
      for (const maintenanceSessions of [null, 0]) {
        const error = await fails(BOOK, {
          input: input({ maintenanceTreatmentId: TREATMENTS.maintenance45, maintenanceSessions }),
        });
        expect({ code: error.extensions?.code, field: error.extensions?.field }).toEqual({
          code: 'INVALID_SERIES_INPUT',
          field: 'maintenanceTreatmentId',
        });
        expect(error.message).toContain('give maintenanceSessions too');
      }
      expect(await counts()).toEqual(before);
    });
  });

  describe('concurrent placements', () => {
    it('places a session in the other room when a concurrent booking takes the room it picked', async () => {
      const room = await firstRoom();
      const blocker = await confirmedBooking(
        world.therapistIds[6],
        londonInstant(dateAfter(50), '19:00'),
      );
      const before = await counts();
      const concurrent = await concurrentTransaction();
      try {
        await concurrent.move(blocker, room, londonInstant(dateAfter(1), '19:00'));
        const placing = app.gql<{ bookSeries: SeriesView }>(
          BOOK,
          {
            input: input({
              therapistId: world.therapistIds[5],
              sessionsPerWeek: 1,
              weeks: 1,
              preferredWeekdays: [dayName(1)],
              preferredTime: '19:00',
            }),
          },
          staff,
        );
        await someoneWaitsFor(concurrent.pid); // the series, inserting into that room
        await concurrent.runner.commitTransaction();
        const res = await placing;
        expect(res.errors).toBeUndefined();
        const [booking] = res.data!.bookSeries.bookings;
        expect(booking.localStart).toBe(`${dateAfter(1)}T19:00`);
        expect(booking.roomId).not.toBe(room);
      } finally {
        await concurrent.runner.release();
      }
      const after = await counts();
      expect(after.bookings - before.bookings).toBe(1);
      expect(after.outbox - before.outbox).toBe(1);
    });

    it('runs the series again after PostgreSQL breaks a deadlock against it', async () => {
      // A concurrent transaction takes room R at day 4, the series takes R at day 2 and
      // waits at day 4; then the concurrent one wants R at day 2: a deadlock. The series
      // (waiting longest) is the victim, retries, and places both sessions in the other room.
      const room = await firstRoom();
      const other = world.therapistIds[4];
      const atDay2 = await confirmedBooking(other, londonInstant(dateAfter(50), '20:00'));
      const atDay4 = await confirmedBooking(other, londonInstant(dateAfter(51), '20:00'));
      const before = await counts();
      const concurrent = await concurrentTransaction();
      try {
        await concurrent.move(atDay4, room, londonInstant(dateAfter(4), '20:00'));
        const placing = app.gql<{ bookSeries: SeriesView }>(
          BOOK,
          {
            input: input({
              therapistId: world.therapistIds[7],
              sessionsPerWeek: 2,
              weeks: 1,
              preferredWeekdays: [dayName(2), dayName(4)],
              preferredTime: '20:00',
            }),
          },
          staff,
        );
        await someoneWaitsFor(concurrent.pid);
        // Blocks on the series' day-2 session until PostgreSQL aborts the series.
        await concurrent.move(atDay2, room, londonInstant(dateAfter(2), '20:00'));
        await concurrent.runner.commitTransaction();
        const res = await placing;
        expect(res.errors).toBeUndefined();
        const series = res.data!.bookSeries;
        expect(series.bookings.map((b) => b.localStart)).toEqual([
          `${dateAfter(2)}T20:00`,
          `${dateAfter(4)}T20:00`,
        ]);
        expect(series.bookings.every((b) => b.roomId !== room)).toBe(true);
      } finally {
        await concurrent.runner.release();
      }
      const after = await counts();
      expect(after.bookings - before.bookings).toBe(2);
      expect(after.series - before.series).toBe(1);
      expect(after.outbox - before.outbox).toBe(2);
    });

    it('answers three series racing for two rooms with a series or a clean code, never half a series', async () => {
      const clients = [world.clients.cleared, await clearedClient(), await clearedClient()];
      const before = await counts();
      const results = await Promise.all(
        clients.map((clientId, i) =>
          app.gql<{ bookSeries: SeriesView }>(
            BOOK,
            {
              input: input({
                clientId,
                therapistId: world.therapistIds[4 + i],
                sessionsPerWeek: 2,
                weeks: 1,
                preferredWeekdays: [dayName(1), dayName(3)],
                preferredTime: '06:00',
              }),
            },
            staff,
          ),
        ),
      );
      const placed = results.filter((res) => res.errors === undefined);
      for (const res of results.filter((r) => r.errors !== undefined)) {
        expect(['SERIES_DATES_UNAVAILABLE', 'SERIES_CONFLICT']).toContain(
          res.errors![0].extensions?.code,
        );
      }
      expect(placed.length).toBeGreaterThanOrEqual(1);
      expect(placed.length).toBeLessThanOrEqual(2);
      for (const res of placed) {
        expect(res.data!.bookSeries.bookings).toHaveLength(2);
      }
      const after = await counts();
      expect(after.series - before.series).toBe(placed.length);
      expect(after.bookings - before.bookings).toBe(2 * placed.length);
      expect(after.outbox - before.outbox).toBe(2 * placed.length);
    });
  });
});
