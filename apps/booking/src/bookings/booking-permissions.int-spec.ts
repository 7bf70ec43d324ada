import { randomUUID } from 'node:crypto';
import type { DevTokenRequest } from '@app/auth';
import { EventEnvelope, TOPICS } from '@app/contracts';
import { ServiceTestApp, startServiceTestApp } from '@app/platform/test-support/service-test-app';
import { bookingDefinition } from '../booking.definition';
import { BookingModule } from '../booking.module';
import {
  BOOKING,
  bookingRow,
  BookingView,
  CANCEL,
  CHECK_IN,
  COMPLETE,
  CONFIRM,
  gqlFails,
  gqlOk,
  HOLD,
  NO_SHOW,
  RESCHEDULE,
  startedAlready,
} from './test-support/booking-graphql';
import {
  BookingWorld,
  daysAhead,
  seedBookingWorld,
  TREATMENTS,
} from './test-support/booking-world';

type MutationName =
  | 'holdBooking'
  | 'confirmBooking'
  | 'rescheduleBooking'
  | 'cancelBooking'
  | 'checkInBooking'
  | 'completeBooking'
  | 'markNoShow';

/** The state a booking must be in for each mutation to succeed, and the event it publishes. */
const MUTATIONS: Record<
  MutationName,
  {
    query: string;
    needs: 'nothing' | 'held' | 'confirmed' | 'checked_in' | 'started';
    event: string;
  }
> = {
  holdBooking: { query: HOLD, needs: 'nothing', event: 'booking.held' },
  confirmBooking: { query: CONFIRM, needs: 'held', event: 'booking.confirmed' },
  rescheduleBooking: { query: RESCHEDULE, needs: 'confirmed', event: 'booking.rescheduled' },
  cancelBooking: { query: CANCEL, needs: 'confirmed', event: 'booking.cancelled' },
  checkInBooking: { query: CHECK_IN, needs: 'confirmed', event: 'booking.checked_in' },
  completeBooking: { query: COMPLETE, needs: 'checked_in', event: 'booking.completed' },
  markNoShow: { query: NO_SHOW, needs: 'started', event: 'booking.no_show' },
};
const ALL = Object.keys(MUTATIONS) as MutationName[];

type Who =
  | 'manager'
  | 'client'
  | 'otherClient'
  | 'therapist'
  | 'otherTherapist'
  | 'receptionistElsewhere'
  | 'managerElsewhere'
  | 'clinicalLead'
  | 'integrator'
  | 'integratorWithoutScope'
  | 'integratorReadOnly'
  | 'integratorOutsideGrant';

/**
 * Every booking here is the clinic's, for the cleared client, with therapist 0. Callers are
 * described relative to it.
 */
const CALLERS: Record<Who, { name: string; token: (world: BookingWorld) => DevTokenRequest }> = {
  manager: {
    name: 'a manager of the clinic',
    token: (w) => ({ role: 'clinic_manager', clinicIds: [w.clinicId] }),
  },
  client: {
    name: 'the client of the booking',
    token: (w) => ({ role: 'client', clientId: w.clients.cleared }),
  },
  otherClient: {
    name: "a client, of another client's booking",
    token: (w) => ({ role: 'client', clientId: w.clients.gpClearanceRequired }),
  },
  therapist: {
    name: 'the therapist of the booking',
    token: (w) => ({
      role: 'therapist',
      therapistId: w.therapistIds[0],
      clinicIds: [w.clinicId],
    }),
  },
  otherTherapist: {
    name: "a therapist of the clinic, of another therapist's booking",
    token: (w) => ({
      role: 'therapist',
      therapistId: w.therapistIds[1],
      clinicIds: [w.clinicId],
    }),
  },
  receptionistElsewhere: {
    name: 'a receptionist of another clinic',
    token: () => ({ role: 'receptionist', clinicIds: [randomUUID()] }),
  },
  managerElsewhere: {
    name: 'a manager of another clinic',
    token: () => ({ role: 'clinic_manager', clinicIds: [randomUUID()] }),
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
    name: 'an integrator without a bookings scope',
    token: (w) => ({ role: 'integrator', clinicIds: [w.clinicId], scopes: ['events:read'] }),
  },
  integratorReadOnly: {
    name: 'an integrator with bookings:read only',
    token: (w) => ({ role: 'integrator', clinicIds: [w.clinicId], scopes: ['bookings:read'] }),
  },
  integratorOutsideGrant: {
    name: 'an integrator with bookings:write, the clinic outside its grant',
    token: () => ({ role: 'integrator', clinicIds: [randomUUID()], scopes: ['bookings:write'] }),
  },
};

type Refusal = 'FORBIDDEN' | 'BOOKING_NOT_FOUND';

/**
 * A mutation the caller's role (or scopes) never allows is FORBIDDEN before the booking is
 * looked up (the answer does not depend on the booking). Otherwise, callers who may not see
 * the booking get BOOKING_NOT_FOUND (the service does not tell them it exists); a hold names
 * no booking, so it is FORBIDDEN. Callers who see it but may not do this get FORBIDDEN.
 */
function unseen(
  who: Who,
  roleForbids: readonly MutationName[] = [],
): [Who, MutationName, Refusal][] {
  return ALL.map((m) => [
    who,
    m,
    m === 'holdBooking' || roleForbids.includes(m) ? 'FORBIDDEN' : 'BOOKING_NOT_FOUND',
  ]);
}
function forbidden(who: Who, mutations: readonly MutationName[]): [Who, MutationName, Refusal][] {
  return mutations.map((m) => [who, m, 'FORBIDDEN']);
}

const CLINIC_ONLY: readonly MutationName[] = ['checkInBooking', 'completeBooking', 'markNoShow'];

const REFUSALS: [Who, MutationName, Refusal][] = [
  ...forbidden('client', CLINIC_ONLY),
  ...unseen('otherClient', CLINIC_ONLY),
  ...forbidden('therapist', [
    'holdBooking',
    'confirmBooking',
    'rescheduleBooking',
    'cancelBooking',
    'checkInBooking',
  ]),
  ...unseen('otherTherapist', [
    'confirmBooking',
    'rescheduleBooking',
    'cancelBooking',
    'checkInBooking',
  ]),
  ...unseen('receptionistElsewhere'),
  ...unseen('managerElsewhere'),
  ...forbidden('clinicalLead', ALL),
  ...forbidden('integratorWithoutScope', ALL),
  ...forbidden('integratorReadOnly', ALL),
  ...unseen('integratorOutsideGrant', CLINIC_ONLY),
  ...forbidden('integrator', CLINIC_ONLY),
];

/** A clinic-only treatment (not self-bookable), created for this suite. */
const CLINIC_ONLY_TREATMENT = `mutation($input: CreateTreatmentInput!) { createTreatment(input: $input) { id } }`;

describe('booking permissions through GraphQL (real PostgreSQL and Kafka)', () => {
  let app: ServiceTestApp;
  let world: BookingWorld;
  let admin: string;
  let clinicOnly: string;
  const tokens = {} as Record<Who, string>;

  beforeAll(async () => {
    app = await startServiceTestApp(bookingDefinition, BookingModule.forRoot, {
      watchTopics: [TOPICS.booking],
    });
    world = await seedBookingWorld(app, { therapists: 2 });
    admin = await app.token({ role: 'head_office_admin', subject: 'permissions-admin' });
    for (const who of Object.keys(CALLERS) as Who[]) {
      tokens[who] = await app.token({
        ...CALLERS[who].token(world),
        subject: `permissions-${who}`,
      });
    }
    const created = await gqlOk<{ id: string }>(
      app,
      CLINIC_ONLY_TREATMENT,
      {
        input: {
          code: 'CLINIC_ONLY_STRETCH_30',
          name: 'Clinic-only stretch (30 min)',
          durationMinutes: 30,
          bufferAfterMinutes: 0,
          pricePence: 4000,
          requiredCertifications: ['pnf_level_1'],
          requiresScreeningClearance: false,
          selfBookable: false,
        },
      },
      admin,
    );
    clinicOnly = created.id;
  }, 180_000);

  afterAll(async () => {
    await app?.close();
  });

  /** Each call a free hour of therapist 0 from two days ahead (open around the clock). */
  let slots = 0;
  function nextStart(): string {
    slots += 1;
    return daysAhead(2 + Math.floor(slots / 20), 1 + (slots % 20)).toISOString();
  }

  function holdInput(treatmentId: string = TREATMENTS.pnf30): Record<string, unknown> {
    return {
      clinicId: world.clinicId,
      treatmentId,
      therapistId: world.therapistIds[0],
      startsAt: nextStart(),
      clientId: world.clients.cleared,
      idempotencyKey: randomUUID(),
    };
  }

  const run = <T>(query: string, variables: Record<string, unknown>, token: string) =>
    gqlOk<T>(app, query, variables, token);

  /** A booking in the state a mutation needs, made by the clinic (admin). */
  async function bookingIn(
    needs: (typeof MUTATIONS)[MutationName]['needs'],
    treatmentId: string = TREATMENTS.pnf30,
  ): Promise<string | undefined> {
    if (needs === 'nothing') {
      return undefined;
    }
    const { id } = await run<BookingView>(HOLD, { input: holdInput(treatmentId) }, admin);
    if (needs === 'held') {
      return id;
    }
    await run<BookingView>(CONFIRM, { id, key: randomUUID() }, admin);
    if (needs === 'checked_in') {
      await run<BookingView>(CHECK_IN, { id }, admin);
    }
    if (needs === 'started') {
      await startedAlready(app, id, 60 * slots);
    }
    return id;
  }

  /** The booking a mutation acts on (none for a hold) and the variables that would do it. */
  async function attempt(
    mutation: MutationName,
    treatmentId: string = TREATMENTS.pnf30,
  ): Promise<{ id: string | undefined; variables: Record<string, unknown> }> {
    const id = await bookingIn(MUTATIONS[mutation].needs, treatmentId);
    switch (mutation) {
      case 'holdBooking':
        return { id, variables: { input: holdInput(treatmentId) } };
      case 'confirmBooking':
      case 'cancelBooking':
        return { id, variables: { id, key: randomUUID() } };
      case 'rescheduleBooking':
        return { id, variables: { id, input: { startsAt: nextStart() }, key: randomUUID() } };
      case 'checkInBooking':
      case 'completeBooking':
      case 'markNoShow':
        return { id, variables: { id } };
      default: {
        const unreachable: never = mutation;
        throw new Error(`unknown mutation ${String(unreachable)}`);
      }
    }
  }

  /** What a refused request must not change (held bookings expiring meanwhile aside). */
  async function writes(): Promise<{ bookings: number; outbox: number; keys: number }> {
    const [row] = await app.dataSource.query<{ bookings: number; outbox: number; keys: number }[]>(
      `SELECT (SELECT count(*) FROM booking)::int AS bookings,
              (SELECT count(*) FROM outbox WHERE event_type <> 'booking.hold_expired')::int AS outbox,
              (SELECT count(*) FROM idempotency_key)::int AS keys`,
    );
    return row;
  }

  async function expectRefused(
    mutation: MutationName,
    token: string,
    code: string,
    treatmentId: string = TREATMENTS.pnf30,
  ): Promise<void> {
    const { id, variables } = await attempt(mutation, treatmentId);
    const before = id === undefined ? undefined : await bookingRow(app, id);
    const counted = await writes();
    const error = await gqlFails(app, MUTATIONS[mutation].query, variables, token);
    expect(error.extensions?.code).toBe(code);
    expect(error.message.length).toBeGreaterThan(10);
    expect(await writes()).toEqual(counted);
    if (id !== undefined) {
      expect(await bookingRow(app, id)).toEqual(before);
    }
  }

  const byBooking = (id: string) => (event: EventEnvelope) => event.aggregateId === id;

  describe('refused, writing nothing', () => {
    test.each(
      REFUSALS.map(([who, mutation, code]) => ({
        name: CALLERS[who].name,
        who,
        mutation,
        code,
      })),
    )('$mutation by $name: $code', async ({ who, mutation, code }) => {
      await expectRefused(mutation, tokens[who], code);
    });

    test.each(['holdBooking', 'rescheduleBooking'] as const)(
      '%s of a treatment that is not self-bookable by the client: TREATMENT_NOT_SELF_BOOKABLE',
      async (mutation) => {
        await expectRefused(mutation, tokens.client, 'TREATMENT_NOT_SELF_BOOKABLE', clinicOnly);
      },
    );

    it('the refusal says what to do next', async () => {
      const { variables } = await attempt('checkInBooking');
      const therapist = await gqlFails(app, CHECK_IN, variables, tokens.therapist);
      expect(therapist.message).toContain('ask reception');
      const hold = await gqlFails(app, HOLD, { input: holdInput() }, tokens.integratorReadOnly);
      expect(hold.message).toContain('bookings:write');
    });
  });

  describe('reading a booking: booking(id)', () => {
    /**
     * Who may not see the booking is told it does not exist (BOOKING_NOT_FOUND); an integrator
     * without a bookings scope is refused before the booking is looked up.
     */
    const READ_REFUSALS: [Who, Refusal][] = [
      ['otherClient', 'BOOKING_NOT_FOUND'],
      ['otherTherapist', 'BOOKING_NOT_FOUND'],
      ['receptionistElsewhere', 'BOOKING_NOT_FOUND'],
      ['managerElsewhere', 'BOOKING_NOT_FOUND'],
      ['integratorOutsideGrant', 'BOOKING_NOT_FOUND'],
      ['integratorWithoutScope', 'FORBIDDEN'],
    ];
    const READERS: readonly Who[] = [
      'client',
      'therapist',
      'manager',
      'clinicalLead',
      'integrator',
      'integratorReadOnly',
    ];

    test.each(READ_REFUSALS.map(([who, code]) => ({ name: CALLERS[who].name, who, code })))(
      'by $name: $code, and nothing of the booking in the answer',
      async ({ who, code }) => {
        const id = await bookingIn('confirmed');
        const res = await app.gql<{ booking: BookingView | null }>(BOOKING, { id }, tokens[who]);
        expect(res.errors).toHaveLength(1);
        expect(res.errors![0].extensions?.code).toBe(code);
        expect(res.data?.booking ?? null).toBeNull();
        expect(JSON.stringify(res)).not.toContain(world.clients.cleared);
      },
    );

    test.each(READERS.map((who) => ({ name: CALLERS[who].name, who })))(
      'by $name: the booking',
      async ({ who }) => {
        const id = await bookingIn('confirmed');
        const seen = await run<BookingView>(BOOKING, { id }, tokens[who]);
        expect(seen).toEqual(await run<BookingView>(BOOKING, { id }, admin));
        expect(seen).toMatchObject({ id, status: 'confirmed', clinicId: world.clinicId });
      },
    );

    it('by head office: the booking', async () => {
      const id = await bookingIn('confirmed');
      expect(await run<BookingView>(BOOKING, { id }, admin)).toMatchObject({
        id,
        status: 'confirmed',
        clientId: world.clients.cleared,
        therapistId: world.therapistIds[0],
      });
    });
  });

  describe('allowed', () => {
    test.each(ALL)('a manager of the clinic may %s, with its event', async (mutation) => {
      const { id, variables } = await attempt(mutation);
      const done = await run<BookingView>(MUTATIONS[mutation].query, variables, tokens.manager);
      if (id !== undefined) {
        expect(done.id).toBe(id);
      }
      const event = await app.event(MUTATIONS[mutation].event, byBooking(done.id));
      expect(event.actor).toMatchObject({ type: 'user', role: 'clinic_manager' });
    });

    test.each(['completeBooking', 'markNoShow'] as const)(
      'the therapist of the booking may %s, with its event',
      async (mutation) => {
        const { id, variables } = await attempt(mutation);
        const done = await run<BookingView>(MUTATIONS[mutation].query, variables, tokens.therapist);
        expect(done.id).toBe(id);
        const event = await app.event(MUTATIONS[mutation].event, byBooking(done.id));
        expect(event.actor).toMatchObject({ type: 'user', role: 'therapist' });
      },
    );

    it('an integrator with bookings:write and the clinic in its grant holds, confirms, moves and cancels, and reads it back', async () => {
      const integrator = tokens.integrator;
      const held = await run<BookingView>(HOLD, { input: holdInput() }, integrator);
      expect(held.status).toBe('held');
      const confirmed = await run<BookingView>(
        CONFIRM,
        { id: held.id, key: randomUUID() },
        integrator,
      );
      expect(confirmed.status).toBe('confirmed');
      const to = nextStart();
      const moved = await run<BookingView>(
        RESCHEDULE,
        { id: held.id, input: { startsAt: to }, key: randomUUID() },
        integrator,
      );
      expect(moved).toMatchObject({ status: 'confirmed', startsAt: to });
      expect(await run<BookingView>(BOOKING, { id: held.id }, integrator)).toEqual(moved);
      const cancelled = await run<BookingView>(
        CANCEL,
        { id: held.id, key: randomUUID() },
        integrator,
      );
      expect(cancelled).toMatchObject({ status: 'cancelled', cancelledBy: 'clinic' });
      expect(await run<BookingView>(BOOKING, { id: held.id }, integrator)).toEqual(cancelled);

      for (const type of [
        'booking.held',
        'booking.confirmed',
        'booking.rescheduled',
        'booking.cancelled',
      ]) {
        const event = await app.event(type, byBooking(held.id));
        expect(event.clinicId).toBe(world.clinicId);
        expect(event.actor).toMatchObject({ type: 'integrator', id: 'permissions-integrator' });
      }
      expect(await bookingRow(app, held.id)).toMatchObject({
        created_by_subject: 'permissions-integrator',
        created_by_role: 'integrator',
      });
    });

    it('the client confirms and cancels their own booking of a clinic-only treatment the clinic held', async () => {
      // Only booking and moving are limited to self-bookable treatments (docs/booking.md).
      const id = await bookingIn('held', clinicOnly);
      const confirmed = await run<BookingView>(CONFIRM, { id, key: randomUUID() }, tokens.client);
      expect(confirmed.status).toBe('confirmed');
      const cancelled = await run<BookingView>(CANCEL, { id, key: randomUUID() }, tokens.client);
      expect(cancelled).toMatchObject({ status: 'cancelled', cancelledBy: 'client' });
    });
  });
});
