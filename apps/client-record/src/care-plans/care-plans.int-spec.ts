import { randomUUID } from 'node:crypto';
import { platformCatalogue, TOPICS } from '@app/contracts';
import { ServiceTestApp, startServiceTestApp } from '@app/platform/test-support/service-test-app';
import { insertTestClient, linkTestTherapist } from '../access/test-support/client-fixtures';
import { errorShape } from '../adverse-events/test-support/adverse-event-fixtures';
import { clientRecordDefinition } from '../client-record.definition';
import { ClientRecordModule } from '../client-record.module';
import {
  auditRows,
  careFootprint,
  errorCodes,
} from '../session-records/test-support/care-fixtures';
import { CarePlansRepository } from './care-plans.repository';
import { CarePlansSubjectData } from './care-plans.subject-data';

const PLAN_FIELDS = `id clientId clinicId
  current { version status goals targetConditions sessionsPerWeek weeks maintenanceEveryWeeks
    preferredTherapistId startsOn reviewOn changeNote writtenBy writtenByRole }
  history { version status sessionsPerWeek changeNote writtenBy }`;
const CREATE = `mutation($clientId: ID!, $input: CreateCarePlanInput!) {
  createCarePlan(clientId: $clientId, input: $input) { ${PLAN_FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: CarePlanInput!, $note: String) {
  updateCarePlan(id: $id, input: $input, changeNote: $note) { ${PLAN_FIELDS} } }`;
const LIST = `query($clientId: ID!) { carePlans(clientId: $clientId) { ${PLAN_FIELDS} } }`;
const ONE = `query($id: ID!) { carePlan(id: $id) { ${PLAN_FIELDS} } }`;

interface PlanView {
  id: string;
  clinicId: string;
  current: { version: number; status: string; sessionsPerWeek: number; writtenBy: string };
  history:
    | { version: number; sessionsPerWeek: number; changeNote: string | null; writtenBy: string }[]
    | null;
}

function planInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    goals: ['Sit through a working day without back pain'],
    targetConditions: ['lower_back_pain'],
    sessionsPerWeek: 2,
    weeks: 6,
    maintenanceEveryWeeks: 2,
    startsOn: '2026-03-30',
    reviewOn: '2026-05-11',
    ...overrides,
  };
}

describe('client-record care plans', () => {
  let app: ServiceTestApp;
  const leeds = randomUUID();
  const york = randomUUID();
  const therapistId = randomUUID();
  let treating: string;
  let notTreating: string;
  let receptionist: string;
  let leedsManager: string;
  let yorkManager: string;
  let headOffice: string;
  let integrator: string;

  beforeAll(async () => {
    app = await startServiceTestApp(clientRecordDefinition, ClientRecordModule.forRoot, {
      watchTopics: [TOPICS.clientRecord],
    });
    treating = await app.token({
      role: 'therapist',
      therapistId,
      clinicIds: [leeds],
      subject: 'therapist-1',
    });
    notTreating = await app.token({
      role: 'therapist',
      therapistId: randomUUID(),
      clinicIds: [leeds],
    });
    receptionist = await app.token({ role: 'receptionist', clinicIds: [leeds] });
    leedsManager = await app.token({
      role: 'clinic_manager',
      clinicIds: [leeds],
      subject: 'manager-1',
    });
    yorkManager = await app.token({ role: 'clinic_manager', clinicIds: [york] });
    headOffice = await app.token({ role: 'head_office_admin' });
    integrator = await app.token({
      role: 'integrator',
      clinicIds: [leeds],
      scopes: ['clients:read'],
    });
  });

  afterAll(async () => {
    await app.close();
  });

  async function treatedClient(): Promise<string> {
    const clientId = await insertTestClient(app.dataSource, { clinicIds: [leeds] });
    await linkTestTherapist(app.dataSource, { clientId, therapistId, clinicId: leeds });
    return clientId;
  }

  async function create(clientId: string, token = treating): Promise<PlanView> {
    const result = await app.gql<{ createCarePlan: PlanView }>(
      CREATE,
      { clientId, input: planInput() },
      token,
    );
    expect(result.errors).toBeUndefined();
    return result.data!.createCarePlan;
  }

  it('creates a plan for the treating therapist, with a frequency-only event and an audit row', async () => {
    const clientId = await treatedClient();
    const plan = await create(clientId);
    expect(plan).toMatchObject({
      clinicId: leeds,
      current: { version: 1, status: 'active', sessionsPerWeek: 2, writtenBy: 'therapist-1' },
      history: [{ version: 1 }],
    });
    const event = await app.event('care_plan.created', (e) => e.aggregateId === plan.id);
    expect(
      platformCatalogue.find(event.type, event.schemaVersion)?.schema.safeParse(event.data).success,
    ).toBe(true);
    expect(event.data).toEqual({
      carePlanId: plan.id,
      clientId,
      clinicId: leeds,
      version: 1,
      status: 'active',
      sessionsPerWeek: 2,
      weeks: 6,
      maintenanceEveryWeeks: 2,
      startsOn: '2026-03-30',
      preferredTherapistId: null,
    });
    expect(JSON.stringify(event)).not.toMatch(/lower_back_pain|working day/);
    expect(await auditRows(app, { recordId: plan.id })).toEqual([
      expect.objectContaining({
        record_type: 'care_plan',
        action: 'create',
        client_id: clientId,
        clinic_id: leeds,
      }),
    ]);
  });

  it('updates as a new version, keeps who changed what, and emits care_plan.updated', async () => {
    const clientId = await treatedClient();
    const plan = await create(clientId);
    const updated = await app.gql<{ updateCarePlan: PlanView }>(
      UPDATE,
      { id: plan.id, input: planInput({ sessionsPerWeek: 1 }), note: 'responding well' },
      leedsManager,
    );
    expect(updated.errors).toBeUndefined();
    expect(updated.data?.updateCarePlan.history).toEqual([
      expect.objectContaining({
        version: 1,
        sessionsPerWeek: 2,
        changeNote: null,
        writtenBy: 'therapist-1',
      }),
      expect.objectContaining({
        version: 2,
        sessionsPerWeek: 1,
        changeNote: 'responding well',
        writtenBy: 'manager-1',
      }),
    ]);
    const event = await app.event('care_plan.updated', (e) => e.aggregateId === plan.id);
    expect(event.data).toMatchObject({ version: 2, sessionsPerWeek: 1 });
    expect((await auditRows(app, { recordId: plan.id })).map((row) => row.action)).toEqual([
      'create',
      'amend',
    ]);
  });

  it('refuses to change a discontinued plan', async () => {
    const clientId = await treatedClient();
    const plan = await create(clientId);
    await app.gql(UPDATE, { id: plan.id, input: planInput({ status: 'discontinued' }) }, treating);
    const footprint = await careFootprint(app);
    const again = await app.gql(UPDATE, { id: plan.id, input: planInput() }, treating);
    expect(errorCodes(again)).toEqual(['CARE_PLAN_CLOSED']);
    expect(await careFootprint(app)).toBe(footprint);
  });

  it.each([
    ['six sessions a week', { sessionsPerWeek: 6 }, 'INVALID_FREQUENCY'],
    ['27 weeks', { weeks: 27 }, 'INVALID_FREQUENCY'],
    ['maintenance every 13 weeks', { maintenanceEveryWeeks: 13 }, 'INVALID_FREQUENCY'],
    ['an unknown condition', { targetConditions: ['migraine'] }, 'INVALID_CONDITION'],
    ['a review before the start', { reviewOn: '2026-03-01' }, 'INVALID_DATE'],
    ['no goals', { goals: [] }, 'INVALID_CARE_PLAN'],
    ['a clinic the client does not attend', { clinicId: randomUUID() }, 'INVALID_CLINIC'],
  ])('rejects %s and writes nothing', async (_label, change, code) => {
    const clientId = await treatedClient();
    const footprint = await careFootprint(app);
    const result = await app.gql(CREATE, { clientId, input: planInput(change) }, treating);
    expect(errorCodes(result)).toEqual([code]);
    expect(await careFootprint(app)).toBe(footprint);
  });

  it('refuses writes to reception, a therapist not treating, another clinic, integrators and the client', async () => {
    const clientId = await treatedClient();
    const self = await app.token({ role: 'client', clientId });
    const footprint = await careFootprint(app);
    for (const token of [receptionist, notTreating, yorkManager, integrator, self]) {
      expect(errorCodes(await app.gql(CREATE, { clientId, input: planInput() }, token))).toEqual([
        'FORBIDDEN',
      ]);
    }
    expect(
      errorCodes(await app.gql(CREATE, { clientId: randomUUID(), input: planInput() }, headOffice)),
    ).toEqual(['CLIENT_NOT_FOUND']);
    expect(await careFootprint(app)).toBe(footprint);
  });

  it('lets the clinic, head office and the client read, audited; refuses others with no audit row', async () => {
    const clientId = await treatedClient();
    const plan = await create(clientId);
    const self = await app.token({ role: 'client', clientId });
    for (const token of [leedsManager, headOffice, self, treating]) {
      const list = await app.gql<{ carePlans: PlanView[] }>(LIST, { clientId }, token);
      expect(list.errors).toBeUndefined();
      expect(list.data?.carePlans.map((entry) => [entry.id, entry.history])).toEqual([
        [plan.id, null],
      ]);
    }
    const one = await app.gql<{ carePlan: PlanView }>(ONE, { id: plan.id }, self);
    expect(one.data?.carePlan.history).toHaveLength(1);
    expect(
      (await auditRows(app, { recordId: plan.id })).filter((row) => row.action === 'read'),
    ).toHaveLength(5);

    const footprint = await careFootprint(app);
    for (const token of [receptionist, notTreating, yorkManager, integrator]) {
      expect(errorCodes(await app.gql(LIST, { clientId }, token))).toEqual(['FORBIDDEN']);
      expect(errorCodes(await app.gql(ONE, { id: plan.id }, token))).toEqual([
        'CARE_PLAN_NOT_FOUND',
      ]);
    }
    expect(errorCodes(await app.gql(ONE, { id: randomUUID() }, headOffice))).toEqual([
      'CARE_PLAN_NOT_FOUND',
    ]);
    expect(await careFootprint(app)).toBe(footprint);
  });

  it('answers a plan id the caller may not read or change exactly as an unknown one: no client id, no audit row', async () => {
    const clientId = await treatedClient();
    const plan = await create(clientId);
    const before = await auditRows(app, { clientId });
    const footprint = await careFootprint(app);
    const unknownId = randomUUID();
    const unknownRead = await app.gql(ONE, { id: unknownId }, receptionist);
    const unknownUpdate = await app.gql(UPDATE, { id: unknownId, input: planInput() }, notTreating);
    expect(errorCodes(unknownRead)).toEqual(['CARE_PLAN_NOT_FOUND']);
    expect(errorCodes(unknownUpdate)).toEqual(['CARE_PLAN_NOT_FOUND']);
    const someoneElse = await app.token({ role: 'client', clientId: randomUUID() });
    for (const token of [receptionist, notTreating, yorkManager, integrator, someoneElse]) {
      const read = await app.gql(ONE, { id: plan.id }, token);
      expect(errorShape(read, plan.id)).toEqual(errorShape(unknownRead, unknownId));
      expect(JSON.stringify(read.errors)).not.toContain(clientId);
    }
    const self = await app.token({ role: 'client', clientId });
    for (const token of [receptionist, notTreating, yorkManager, integrator, self]) {
      const update = await app.gql(UPDATE, { id: plan.id, input: planInput() }, token);
      expect(errorShape(update, plan.id)).toEqual(errorShape(unknownUpdate, unknownId));
      expect(JSON.stringify(update.errors)).not.toContain(clientId);
    }
    expect(await auditRows(app, { clientId })).toEqual(before);
    expect(await careFootprint(app)).toBe(footprint);
  });

  it('exports plans with their history and purges them', async () => {
    const clientId = await treatedClient();
    const plan = await create(clientId);
    await app.gql(UPDATE, { id: plan.id, input: planInput({ weeks: 8 }) }, treating);
    const section = new CarePlansSubjectData(new CarePlansRepository());
    await app.dataSource.transaction(async (tx) => {
      const exported = (await section.exportFor(tx, clientId)) as {
        id: string;
        versions: { goals: string[] }[];
      }[];
      expect(exported).toEqual([
        expect.objectContaining({ id: plan.id, versions: [expect.anything(), expect.anything()] }),
      ]);
      expect(exported[0]?.versions[0]?.goals).toEqual([
        'Sit through a working day without back pain',
      ]);
      await section.erasePersonalDetails();
      expect(await section.exportFor(tx, clientId)).toHaveLength(1);
      await section.purge(tx, clientId);
      expect(await section.exportFor(tx, clientId)).toEqual([]);
    });
  });
});
