import { randomUUID } from 'node:crypto';
import type { DevTokenRequest } from '@app/auth';
import { CarePlanCreatedV1, TOPICS } from '@app/contracts';
import { ServiceTestApp, startServiceTestApp } from '@app/platform/test-support/service-test-app';
import { bookingDefinition } from '../booking.definition';
import { BookingModule } from '../booking.module';
import { gqlFails, gqlOk } from '../bookings/test-support/booking-graphql';
import {
  BookingWorld,
  daysAhead,
  londonLocal,
  seedBookingWorld,
  TREATMENTS,
} from '../bookings/test-support/booking-world';
import { eventually } from '../projections/test-support/projection-events';

const SERIES_FIELDS = `id clinicId clientId therapistId carePlanId status bookings { id status }`;
const BOOK = `mutation B($input: BookSeriesInput!) { bookSeries(input: $input) { ${SERIES_FIELDS} } }`;
const CANCEL_REST = `mutation C($id: ID!, $key: String!) {
  cancelRestOfSeries(seriesId: $id, idempotencyKey: $key, reason: illness) { ${SERIES_FIELDS} } }`;
const SERIES = `query S($id: ID!) { bookingSeries(id: $id) { ${SERIES_FIELDS} } }`;

interface SeriesView {
  id: string;
  clinicId: string;
  clientId: string;
  therapistId: string;
  carePlanId: string | null;
  status: string;
  bookings: { id: string; status: string }[];
}

type Who =
  | 'client'
  | 'otherClient'
  | 'therapist'
  | 'otherTherapist'
  | 'receptionistElsewhere'
  | 'clinicalLead'
  | 'integrator'
  | 'integratorWithoutScope'
  | 'integratorOutsideGrant';

/**
 * Callers relative to the series of this suite: the clinic's, for the cleared client, with
 * therapist 0.
 */
const CALLERS: Record<Who, { name: string; token: (world: BookingWorld) => DevTokenRequest }> = {
  client: {
    name: 'the client of the series',
    token: (w) => ({ role: 'client', clientId: w.clients.cleared }),
  },
  otherClient: {
    name: 'another client',
    token: (w) => ({ role: 'client', clientId: w.clients.gpClearanceRequired }),
  },
  therapist: {
    name: 'the therapist of the series',
    token: (w) => ({ role: 'therapist', therapistId: w.therapistIds[0], clinicIds: [w.clinicId] }),
  },
  otherTherapist: {
    name: 'another therapist of the clinic',
    token: (w) => ({ role: 'therapist', therapistId: w.therapistIds[1], clinicIds: [w.clinicId] }),
  },
  receptionistElsewhere: {
    name: 'a receptionist of another clinic',
    token: () => ({ role: 'receptionist', clinicIds: [randomUUID()] }),
  },
  clinicalLead: {
    name: 'a clinical lead',
    token: () => ({ role: 'clinical_lead' }),
  },
  integrator: {
    name: 'an integrator with bookings:write and the clinic in its grant',
    token: (w) => ({ role: 'integrator', clinicIds: [w.clinicId], scopes: ['bookings:write'] }),
  },
  integratorWithoutScope: {
    name: 'an integrator with bookings:read only',
    token: (w) => ({ role: 'integrator', clinicIds: [w.clinicId], scopes: ['bookings:read'] }),
  },
  integratorOutsideGrant: {
    name: 'an integrator with bookings:write, the clinic outside its grant',
    token: () => ({ role: 'integrator', clinicIds: [randomUUID()], scopes: ['bookings:write'] }),
  },
};

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

describe('booking series permissions through GraphQL (real PostgreSQL and Kafka)', () => {
  let app: ServiceTestApp;
  let world: BookingWorld;
  let staff: string;
  /** An active care plan of the cleared client: 1 session a week for 2 weeks. */
  let carePlanId: string;
  /** A series the clinic booked for the cleared client with therapist 0. */
  let series: SeriesView;
  const tokens = {} as Record<Who, string>;
  const startsOn = londonLocal(daysAhead(7)).slice(0, 10);
  const dayName = (offset: number): string =>
    WEEKDAYS[new Date(Date.parse(`${startsOn}T12:00:00Z`) + offset * 86_400_000).getUTCDay()];

  beforeAll(async () => {
    app = await startServiceTestApp(bookingDefinition, BookingModule.forRoot, {
      watchTopics: [TOPICS.booking],
    });
    world = await seedBookingWorld(app, { therapists: 3 });
    staff = await app.token({
      role: 'receptionist',
      clinicIds: [world.clinicId],
      subject: 'series-permissions-reception',
    });
    for (const who of Object.keys(CALLERS) as Who[]) {
      tokens[who] = await app.token({
        ...CALLERS[who].token(world),
        subject: `series-permissions-${who}`,
      });
    }
    carePlanId = randomUUID();
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
      },
    });
    await eventually(async () => {
      const rows = await app.dataSource.query<unknown[]>(
        `SELECT 1 FROM care_plan_projection WHERE id = $1`,
        [carePlanId],
      );
      expect(rows).toHaveLength(1);
    }, 60_000);
    series = await gqlOk<SeriesView>(
      app,
      BOOK,
      { input: input({ therapistId: world.therapistIds[0], preferredTime: '09:00' }) },
      staff,
    );
    expect(series.bookings).toHaveLength(4);
  }, 180_000);

  afterAll(async () => {
    await app?.close();
  });

  /** Two sessions a week for two weeks at 11:00 with therapist 2: free unless booked here. */
  function input(overrides: Record<string, unknown> = {}): Record<string, unknown> {
    return {
      clientId: world.clients.cleared,
      clinicId: world.clinicId,
      treatmentId: TREATMENTS.pnf30,
      therapistId: world.therapistIds[2],
      sessionsPerWeek: 2,
      weeks: 2,
      preferredWeekdays: [dayName(2), dayName(4)],
      preferredTime: '11:00',
      startsOn,
      idempotencyKey: randomUUID(),
      ...overrides,
    };
  }

  /** The same wanted sessions, but from the care plan (1 a week for 2 weeks). */
  const fromCarePlan = (): Record<string, unknown> =>
    input({ carePlanId, sessionsPerWeek: null, weeks: null, preferredWeekdays: [dayName(3)] });

  async function counts(): Promise<Record<string, number>> {
    const [row] = await app.dataSource.query<Record<string, number>[]>(
      `SELECT (SELECT count(*) FROM booking)::int AS bookings,
              (SELECT count(*) FROM booking_series)::int AS series,
              (SELECT count(*) FROM outbox)::int AS outbox,
              (SELECT count(*) FROM idempotency_key)::int AS keys`,
    );
    return row;
  }

  /** The series row and its bookings' rows, as stored. */
  async function stored(id: string): Promise<{
    series: Record<string, unknown>[];
    bookings: Record<string, unknown>[];
  }> {
    return {
      series: await app.dataSource.query<Record<string, unknown>[]>(
        `SELECT * FROM booking_series WHERE id = $1`,
        [id],
      ),
      bookings: await app.dataSource.query<Record<string, unknown>[]>(
        `SELECT * FROM booking WHERE series_id = $1 ORDER BY id`,
        [id],
      ),
    };
  }

  describe('bookSeries refused (FORBIDDEN), writing nothing', () => {
    const refusals: { who: Who; name: string; variables: () => Record<string, unknown> }[] = [
      'therapist' as const,
      'clinicalLead' as const,
      'integratorWithoutScope' as const,
      'integratorOutsideGrant' as const,
      'otherClient' as const,
    ].map((who) => ({ who, name: CALLERS[who].name, variables: () => input() }));
    it.each([
      ...refusals,
      {
        who: 'integrator' as const,
        name: `${CALLERS.integrator.name}, from a care plan`,
        variables: fromCarePlan,
      },
    ])('by $name', async ({ who, variables }) => {
      const before = await counts();
      const error = await gqlFails(app, BOOK, { input: variables() }, tokens[who]);
      expect(error.extensions?.code).toBe('FORBIDDEN');
      expect(error.message.length).toBeGreaterThan(10);
      expect(await counts()).toEqual(before);
    });

    it('an integrator is told to give the frequency instead of a care plan', async () => {
      const error = await gqlFails(app, BOOK, { input: fromCarePlan() }, tokens.integrator);
      expect(error.message).toContain('give sessionsPerWeek and weeks');
    });
  });

  it('the same care plan series is booked by reception, and the integrator books one without the care plan', async () => {
    const planned = await gqlOk<SeriesView>(app, BOOK, { input: fromCarePlan() }, staff);
    expect(planned).toMatchObject({ carePlanId, status: 'active' });
    expect(planned.bookings).toHaveLength(2);
    const byIntegrator = await gqlOk<SeriesView>(
      app,
      BOOK,
      { input: input({ therapistId: world.therapistIds[1] }) },
      tokens.integrator,
    );
    expect(byIntegrator).toMatchObject({ carePlanId: null, status: 'active' });
    expect(byIntegrator.bookings).toHaveLength(4);
  });

  describe('cancelRestOfSeries refused: the series stays active, its bookings unchanged', () => {
    it.each([
      { who: 'otherClient' as const, code: 'SERIES_NOT_FOUND' },
      { who: 'receptionistElsewhere' as const, code: 'SERIES_NOT_FOUND' },
      { who: 'otherTherapist' as const, code: 'SERIES_NOT_FOUND' },
      { who: 'integratorOutsideGrant' as const, code: 'SERIES_NOT_FOUND' },
      { who: 'therapist' as const, code: 'FORBIDDEN' },
      { who: 'clinicalLead' as const, code: 'FORBIDDEN' },
      { who: 'integratorWithoutScope' as const, code: 'FORBIDDEN' },
    ])('by $who: $code', async ({ who, code }) => {
      const rows = await stored(series.id);
      expect(rows.series).toMatchObject([{ status: 'active' }]);
      expect(rows.bookings).toHaveLength(4);
      const before = await counts();
      const error = await gqlFails(
        app,
        CANCEL_REST,
        { id: series.id, key: randomUUID() },
        tokens[who],
      );
      expect(error.extensions?.code).toBe(code);
      expect(await counts()).toEqual(before);
      expect(await stored(series.id)).toEqual(rows);
      const read = await gqlOk<SeriesView>(app, SERIES, { id: series.id }, staff);
      expect(read.status).toBe('active');
      expect(read.bookings.map((b) => b.status)).toEqual(series.bookings.map(() => 'confirmed'));
    });
  });

  describe('bookingSeries(id)', () => {
    it.each([
      'otherClient',
      'otherTherapist',
      'receptionistElsewhere',
      'integratorOutsideGrant',
    ] as const)('read by %s: SERIES_NOT_FOUND', async (who) => {
      const error = await gqlFails(app, SERIES, { id: series.id }, tokens[who]);
      expect(error.extensions?.code).toBe('SERIES_NOT_FOUND');
      expect(error.message).toContain(series.id);
    });

    it.each(['client', 'therapist', 'clinicalLead', 'integrator'] as const)(
      'read by %s: the series',
      async (who) => {
        const read = await gqlOk<SeriesView>(app, SERIES, { id: series.id }, tokens[who]);
        expect(read).toMatchObject({ id: series.id, clientId: world.clients.cleared });
        expect(read.bookings.map((b) => b.id)).toEqual(series.bookings.map((b) => b.id));
      },
    );
  });
});
