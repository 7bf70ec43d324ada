import { randomUUID } from 'node:crypto';
import type { DevTokenRequest } from '@app/auth';
import { TOPICS } from '@app/contracts';
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

const ENTRY = `id clinicId clientId treatmentId status`;
const JOIN = `mutation J($input: JoinWaitlistInput!) { joinWaitlist(input: $input) { ${ENTRY} } }`;
const LEAVE = `mutation L($id: ID!) { leaveWaitlist(id: $id) { ${ENTRY} } }`;
const CLINIC_LIST = `query W($clinicId: ID!) { waitlist(clinicId: $clinicId) { ${ENTRY} } }`;
const CREATE_TREATMENT = `mutation T($input: CreateTreatmentInput!) { createTreatment(input: $input) { id } }`;

interface EntryView {
  id: string;
  clinicId: string;
  clientId: string;
  treatmentId: string;
  status: string;
}

type Who =
  | 'client'
  | 'reception'
  | 'receptionistElsewhere'
  | 'managerElsewhere'
  | 'therapist'
  | 'clinicalLead'
  | 'integrator'
  | 'integratorWithoutScope'
  | 'integratorOutsideGrant';

/** Callers relative to the world's clinic and its cleared client. */
const CALLERS: Record<Who, { name: string; token: (world: BookingWorld) => DevTokenRequest }> = {
  client: {
    name: 'the cleared client, for themselves',
    token: (w) => ({ role: 'client', clientId: w.clients.cleared }),
  },
  reception: {
    name: 'a receptionist of the clinic',
    token: (w) => ({ role: 'receptionist', clinicIds: [w.clinicId] }),
  },
  receptionistElsewhere: {
    name: 'a receptionist of another clinic',
    token: () => ({ role: 'receptionist', clinicIds: [randomUUID()] }),
  },
  managerElsewhere: {
    name: 'a manager of another clinic',
    token: () => ({ role: 'clinic_manager', clinicIds: [randomUUID()] }),
  },
  therapist: {
    name: 'a therapist of the clinic',
    token: (w) => ({ role: 'therapist', therapistId: w.therapistIds[0], clinicIds: [w.clinicId] }),
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
    name: 'an integrator with bookings:read only, the clinic in its grant',
    token: (w) => ({ role: 'integrator', clinicIds: [w.clinicId], scopes: ['bookings:read'] }),
  },
  integratorOutsideGrant: {
    name: 'an integrator with bookings:write, the clinic outside its grant',
    token: () => ({ role: 'integrator', clinicIds: [randomUUID()], scopes: ['bookings:write'] }),
  },
};

describe('waitlist permissions through GraphQL (real PostgreSQL and Kafka)', () => {
  let app: ServiceTestApp;
  let world: BookingWorld;
  /** A treatment of the catalogue clients may not book online (offered at every clinic). */
  let clinicOnly: string;
  /** A waiting entry of the cleared client, joined by reception. */
  let entry: EntryView;
  const tokens = {} as Record<Who, string>;
  const dateAhead = (days: number): string => londonLocal(daysAhead(days)).slice(0, 10);

  beforeAll(async () => {
    app = await startServiceTestApp(bookingDefinition, BookingModule.forRoot, {
      watchTopics: [TOPICS.booking],
    });
    world = await seedBookingWorld(app, { therapists: 1 });
    for (const who of Object.keys(CALLERS) as Who[]) {
      tokens[who] = await app.token({
        ...CALLERS[who].token(world),
        subject: `waitlist-permissions-${who}`,
      });
    }
    const admin = await app.token({ role: 'head_office_admin', subject: 'waitlist-admin' });
    clinicOnly = (
      await gqlOk<{ id: string }>(
        app,
        CREATE_TREATMENT,
        {
          input: {
            code: 'WAITLIST_CLINIC_ONLY_30',
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
      )
    ).id;
    entry = await gqlOk<EntryView>(
      app,
      JOIN,
      { input: joinInput({ treatmentId: TREATMENTS.maintenance45 }) },
      tokens.reception,
    );
  }, 180_000);

  afterAll(async () => {
    await app?.close();
  });

  function joinInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
    return {
      clientId: world.clients.cleared,
      clinicId: world.clinicId,
      treatmentId: TREATMENTS.pnf30,
      fromDate: dateAhead(2),
      toDate: dateAhead(9),
      ...overrides,
    };
  }

  async function counts(): Promise<Record<string, number>> {
    const [row] = await app.dataSource.query<Record<string, number>[]>(
      `SELECT (SELECT count(*) FROM waitlist_entry)::int AS entries,
              (SELECT count(*) FROM outbox)::int AS outbox,
              (SELECT count(*) FROM booking)::int AS bookings`,
    );
    return row;
  }

  async function entryRow(id: string): Promise<Record<string, unknown>> {
    const [row] = await app.dataSource.query<Record<string, unknown>[]>(
      `SELECT * FROM waitlist_entry WHERE id = $1`,
      [id],
    );
    return row;
  }

  describe('joinWaitlist refused, writing nothing', () => {
    it.each([
      {
        name: CALLERS.integratorOutsideGrant.name,
        who: 'integratorOutsideGrant' as const,
        treatment: (): string => TREATMENTS.pnf30,
        code: 'FORBIDDEN',
      },
      {
        name: 'the client, for a treatment that is not self-bookable',
        who: 'client' as const,
        treatment: (): string => clinicOnly,
        code: 'TREATMENT_NOT_SELF_BOOKABLE',
      },
    ])('by $name: $code', async ({ who, treatment, code }) => {
      const before = await counts();
      const error = await gqlFails(
        app,
        JOIN,
        { input: joinInput({ treatmentId: treatment() }) },
        tokens[who],
      );
      expect(error.extensions?.code).toBe(code);
      expect(error.message.length).toBeGreaterThan(10);
      expect(await counts()).toEqual(before);
    });

    it('the client is told to call the clinic', async () => {
      const error = await gqlFails(
        app,
        JOIN,
        { input: joinInput({ treatmentId: clinicOnly }) },
        tokens.client,
      );
      expect(error.message).toContain('call the clinic');
    });
  });

  it('reception joins the client for that treatment, and the client joins for a self-bookable one', async () => {
    const byReception = await gqlOk<EntryView>(
      app,
      JOIN,
      { input: joinInput({ treatmentId: clinicOnly }) },
      tokens.reception,
    );
    expect(byReception).toMatchObject({ treatmentId: clinicOnly, status: 'waiting' });
    const byClient = await gqlOk<EntryView>(app, JOIN, { input: joinInput() }, tokens.client);
    expect(byClient).toMatchObject({
      clientId: world.clients.cleared,
      treatmentId: TREATMENTS.pnf30,
      status: 'waiting',
    });
  });

  describe('leaveWaitlist refused: the entry stays waiting', () => {
    it.each([
      { who: 'receptionistElsewhere' as const, code: 'WAITLIST_ENTRY_NOT_FOUND' },
      { who: 'managerElsewhere' as const, code: 'WAITLIST_ENTRY_NOT_FOUND' },
      { who: 'therapist' as const, code: 'WAITLIST_ENTRY_NOT_FOUND' },
      { who: 'integratorOutsideGrant' as const, code: 'WAITLIST_ENTRY_NOT_FOUND' },
      { who: 'integratorWithoutScope' as const, code: 'FORBIDDEN' },
      { who: 'clinicalLead' as const, code: 'FORBIDDEN' },
    ])('by $who: $code', async ({ who, code }) => {
      const row = await entryRow(entry.id);
      expect(row.status).toBe('waiting');
      const before = await counts();
      const error = await gqlFails(app, LEAVE, { id: entry.id }, tokens[who]);
      expect(error.extensions?.code).toBe(code);
      expect(await counts()).toEqual(before);
      expect(await entryRow(entry.id)).toEqual(row);
    });
  });

  describe('waitlist(clinicId)', () => {
    it.each([
      'receptionistElsewhere',
      'managerElsewhere',
      'therapist',
      'integrator',
      'integratorOutsideGrant',
    ] as const)('by %s: FORBIDDEN', async (who) => {
      const error = await gqlFails(app, CLINIC_LIST, { clinicId: world.clinicId }, tokens[who]);
      expect(error.extensions?.code).toBe('FORBIDDEN');
      expect(error.message).not.toContain(entry.id);
    });

    it.each(['reception', 'clinicalLead'] as const)('by %s: the entries', async (who) => {
      const listed = await gqlOk<EntryView[]>(
        app,
        CLINIC_LIST,
        { clinicId: world.clinicId },
        tokens[who],
      );
      expect(listed.map((e) => e.id)).toContain(entry.id);
    });
  });
});
