import { randomUUID } from 'node:crypto';
import { EventEnvelope, envelopeSchema, platformCatalogue, TOPICS } from '@app/contracts';
import { ServiceTestApp, startServiceTestApp } from '@app/platform/test-support/service-test-app';
import { insertTestClient, linkTestTherapist } from '../access/test-support/client-fixtures';
import { errorShape } from '../adverse-events/test-support/adverse-event-fixtures';
import { clientRecordDefinition } from '../client-record.definition';
import { ClientRecordModule } from '../client-record.module';
import { addDays } from './domain/calendar-date';
import { RED_FLAG_RULES } from './domain/red-flag-rules';
import { ScreeningRepository } from './screening.repository';
import { ScreeningSubjectData } from './screening.subject-data';
import {
  auditRows,
  ELIGIBILITY_STATUS,
  ELIGIBILITY_WITH_REASONS,
  EligibilityView,
  errorCodes,
  GP_CLEARANCE,
  joinTherapist,
  OVERRIDE,
  RECORD_SCREENING,
  SCREENING_FIELDS,
  screeningFootprint,
  screeningInput,
  ScreeningView,
  todayUtc,
} from './test-support/screening-fixtures';

const SCREENINGS = `query($clientId: ID!) { screenings(clientId: $clientId) { ${SCREENING_FIELDS} } }`;
const SCREENING = `query($id: ID!) { screening(id: $id) { ${SCREENING_FIELDS} } }`;
const ERASE = `mutation($clientId: ID!) {
  requestErasure(clientId: $clientId) { lastTreatmentOn retentionRule } }`;
const DECISIONS = `query($clientId: ID!) { eligibilityDecisions(clientId: $clientId) {
  status cause reasons decidedBy decidedByRole overrideReason gpClearedOn gpName gpPractice note } }`;

function expectValidEvent(event: EventEnvelope): void {
  expect(envelopeSchema.safeParse(event).success).toBe(true);
  const definition = platformCatalogue.find(event.type, event.schemaVersion);
  expect(definition?.schema.safeParse(event.data).success).toBe(true);
}

describe('client-record screening and eligibility', () => {
  let app: ServiceTestApp;
  const leeds = randomUUID();
  const york = randomUUID();
  let physioId: string;
  let sportsId: string;
  let physio: string;
  let sports: string;
  let otherPhysio: string;
  let headOffice: string;
  let clinicalLead: string;
  let leedsManager: string;
  let yorkManager: string;
  let receptionist: string;
  let integrator: string;
  let integratorWithoutScope: string;

  beforeAll(async () => {
    app = await startServiceTestApp(clientRecordDefinition, ClientRecordModule.forRoot, {
      watchTopics: [TOPICS.clientRecord],
    });
    physioId = await joinTherapist(app, leeds, 'physiotherapist');
    sportsId = await joinTherapist(app, leeds, 'sports_therapist');
    const otherPhysioId = await joinTherapist(app, leeds, 'physiotherapist');
    physio = await app.token({ role: 'therapist', therapistId: physioId, clinicIds: [leeds] });
    sports = await app.token({ role: 'therapist', therapistId: sportsId, clinicIds: [leeds] });
    otherPhysio = await app.token({
      role: 'therapist',
      therapistId: otherPhysioId,
      clinicIds: [leeds],
    });
    headOffice = await app.token({ role: 'head_office_admin', subject: 'ho-admin' });
    clinicalLead = await app.token({ role: 'clinical_lead', subject: 'lead-1' });
    leedsManager = await app.token({ role: 'clinic_manager', clinicIds: [leeds] });
    yorkManager = await app.token({ role: 'clinic_manager', clinicIds: [york] });
    receptionist = await app.token({ role: 'receptionist', clinicIds: [leeds] });
    integrator = await app.token({
      role: 'integrator',
      clinicIds: [leeds],
      scopes: ['clients:read'],
    });
    integratorWithoutScope = await app.token({
      role: 'integrator',
      clinicIds: [leeds],
      scopes: ['events:read'],
    });
  });

  afterAll(async () => {
    await app.close();
  });

  /** A Leeds client treated by the physiotherapist and the sports therapist. */
  async function client(): Promise<string> {
    const clientId = await insertTestClient(app.dataSource, { clinicIds: [leeds] });
    await linkTestTherapist(app.dataSource, { clientId, therapistId: physioId, clinicId: leeds });
    await linkTestTherapist(app.dataSource, { clientId, therapistId: sportsId, clinicId: leeds });
    return clientId;
  }

  async function screen(
    clientId: string,
    overrides: Record<string, unknown> = {},
    token: string = physio,
  ): Promise<ScreeningView> {
    const result = await app.gql<{ recordScreening: ScreeningView }>(
      RECORD_SCREENING,
      { clientId, input: screeningInput(overrides) },
      token,
    );
    expect(result.errors).toBeUndefined();
    const screening = result.data?.recordScreening;
    if (screening === undefined) {
      throw new Error('no screening returned');
    }
    return screening;
  }

  async function eligibility(clientId: string, token: string): Promise<EligibilityView> {
    const result = await app.gql<{ eligibility: EligibilityView }>(
      ELIGIBILITY_WITH_REASONS,
      { clientId },
      token,
    );
    expect(result.errors).toBeUndefined();
    return result.data?.eligibility as EligibilityView;
  }

  describe('recordScreening', () => {
    it('clears a client without red flags, publishes status-only events and audits both writes', async () => {
      const clientId = await client();
      const screening = await screen(clientId);
      expect(screening).toMatchObject({
        clientId,
        clinicId: leeds,
        conditions: ['lower_back_pain'],
        baselinePain: 6,
        redFlags: [],
        outcome: 'cleared',
        outcomeReasons: [],
        screenedOn: todayUtc(),
      });

      const completed = await app.event('screening.completed', (e) => e.aggregateId === clientId);
      expectValidEvent(completed);
      expect(completed.data).toEqual({
        screeningId: screening.id,
        clientId,
        clinicId: leeds,
        screenedOn: todayUtc(),
        eligibilityStatus: 'cleared',
      });
      const changed = await app.event('eligibility.changed', (e) => e.aggregateId === clientId);
      expectValidEvent(changed);
      expect(changed).toMatchObject({
        clinicId: leeds,
        data: {
          clientId,
          clinicIds: [leeds],
          screeningId: screening.id,
          status: 'cleared',
          validUntil: screening.validUntil,
          cause: 'screening',
        },
      });
      const envelopes = JSON.stringify([completed.data, changed.data]);
      expect(envelopes).not.toMatch(/lower_back_pain|naproxen|baselinePain|redFlags/);

      expect(await auditRows(app, clientId)).toEqual([
        {
          record_type: 'screening',
          action: 'create',
          actor_role: 'therapist',
          record_id: screening.id,
        },
        {
          record_type: 'eligibility',
          action: 'create',
          actor_role: 'therapist',
          record_id: expect.any(String) as string,
        },
      ]);
    });

    it('gives the worst outcome of the red flags, with every reason', async () => {
      const clientId = await client();
      const screening = await screen(
        clientId,
        { redFlags: ['pregnancy', 'cauda_equina_symptoms'] },
        leedsManager,
      );
      expect(screening.outcome).toBe('not_suitable');
      expect(screening.outcomeReasons).toEqual([
        RED_FLAG_RULES.pregnancy.reason,
        RED_FLAG_RULES.cauda_equina_symptoms.reason,
      ]);
      expect(await eligibility(clientId, physio)).toMatchObject({
        status: 'not_suitable',
        cause: 'screening',
        reasons: screening.outcomeReasons,
      });
    });

    it('keeps history: a new screening supersedes the previous one', async () => {
      const clientId = await client();
      const first = await screen(clientId, { redFlags: ['osteoporosis'] });
      const second = await screen(clientId, { redFlags: [] }, headOffice);
      const list = await app.gql<{ screenings: ScreeningView[] }>(SCREENINGS, { clientId }, physio);
      expect(list.data?.screenings.map((s) => s.id)).toEqual([second.id, first.id]);
      expect((await eligibility(clientId, physio)).status).toBe('cleared');
    });

    it.each([
      ['NPRS 11', { baselinePain: 11 }, 'INVALID_PAIN_SCORE'],
      ['NPRS -1', { baselinePain: -1 }, 'INVALID_PAIN_SCORE'],
      ['no condition', { conditions: [] }, 'CONDITIONS_REQUIRED'],
      ['a future date', { screenedOn: '2999-01-01' }, 'INVALID_SCREENING_DATE'],
      ['another clinic', { clinicId: york }, 'INVALID_CLINIC'],
    ])('refuses %s and writes nothing', async (_case, overrides, code) => {
      const clientId = await client();
      const before = await screeningFootprint(app, clientId);
      const result = await app.gql(
        RECORD_SCREENING,
        { clientId, input: screeningInput(overrides) },
        physio,
      );
      expect(errorCodes(result)).toEqual([code]);
      expect(await screeningFootprint(app, clientId)).toEqual(before);
      expect(before).toEqual({ screenings: 0, decisions: 0, outbox: 0, audit: 0 });
    });

    it('refuses an unknown client with CLIENT_NOT_FOUND and writes nothing', async () => {
      const clientId = randomUUID();
      const result = await app.gql(
        RECORD_SCREENING,
        { clientId, input: screeningInput() },
        headOffice,
      );
      expect(errorCodes(result)).toEqual(['CLIENT_NOT_FOUND']);
      expect(await screeningFootprint(app, clientId)).toEqual({
        screenings: 0,
        decisions: 0,
        outbox: 0,
        audit: 0,
      });
    });

    it.each([
      ['a receptionist', () => receptionist],
      ['a therapist who does not treat the client', () => otherPhysio],
      ["another clinic's manager", () => yorkManager],
      ['an integrator', () => integrator],
    ])('is FORBIDDEN for %s, writing nothing', async (_who, token) => {
      const clientId = await client();
      const result = await app.gql(
        RECORD_SCREENING,
        { clientId, input: screeningInput() },
        token(),
      );
      expect(errorCodes(result)).toEqual(['FORBIDDEN']);
      expect(await screeningFootprint(app, clientId)).toEqual({
        screenings: 0,
        decisions: 0,
        outbox: 0,
        audit: 0,
      });
    });

    it('is FORBIDDEN for the client themselves', async () => {
      const clientId = await client();
      const self = await app.token({ role: 'client', clientId });
      const result = await app.gql(RECORD_SCREENING, { clientId, input: screeningInput() }, self);
      expect(errorCodes(result)).toEqual(['FORBIDDEN']);
    });
  });

  describe('reading eligibility and screenings', () => {
    it('lets a receptionist read the status (audited) but not the reasons or the screening', async () => {
      const clientId = await client();
      const screening = await screen(clientId, { redFlags: ['pregnancy'] });
      const auditBefore = (await auditRows(app, clientId)).length;

      const status = await app.gql<{ eligibility: EligibilityView }>(
        ELIGIBILITY_STATUS,
        { clientId },
        receptionist,
      );
      expect(status.errors).toBeUndefined();
      expect(status.data?.eligibility).toMatchObject({
        clientId,
        status: 'gp_clearance_required',
        cause: 'screening',
        validUntil: screening.validUntil,
        screeningId: screening.id,
      });
      const rows = await auditRows(app, clientId);
      expect(rows.slice(auditBefore)).toEqual([
        {
          record_type: 'eligibility',
          action: 'read',
          actor_role: 'receptionist',
          record_id: screening.id,
        },
      ]);

      const reasons = await app.gql(ELIGIBILITY_WITH_REASONS, { clientId }, receptionist);
      expect(errorCodes(reasons)).toEqual(['FORBIDDEN']);
      expect(errorCodes(await app.gql(SCREENINGS, { clientId }, receptionist))).toEqual([
        'FORBIDDEN',
      ]);
      expect(errorCodes(await app.gql(SCREENING, { id: screening.id }, receptionist))).toEqual([
        'SCREENING_NOT_FOUND',
      ]);
      expect(errorCodes(await app.gql(DECISIONS, { clientId }, receptionist))).toEqual([
        'FORBIDDEN',
      ]);
      // The denied reads left no audit row claiming them (only the status read above and the
      // status part of the reasons query, which succeeded).
      const after = await auditRows(app, clientId);
      expect(
        after.filter((row) => row.record_type === 'screening' && row.action === 'read'),
      ).toEqual([]);
    });

    it('lets an integrator with clients:read see the status only', async () => {
      const clientId = await client();
      await screen(clientId);
      const status = await app.gql<{ eligibility: EligibilityView }>(
        ELIGIBILITY_STATUS,
        { clientId },
        integrator,
      );
      expect(status.data?.eligibility.status).toBe('cleared');
      expect(errorCodes(await app.gql(ELIGIBILITY_WITH_REASONS, { clientId }, integrator))).toEqual(
        ['FORBIDDEN'],
      );
      expect(errorCodes(await app.gql(SCREENINGS, { clientId }, integrator))).toEqual([
        'FORBIDDEN',
      ]);
      expect(
        errorCodes(await app.gql(ELIGIBILITY_STATUS, { clientId }, integratorWithoutScope)),
      ).toEqual(['FORBIDDEN']);
    });

    it("is FORBIDDEN for another clinic's manager and reports not_screened before a screening", async () => {
      const clientId = await client();
      expect(errorCodes(await app.gql(ELIGIBILITY_STATUS, { clientId }, yorkManager))).toEqual([
        'FORBIDDEN',
      ]);
      const status = await app.gql<{ eligibility: EligibilityView }>(
        ELIGIBILITY_STATUS,
        { clientId },
        receptionist,
      );
      expect(status.data?.eligibility).toMatchObject({ status: 'not_screened', validUntil: null });
    });

    it('audits each screening a clinician reads, and a client may read their own', async () => {
      const clientId = await client();
      const screening = await screen(clientId);
      const self = await app.token({ role: 'client', clientId });
      const own = await app.gql<{ screening: ScreeningView }>(
        SCREENING,
        { id: screening.id },
        self,
      );
      expect(own.data?.screening.id).toBe(screening.id);
      const list = await app.gql<{ screenings: ScreeningView[] }>(SCREENINGS, { clientId }, physio);
      expect(list.data?.screenings).toHaveLength(1);
      const reads = (await auditRows(app, clientId)).filter(
        (row) => row.record_type === 'screening' && row.action === 'read',
      );
      expect(reads).toEqual([
        { record_type: 'screening', action: 'read', actor_role: 'client', record_id: screening.id },
        {
          record_type: 'screening',
          action: 'read',
          actor_role: 'therapist',
          record_id: screening.id,
        },
      ]);
    });

    it('offers Client.eligibility and Client.screenings with the same permissions', async () => {
      const clientId = await client();
      const screening = await screen(clientId, { redFlags: ['osteoporosis'] });
      const FIELDS = `query($id: ID!) { client(id: $id) { id eligibility { status validUntil } } }`;
      const WITH_SCREENINGS = `query($id: ID!) { client(id: $id) { id screenings { id outcome } } }`;
      const asReception = await app.gql<{ client: { eligibility: EligibilityView } }>(
        FIELDS,
        { id: clientId },
        receptionist,
      );
      expect(asReception.errors).toBeUndefined();
      expect(asReception.data?.client.eligibility).toEqual({
        status: 'gp_clearance_required',
        validUntil: screening.validUntil,
      });
      expect(errorCodes(await app.gql(WITH_SCREENINGS, { id: clientId }, receptionist))).toContain(
        'FORBIDDEN',
      );
      const asPhysio = await app.gql<{ client: { screenings: { id: string; outcome: string }[] } }>(
        WITH_SCREENINGS,
        { id: clientId },
        physio,
      );
      expect(asPhysio.data?.client.screenings).toEqual([
        { id: screening.id, outcome: 'gp_clearance_required' },
      ]);
    });

    it('answers a screening id the caller may not read exactly as an unknown one: no client id, no audit row', async () => {
      const clientId = await client();
      const screening = await screen(clientId);
      const auditBefore = await auditRows(app, clientId);
      const unknownId = randomUUID();
      const unknown = await app.gql(SCREENING, { id: unknownId }, receptionist);
      expect(errorCodes(unknown)).toEqual(['SCREENING_NOT_FOUND']);
      const someoneElse = await app.token({ role: 'client', clientId: randomUUID() });
      for (const token of [receptionist, otherPhysio, yorkManager, integrator, someoneElse]) {
        const denied = await app.gql<{ screening: ScreeningView | null }>(
          SCREENING,
          { id: screening.id },
          token,
        );
        expect(denied.data?.screening ?? null).toBeNull();
        expect(errorShape(denied, screening.id)).toEqual(errorShape(unknown, unknownId));
        expect(JSON.stringify(denied.errors)).not.toContain(clientId);
      }
      expect(await auditRows(app, clientId)).toEqual(auditBefore);
    });

    it('answers SCREENING_NOT_FOUND and INVALID_SCREENING_ID without an audit row', async () => {
      expect(errorCodes(await app.gql(SCREENING, { id: randomUUID() }, headOffice))).toEqual([
        'SCREENING_NOT_FOUND',
      ]);
      expect(errorCodes(await app.gql(SCREENING, { id: 'nope' }, headOffice))).toEqual([
        'INVALID_SCREENING_ID',
      ]);
    });
  });

  describe('overrideEligibility', () => {
    it('lets the treating physiotherapist override with a reason, kept as a new decision', async () => {
      const clientId = await client();
      await screen(clientId, { redFlags: ['recent_fracture'] });
      const result = await app.gql<{ overrideEligibility: EligibilityView }>(
        OVERRIDE,
        { clientId, input: { status: 'cleared', reason: ' Fracture healed, X-ray 2026-01-10 ' } },
        physio,
      );
      expect(result.errors).toBeUndefined();
      expect(result.data?.overrideEligibility).toMatchObject({
        status: 'cleared',
        cause: 'override',
      });

      const event = await app.event(
        'eligibility.changed',
        (e) => e.aggregateId === clientId && (e.data as { cause: string }).cause === 'override',
      );
      expectValidEvent(event);
      expect(event.data).toMatchObject({ status: 'cleared', cause: 'override' });
      expect(JSON.stringify(event.data)).not.toContain('X-ray');

      const decisions = await app.gql<{ eligibilityDecisions: Record<string, unknown>[] }>(
        DECISIONS,
        { clientId },
        clinicalLead,
      );
      expect(decisions.data?.eligibilityDecisions[0]).toMatchObject({
        status: 'cleared',
        cause: 'override',
        decidedByRole: 'therapist',
        overrideReason: 'Fracture healed, X-ray 2026-01-10',
      });
      expect(decisions.data?.eligibilityDecisions[1]).toMatchObject({
        status: 'gp_clearance_required',
        cause: 'screening',
      });
      const overrides = (await auditRows(app, clientId)).filter((row) => row.action === 'override');
      expect(overrides).toEqual([
        {
          record_type: 'eligibility',
          action: 'override',
          actor_role: 'therapist',
          record_id: expect.any(String) as string,
        },
      ]);
    });

    it('lets a clinical lead override', async () => {
      const clientId = await client();
      await screen(clientId);
      const result = await app.gql<{ overrideEligibility: EligibilityView }>(
        OVERRIDE,
        { clientId, input: { status: 'not_suitable', reason: 'Awaiting MRI for new neuro signs' } },
        clinicalLead,
      );
      expect(result.data?.overrideEligibility.status).toBe('not_suitable');
    });

    it.each([
      ['a sports therapist treating the client', () => sports],
      ['a physiotherapist not treating the client', () => otherPhysio],
      ['a receptionist', () => receptionist],
      ["the client's clinic manager", () => leedsManager],
      ['a head office admin', () => headOffice],
    ])('is FORBIDDEN for %s, writing nothing', async (_who, token) => {
      const clientId = await client();
      await screen(clientId, { redFlags: ['osteoporosis'] });
      const before = await screeningFootprint(app, clientId);
      const result = await app.gql(
        OVERRIDE,
        { clientId, input: { status: 'cleared', reason: 'I think it is fine' } },
        token(),
      );
      expect(errorCodes(result)).toEqual(['FORBIDDEN']);
      expect(await screeningFootprint(app, clientId)).toEqual(before);
    });

    it('needs a reason: OVERRIDE_REASON_REQUIRED, nothing written', async () => {
      const clientId = await client();
      await screen(clientId, { redFlags: ['osteoporosis'] });
      const before = await screeningFootprint(app, clientId);
      const result = await app.gql(
        OVERRIDE,
        { clientId, input: { status: 'cleared', reason: '   ' } },
        physio,
      );
      expect(errorCodes(result)).toEqual(['OVERRIDE_REASON_REQUIRED']);
      expect(await screeningFootprint(app, clientId)).toEqual(before);
    });

    it('needs a screening first: SCREENING_REQUIRED', async () => {
      const clientId = await client();
      const result = await app.gql(
        OVERRIDE,
        { clientId, input: { status: 'cleared', reason: 'seen by me' } },
        clinicalLead,
      );
      expect(errorCodes(result)).toEqual(['SCREENING_REQUIRED']);
    });

    it('follows a therapist.updated profession change from the roster', async () => {
      const clientId = await client();
      await screen(clientId, { redFlags: ['osteoporosis'] });
      const convertedId = await joinTherapist(app, leeds, 'stretch_therapist');
      await linkTestTherapist(app.dataSource, {
        clientId,
        therapistId: convertedId,
        clinicId: leeds,
      });
      const token = await app.token({
        role: 'therapist',
        therapistId: convertedId,
        clinicIds: [leeds],
      });
      const input = { status: 'cleared', reason: 'DEXA normal' };
      expect(errorCodes(await app.gql(OVERRIDE, { clientId, input }, token))).toEqual([
        'FORBIDDEN',
      ]);
      await joinTherapist(app, leeds, 'physiotherapist', convertedId);
      expect((await app.gql(OVERRIDE, { clientId, input }, token)).errors).toBeUndefined();
    });
  });

  describe('recordGpClearance', () => {
    it('clears a client waiting for GP clearance, with the reason "GP clearance on <date>"', async () => {
      const clientId = await client();
      await screen(clientId, { redFlags: ['pregnancy'] });
      const result = await app.gql<{ recordGpClearance: EligibilityView }>(
        GP_CLEARANCE,
        {
          clientId,
          input: { clearedOn: todayUtc(), gpName: 'Dr A Patel', gpPractice: 'Hyde Park Surgery' },
        },
        leedsManager,
      );
      expect(result.errors).toBeUndefined();
      expect(result.data?.recordGpClearance).toMatchObject({
        status: 'cleared',
        cause: 'gp_clearance',
      });
      expect(await eligibility(clientId, physio)).toMatchObject({
        status: 'cleared',
        reasons: [`GP clearance on ${todayUtc()}`],
      });
      const event = await app.event(
        'eligibility.changed',
        (e) => e.aggregateId === clientId && (e.data as { cause: string }).cause === 'gp_clearance',
      );
      expectValidEvent(event);
      expect(JSON.stringify(event.data)).not.toMatch(/Patel|Hyde/);
    });

    it('refuses a not-suitable client (only an override changes that), writing nothing', async () => {
      const clientId = await client();
      await screen(clientId, { redFlags: ['unexplained_weight_loss'] });
      const before = await screeningFootprint(app, clientId);
      const result = await app.gql(
        GP_CLEARANCE,
        { clientId, input: { clearedOn: todayUtc(), gpName: 'Dr Patel' } },
        physio,
      );
      expect(errorCodes(result)).toEqual(['GP_CLEARANCE_NOT_APPLICABLE']);
      expect(await screeningFootprint(app, clientId)).toEqual(before);
    });

    it('is FORBIDDEN for a receptionist', async () => {
      const clientId = await client();
      await screen(clientId, { redFlags: ['pregnancy'] });
      const result = await app.gql(
        GP_CLEARANCE,
        { clientId, input: { clearedOn: todayUtc(), gpName: 'Dr Patel' } },
        receptionist,
      );
      expect(errorCodes(result)).toEqual(['FORBIDDEN']);
    });
  });

  describe('subject data', () => {
    it('exports every screening and decision, erases the GP details, purges the rows', async () => {
      const clientId = await client();
      const screening = await screen(clientId, { redFlags: ['pregnancy'] });
      await app.gql(
        GP_CLEARANCE,
        { clientId, input: { clearedOn: todayUtc(), gpName: 'Dr Patel', note: 'avoid prone' } },
        physio,
      );
      const section = new ScreeningSubjectData(new ScreeningRepository());
      const exported = (await section.exportFor(app.dataSource.manager, clientId)) as {
        screenings: { id: string; redFlags: string[] }[];
        eligibilityDecisions: { cause: string; gpName: string | null; note: string | null }[];
      };
      expect(exported.screenings).toMatchObject([{ id: screening.id, redFlags: ['pregnancy'] }]);
      expect(exported.eligibilityDecisions.map((d) => d.cause)).toEqual([
        'gp_clearance',
        'screening',
      ]);
      expect(exported.eligibilityDecisions[0]).toMatchObject({
        gpName: 'Dr Patel',
        note: 'avoid prone',
      });

      await section.erasePersonalDetails(app.dataSource.manager, clientId);
      const erased = (await section.exportFor(app.dataSource.manager, clientId)) as typeof exported;
      expect(erased.eligibilityDecisions[0]).toMatchObject({ gpName: null, note: null });
      expect(erased.screenings).toHaveLength(1);

      await section.purge(app.dataSource.manager, clientId);
      expect(await section.exportFor(app.dataSource.manager, clientId)).toEqual({
        screenings: [],
        eligibilityDecisions: [],
      });
    });

    it('gives the day of the latest screening as the last treatment, which the erasure keeps the record for', async () => {
      const section = new ScreeningSubjectData(new ScreeningRepository());
      const clientId = await client();
      expect(await section.lastTreatmentOn(app.dataSource.manager, clientId)).toBeNull();
      const later = addDays(todayUtc(), -10);
      await screen(clientId, { screenedOn: later });
      // Recorded after, but done earlier: the latest day screened still counts.
      await screen(clientId, { screenedOn: addDays(todayUtc(), -40) });
      expect(await section.lastTreatmentOn(app.dataSource.manager, clientId)).toBe(later);

      // A client screened but never booked is not "never treated" at erasure.
      const erased = await app.gql<{
        requestErasure: { lastTreatmentOn: string | null; retentionRule: string };
      }>(ERASE, { clientId }, headOffice);
      expect(erased.errors).toBeUndefined();
      expect(erased.data?.requestErasure.lastTreatmentOn).toBe(later);
      expect(erased.data?.requestErasure.retentionRule).not.toBe('never_treated');
    });
  });
});
