import { randomUUID } from 'node:crypto';
import { ClinicOpenedV1, envelopeSchema, platformCatalogue, TOPICS } from '@app/contracts';
import type { EventEnvelope } from '@app/contracts';
import { ServiceTestApp, startServiceTestApp } from '@app/platform/test-support/service-test-app';
import { bookingDefinition } from '../booking.definition';
import { BookingModule } from '../booking.module';
import { CLOSED_WEEK, eventually } from '../projections/test-support/projection-events';

const ASSESSMENT_ID = '6f1d2c10-0000-4000-8000-000000000001';
const PNF_30_ID = '6f1d2c10-0000-4000-8000-000000000002';
const PNF_60_ID = '6f1d2c10-0000-4000-8000-000000000003';
const MAINTENANCE_ID = '6f1d2c10-0000-4000-8000-000000000004';

const TREATMENT_FIELDS = `id code name kind durationMinutes bufferAfterMinutes pricePence currency
  requiredCertifications requiresScreeningClearance selfBookable active`;
const CREATE = `mutation($input: CreateTreatmentInput!) { createTreatment(input: $input) { ${TREATMENT_FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateTreatmentInput!) {
  updateTreatment(id: $id, input: $input) { ${TREATMENT_FIELDS} } }`;
const SET_OFFERING = `mutation($c: ID!, $t: ID!, $input: ClinicTreatmentOfferingInput!) {
  setClinicTreatmentOffering(clinicId: $c, treatmentId: $t, input: $input) {
    clinicId offered priceOverridePence pricePence currency treatment { id code } } }`;
const TREATMENTS = `query($all: Boolean) { treatments(includeRetired: $all) { ${TREATMENT_FIELDS} } }`;
const CLINIC_TREATMENTS = `query($reps: [_Any!]!) { _entities(representations: $reps) {
  ... on Clinic { id treatments { id code kind pricePence networkPricePence priceOverridden currency } } } }`;

interface TreatmentView {
  id: string;
  code: string;
  name: string;
  kind: 'assessment' | 'treatment';
  durationMinutes: number;
  bufferAfterMinutes: number;
  pricePence: number;
  currency: string;
  requiredCertifications: string[];
  requiresScreeningClearance: boolean;
  selfBookable: boolean;
  active: boolean;
}

interface ClinicTreatmentView {
  id: string;
  code: string;
  kind: string;
  pricePence: number;
  networkPricePence: number;
  priceOverridden: boolean;
  currency: string;
}

let codeCounter = 0;
function uniqueCode(): string {
  codeCounter += 1;
  return `TEST_${randomUUID().slice(0, 8).toUpperCase()}_${codeCounter}`;
}

function treatmentInput(fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    code: uniqueCode(),
    name: 'PNF assisted stretch (90 min)',
    durationMinutes: 90,
    bufferAfterMinutes: 15,
    pricePence: 8500,
    requiredCertifications: ['pnf_level_2'],
    requiresScreeningClearance: true,
    selfBookable: false,
    ...fields,
  };
}

function expectValidPublicEvent(event: EventEnvelope): void {
  expect(envelopeSchema.safeParse(event).success).toBe(true);
  const definition = platformCatalogue.find(event.type, event.schemaVersion);
  expect(definition?.visibility).toBe('public');
  expect(definition?.schema.safeParse(event.data).success).toBe(true);
}

describe('booking treatment catalogue', () => {
  let app: ServiceTestApp;
  let headOffice: string;
  let leeds: string;
  let york: string;
  let leedsManager: string;
  let otherTokens: [string, string][];

  async function openClinic(name: string): Promise<string> {
    const clinicId = randomUUID();
    await app.publish(ClinicOpenedV1, {
      aggregateId: clinicId,
      clinicId,
      data: {
        clinicId,
        code: `C${clinicId.slice(0, 6).toUpperCase()}`,
        name,
        timezone: 'Europe/London',
        status: 'active',
        address: { line1: '1 Park Row', line2: null, city: name, postcode: 'LS1 5HD' },
        weeklyHours: { ...CLOSED_WEEK, monday: [{ start: '09:00', end: '17:00' }] },
        hoursExceptions: [],
        rooms: [],
      },
    });
    await eventually(async () => {
      const rows = await app.dataSource.query<unknown[]>(
        'SELECT 1 FROM clinic_projection WHERE id = $1',
        [clinicId],
      );
      expect(rows).toHaveLength(1);
    }, 60_000);
    return clinicId;
  }

  /** Every catalogue row and the outbox size: compared before and after a refused change. */
  async function footprint(): Promise<string> {
    const rows = await app.dataSource.query<{ footprint: unknown }[]>(
      `SELECT json_build_object(
         'treatments', (SELECT json_agg(t ORDER BY t.id) FROM treatment t),
         'offerings', (SELECT json_agg(o ORDER BY o.clinic_id, o.treatment_id)
                         FROM clinic_treatment_offering o),
         'events', (SELECT count(*) FROM outbox)
       ) AS footprint`,
    );
    return JSON.stringify(rows[0]?.footprint);
  }

  async function clinicTreatments(clinicId: string, token: string): Promise<ClinicTreatmentView[]> {
    const result = await app.gql<{ _entities: { treatments: ClinicTreatmentView[] }[] }>(
      CLINIC_TREATMENTS,
      { reps: [{ __typename: 'Clinic', id: clinicId }] },
      token,
    );
    expect(result.errors).toBeUndefined();
    return result.data?._entities[0]?.treatments ?? [];
  }

  async function createTreatment(fields: Record<string, unknown> = {}): Promise<TreatmentView> {
    const result = await app.gql<{ createTreatment: TreatmentView }>(
      CREATE,
      { input: treatmentInput(fields) },
      headOffice,
    );
    expect(result.errors).toBeUndefined();
    const treatment = result.data?.createTreatment;
    if (treatment === undefined) {
      throw new Error('no treatment created');
    }
    return treatment;
  }

  beforeAll(async () => {
    app = await startServiceTestApp(bookingDefinition, BookingModule.forRoot, {
      watchTopics: [TOPICS.booking],
    });
    headOffice = await app.token({ role: 'head_office_admin' });
    leeds = await openClinic('Leeds');
    york = await openClinic('York');
    leedsManager = await app.token({ role: 'clinic_manager', clinicIds: [leeds] });
    otherTokens = [
      ['clinical_lead', await app.token({ role: 'clinical_lead' })],
      [
        'clinic_manager of another clinic',
        await app.token({ role: 'clinic_manager', clinicIds: [york] }),
      ],
      ['receptionist', await app.token({ role: 'receptionist', clinicIds: [leeds] })],
      [
        'therapist',
        await app.token({ role: 'therapist', clinicIds: [leeds], therapistId: randomUUID() }),
      ],
      ['client', await app.token({ role: 'client', clientId: randomUUID() })],
      [
        'integrator',
        await app.token({ role: 'integrator', clinicIds: [leeds], scopes: ['bookings:write'] }),
      ],
    ];
  }, 120_000);

  afterAll(async () => {
    await app?.close();
  });

  describe('the seeded catalogue', () => {
    it('has the assessment (no clearance) and the three treatments', async () => {
      const result = await app.gql<{ treatments: TreatmentView[] }>(TREATMENTS, {}, headOffice);
      expect(result.errors).toBeUndefined();
      const byId = new Map(result.data?.treatments.map((t) => [t.id, t]));
      expect(byId.get(ASSESSMENT_ID)).toMatchObject({
        code: 'INITIAL_ASSESSMENT',
        kind: 'assessment',
        durationMinutes: 60,
        requiresScreeningClearance: false,
        active: true,
      });
      expect(byId.get(PNF_30_ID)).toMatchObject({ kind: 'treatment', durationMinutes: 30 });
      expect(byId.get(PNF_60_ID)).toMatchObject({ kind: 'treatment', durationMinutes: 60 });
      expect(byId.get(MAINTENANCE_ID)).toMatchObject({ kind: 'treatment', durationMinutes: 45 });
    });
  });

  describe('createTreatment', () => {
    it('adds a treatment and publishes treatment.changed', async () => {
      const code = uniqueCode();
      const treatment = await createTreatment({
        code: code.toLowerCase(),
        name: ' PNF 90 ',
        requiredCertifications: ['PNF_LEVEL_2', 'first_aid', 'pnf_level_2'],
      });
      expect(treatment).toMatchObject({
        code,
        name: 'PNF 90',
        kind: 'treatment',
        durationMinutes: 90,
        bufferAfterMinutes: 15,
        pricePence: 8500,
        currency: 'GBP',
        requiredCertifications: ['pnf_level_2', 'first_aid'],
        requiresScreeningClearance: true,
        selfBookable: false,
        active: true,
      });
      const event = await app.event('treatment.changed', (e) => e.aggregateId === treatment.id);
      expectValidPublicEvent(event);
      expect(event).toMatchObject({
        clinicId: null,
        actor: { type: 'user', role: 'head_office_admin' },
        data: { treatmentId: treatment.id, code, change: 'created', pricePence: 8500 },
      });
    });

    it('creates an assessment that needs no clearance', async () => {
      const treatment = await createTreatment({
        kind: 'assessment',
        requiresScreeningClearance: false,
        durationMinutes: 45,
      });
      expect(treatment).toMatchObject({ kind: 'assessment', requiresScreeningClearance: false });
    });

    it.each([
      ['a duration off the 5-minute grid', { durationMinutes: 32 }, 'INVALID_DURATION'],
      ['a duration over 180 minutes', { durationMinutes: 185 }, 'INVALID_DURATION'],
      ['a buffer over 60 minutes', { bufferAfterMinutes: 61 }, 'INVALID_BUFFER'],
      ['a negative price', { pricePence: -100 }, 'INVALID_PRICE'],
      ['a bad code', { code: 'PNF 90' }, 'INVALID_TREATMENT_CODE'],
      ['an empty name', { name: ' ' }, 'INVALID_TREATMENT_NAME'],
      [
        'an unknown certification',
        { requiredCertifications: ['dry_needling'] },
        'UNKNOWN_CERTIFICATION_TYPE',
      ],
      [
        'an assessment needing clearance',
        { kind: 'assessment', requiresScreeningClearance: true },
        'ASSESSMENT_REQUIRES_CLEARANCE',
      ],
      ['a code already taken', { code: 'PNF_STRETCH_30' }, 'DUPLICATE_TREATMENT_CODE'],
    ])('refuses %s and writes nothing', async (_what, fields, code) => {
      const before = await footprint();
      const result = await app.gql(CREATE, { input: treatmentInput(fields) }, headOffice);
      expect(result.errors?.[0]?.extensions?.code).toBe(code);
      expect(await footprint()).toBe(before);
    });

    it('refuses every role but head_office_admin and writes nothing', async () => {
      const before = await footprint();
      for (const [, token] of [['clinic_manager', leedsManager], ...otherTokens]) {
        const result = await app.gql(CREATE, { input: treatmentInput() }, token);
        expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      }
      expect(await footprint()).toBe(before);
    });
  });

  describe('updateTreatment', () => {
    it('changes the price and publishes the changed fields', async () => {
      const treatment = await createTreatment();
      const result = await app.gql<{ updateTreatment: TreatmentView }>(
        UPDATE,
        { id: treatment.id, input: { pricePence: 9000, selfBookable: true } },
        headOffice,
      );
      expect(result.errors).toBeUndefined();
      expect(result.data?.updateTreatment).toMatchObject({ pricePence: 9000, selfBookable: true });
      const event = await app.event(
        'treatment.changed',
        (e) =>
          e.aggregateId === treatment.id && (e.data as { change: string }).change === 'updated',
      );
      expectValidPublicEvent(event);
      expect(event.data).toMatchObject({
        pricePence: 9000,
        changedFields: ['pricePence', 'selfBookable'],
      });
    });

    it('retires a treatment: no clinic offers it, the catalogue lists it only with includeRetired', async () => {
      const treatment = await createTreatment();
      expect((await clinicTreatments(leeds, leedsManager)).map((t) => t.id)).toContain(
        treatment.id,
      );
      const result = await app.gql<{ updateTreatment: TreatmentView }>(
        UPDATE,
        { id: treatment.id, input: { active: false } },
        headOffice,
      );
      expect(result.errors).toBeUndefined();
      expect(result.data?.updateTreatment.active).toBe(false);
      expect((await clinicTreatments(leeds, leedsManager)).map((t) => t.id)).not.toContain(
        treatment.id,
      );
      const active = await app.gql<{ treatments: TreatmentView[] }>(TREATMENTS, {}, headOffice);
      expect(active.data?.treatments.map((t) => t.id)).not.toContain(treatment.id);
      const all = await app.gql<{ treatments: TreatmentView[] }>(
        TREATMENTS,
        { all: true },
        headOffice,
      );
      expect(all.data?.treatments.map((t) => t.id)).toContain(treatment.id);
      const event = await app.event(
        'treatment.changed',
        (e) => e.aggregateId === treatment.id && (e.data as { active: boolean }).active === false,
      );
      expect(event.data).toMatchObject({ changedFields: ['active'] });
    });

    it.each([
      ['an invalid duration', { durationMinutes: 181 }, 'INVALID_DURATION'],
      ['a fractional price', { pricePence: 12.5 }, undefined],
      [
        'clearance on the assessment',
        { requiresScreeningClearance: true },
        'ASSESSMENT_REQUIRES_CLEARANCE',
      ],
      ['no change at all', { durationMinutes: 60 }, 'NO_CHANGES'],
    ])('refuses %s on the assessment and writes nothing', async (_what, input, code) => {
      const before = await footprint();
      const result = await app.gql(UPDATE, { id: ASSESSMENT_ID, input }, headOffice);
      expect(result.errors).toHaveLength(1);
      if (code !== undefined) {
        expect(result.errors?.[0]?.extensions?.code).toBe(code);
      }
      expect(await footprint()).toBe(before);
    });

    it('answers TREATMENT_NOT_FOUND for an unknown id and INVALID_TREATMENT_ID for a non-uuid', async () => {
      const unknown = await app.gql(
        UPDATE,
        { id: randomUUID(), input: { pricePence: 1 } },
        headOffice,
      );
      expect(unknown.errors?.[0]?.extensions?.code).toBe('TREATMENT_NOT_FOUND');
      const bad = await app.gql(UPDATE, { id: 'pnf', input: { pricePence: 1 } }, headOffice);
      expect(bad.errors?.[0]?.extensions?.code).toBe('INVALID_TREATMENT_ID');
    });

    it('refuses every role but head_office_admin and writes nothing', async () => {
      const before = await footprint();
      for (const [, token] of [['clinic_manager', leedsManager], ...otherTokens]) {
        const result = await app.gql(UPDATE, { id: PNF_30_ID, input: { pricePence: 1 } }, token);
        expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      }
      expect(await footprint()).toBe(before);
    });
  });

  describe('setClinicTreatmentOffering and Clinic.treatments', () => {
    it('offers every active treatment at the network price until the clinic chooses', async () => {
      const clinicId = await openClinic('Harrogate');
      const token = await app.token({ role: 'receptionist', clinicIds: [clinicId] });
      const sold = await clinicTreatments(clinicId, token);
      const network = await app.gql<{ treatments: TreatmentView[] }>(TREATMENTS, {}, headOffice);
      expect(sold.map((t) => t.id).sort()).toEqual(
        (network.data?.treatments ?? []).map((t) => t.id).sort(),
      );
      expect(sold.find((t) => t.id === PNF_30_ID)).toMatchObject({
        pricePence: 3500,
        networkPricePence: 3500,
        priceOverridden: false,
        currency: 'GBP',
      });
    });

    it("lets the clinic's manager set its own price, shown as the effective price", async () => {
      const result = await app.gql<{
        setClinicTreatmentOffering: { pricePence: number; priceOverridePence: number | null };
      }>(
        SET_OFFERING,
        { c: leeds, t: PNF_60_ID, input: { offered: true, pricePence: 6800 } },
        leedsManager,
      );
      expect(result.errors).toBeUndefined();
      expect(result.data?.setClinicTreatmentOffering).toMatchObject({
        clinicId: leeds,
        offered: true,
        priceOverridePence: 6800,
        pricePence: 6800,
        currency: 'GBP',
      });
      expect(
        (await clinicTreatments(leeds, leedsManager)).find((t) => t.id === PNF_60_ID),
      ).toMatchObject({
        pricePence: 6800,
        networkPricePence: 6000,
        priceOverridden: true,
      });
      expect(
        (await clinicTreatments(york, headOffice)).find((t) => t.id === PNF_60_ID),
      ).toMatchObject({
        pricePence: 6000,
        priceOverridden: false,
      });
      const event = await app.event(
        'clinic_offering.changed',
        (e) =>
          e.aggregateId === leeds && (e.data as { treatmentId: string }).treatmentId === PNF_60_ID,
      );
      expectValidPublicEvent(event);
      expect(event).toMatchObject({
        clinicId: leeds,
        actor: { type: 'user', role: 'clinic_manager' },
        data: {
          clinicId: leeds,
          treatmentId: PNF_60_ID,
          treatmentCode: 'PNF_STRETCH_60',
          offered: true,
          pricePence: 6800,
          priceOverridePence: 6800,
          currency: 'GBP',
        },
      });
    });

    it('lets head office turn a treatment off at a clinic, keeping its price for later', async () => {
      const clinicId = await openClinic('Ripon');
      await app.gql(
        SET_OFFERING,
        { c: clinicId, t: MAINTENANCE_ID, input: { offered: true, pricePence: 4000 } },
        headOffice,
      );
      const off = await app.gql<{ setClinicTreatmentOffering: { offered: boolean } }>(
        SET_OFFERING,
        { c: clinicId, t: MAINTENANCE_ID, input: { offered: false } },
        headOffice,
      );
      expect(off.errors).toBeUndefined();
      expect(off.data?.setClinicTreatmentOffering).toMatchObject({
        offered: false,
        priceOverridePence: 4000,
      });
      expect((await clinicTreatments(clinicId, headOffice)).map((t) => t.id)).not.toContain(
        MAINTENANCE_ID,
      );
      await app.event(
        'clinic_offering.changed',
        (e) => e.aggregateId === clinicId && (e.data as { offered: boolean }).offered === false,
      );
      const back = await app.gql(
        SET_OFFERING,
        { c: clinicId, t: MAINTENANCE_ID, input: { offered: true, pricePence: null } },
        headOffice,
      );
      expect(back.errors).toBeUndefined();
      expect(
        (await clinicTreatments(clinicId, headOffice)).find((t) => t.id === MAINTENANCE_ID),
      ).toMatchObject({
        pricePence: 4500,
        priceOverridden: false,
      });
    });

    it('refuses to offer a retired treatment and writes nothing', async () => {
      const treatment = await createTreatment();
      await app.gql(UPDATE, { id: treatment.id, input: { active: false } }, headOffice);
      const before = await footprint();
      const result = await app.gql(
        SET_OFFERING,
        { c: leeds, t: treatment.id, input: { offered: true } },
        leedsManager,
      );
      expect(result.errors?.[0]?.extensions?.code).toBe('TREATMENT_RETIRED');
      expect(await footprint()).toBe(before);
    });

    it.each([
      [
        'a negative price',
        () => ({ c: leeds, t: PNF_30_ID, input: { offered: true, pricePence: -1 } }),
        'INVALID_PRICE',
      ],
      [
        'an unknown treatment',
        () => ({ c: leeds, t: randomUUID(), input: { offered: true } }),
        'TREATMENT_NOT_FOUND',
      ],
      [
        'a clinic booking does not know',
        () => ({ c: randomUUID(), t: PNF_30_ID, input: { offered: true } }),
        'CLINIC_NOT_FOUND',
      ],
      [
        'a clinic id that is not a uuid',
        () => ({ c: 'leeds', t: PNF_30_ID, input: { offered: true } }),
        'INVALID_CLINIC_ID',
      ],
    ])('refuses %s and writes nothing', async (_what, variables, code) => {
      const before = await footprint();
      const result = await app.gql(SET_OFFERING, variables(), headOffice);
      expect(result.errors?.[0]?.extensions?.code).toBe(code);
      expect(await footprint()).toBe(before);
    });

    it('refuses a manager of another clinic, clinical lead, receptionist, therapist, client and integrator', async () => {
      const before = await footprint();
      for (const [who, token] of otherTokens) {
        const result = await app.gql(
          SET_OFFERING,
          { c: leeds, t: PNF_30_ID, input: { offered: false } },
          token,
        );
        expect([who, result.errors?.[0]?.extensions?.code]).toEqual([who, 'FORBIDDEN']);
      }
      expect(await footprint()).toBe(before);
    });
  });
});
