import { randomUUID } from 'node:crypto';
import { TOPICS } from '@app/contracts';
import { ServiceTestApp, startServiceTestApp } from '@app/platform/test-support/service-test-app';
import { insertTestClient, linkTestTherapist } from '../access/test-support/client-fixtures';
import { errorCodes } from '../adverse-events/test-support/adverse-event-fixtures';
import { clientRecordDefinition } from '../client-record.definition';
import { ClientRecordModule } from '../client-record.module';
import { daysAgo, insertTestScreening, insertTestSession } from './test-support/outcome-fixtures';

const OUTCOME_FIELDS = `clientId ratedSessions firstPain firstRatedAt latestPain latestRatedAt change
  percentChange clinicallyImportantImprovement worsened`;
const CLIENT_OUTCOME = `query($clientId: ID!) { clientOutcome(clientId: $clientId) { ${OUTCOME_FIELDS} } }`;
const AGGREGATE =
  'clients meanChange clinicallyImportantImprovements clinicallyImportantImprovementShare worsened';
const SUMMARY = `query($clinicId: ID, $condition: ScreeningCondition) {
  outcomeSummary(clinicId: $clinicId, condition: $condition) {
    clinicId condition overall { ${AGGREGATE} }
    byClinic { clinicId ${AGGREGATE} } byCondition { condition ${AGGREGATE} } } }`;

interface Aggregate {
  clients: number;
  meanChange: number | null;
  clinicallyImportantImprovements: number;
  clinicallyImportantImprovementShare: number | null;
  worsened: number;
}

interface SummaryResult {
  outcomeSummary: {
    clinicId: string | null;
    condition: string | null;
    overall: Aggregate;
    byClinic: (Aggregate & { clinicId: string })[];
    byCondition: (Aggregate & { condition: string })[];
  };
}

describe('client-record outcomes', () => {
  let app: ServiceTestApp;
  const therapistId = randomUUID();
  let headOffice: string;
  let clinicalLead: string;

  beforeAll(async () => {
    app = await startServiceTestApp(clientRecordDefinition, ClientRecordModule.forRoot, {
      watchTopics: [TOPICS.clientRecord],
    });
    headOffice = await app.token({ role: 'head_office_admin' });
    clinicalLead = await app.token({ role: 'clinical_lead', subject: 'lead-outcomes' });
  });

  afterAll(async () => {
    await app.close();
  });

  /** A client at `clinicIds` with sessions rated `pains` (oldest first), one week apart. */
  async function clientWithPains(
    clinicIds: string[],
    pains: (number | number[])[],
    conditions?: string[],
  ): Promise<string> {
    const clientId = await insertTestClient(app.dataSource, { clinicIds });
    const clinicId = clinicIds[0] ?? randomUUID();
    await linkTestTherapist(app.dataSource, { clientId, therapistId, clinicId });
    for (const [index, pain] of pains.entries()) {
      await insertTestSession(app.dataSource, {
        clientId,
        clinicId,
        therapistId,
        startedAt: daysAgo(7 * (pains.length - index)),
        painBefore: Array.isArray(pain) ? pain : [pain],
      });
    }
    if (conditions !== undefined) {
      await insertTestScreening(app.dataSource, { clientId, clinicId, conditions });
    }
    return clientId;
  }

  async function auditRows(
    where: string,
    params: unknown[],
  ): Promise<{ client_id: string | null; clinic_id: string | null; actor_role: string }[]> {
    return app.dataSource.query(
      `SELECT client_id, clinic_id, actor_role FROM audit_log WHERE record_type = 'outcome' AND ${where} ORDER BY id`,
      params,
    );
  }

  describe('clientOutcome', () => {
    it('compares the first and the latest pre-session rating, using each session’s latest version', async () => {
      const clinic = randomUUID();
      // 8 amended to 7; an open session (nothing written) is ignored.
      const clientId = await clientWithPains([clinic], [[8, 7], 6, 4, []]);
      const treating = await app.token({ role: 'therapist', clinicIds: [clinic], therapistId });
      const result = await app.gql<{ clientOutcome: Record<string, unknown> }>(
        CLIENT_OUTCOME,
        { clientId },
        treating,
      );
      expect(result.errors).toBeUndefined();
      expect(result.data?.clientOutcome).toMatchObject({
        clientId,
        ratedSessions: 3,
        firstPain: 7,
        latestPain: 4,
        change: -3,
        percentChange: -42.9,
        clinicallyImportantImprovement: true,
        worsened: false,
      });
      expect(await auditRows('client_id = $1', [clientId])).toEqual([
        { client_id: clientId, clinic_id: clinic, actor_role: 'therapist' },
      ]);
    });

    it('has no outcome yet with one rated session, and says so with nulls', async () => {
      const clientId = await clientWithPains([randomUUID()], [5]);
      const result = await app.gql<{ clientOutcome: Record<string, unknown> }>(
        CLIENT_OUTCOME,
        { clientId },
        clinicalLead,
      );
      expect(result.data?.clientOutcome).toEqual({
        clientId,
        ratedSessions: 1,
        firstPain: null,
        firstRatedAt: null,
        latestPain: null,
        latestRatedAt: null,
        change: null,
        percentChange: null,
        clinicallyImportantImprovement: false,
        worsened: false,
      });
    });

    it('reports a worsening', async () => {
      const clientId = await clientWithPains([randomUUID()], [3, 4, 6]);
      const result = await app.gql<{ clientOutcome: Record<string, unknown> }>(
        CLIENT_OUTCOME,
        { clientId },
        headOffice,
      );
      expect(result.data?.clientOutcome).toMatchObject({
        change: 3,
        percentChange: 100,
        clinicallyImportantImprovement: false,
        worsened: true,
      });
    });

    it('lets the client see their own outcome, and serves Client.outcome the same way', async () => {
      const clinic = randomUUID();
      const clientId = await clientWithPains([clinic], [6, 4]);
      const self = await app.token({ role: 'client', clientId });
      const own = await app.gql<{ clientOutcome: { change: number } }>(
        CLIENT_OUTCOME,
        { clientId },
        self,
      );
      expect(own.data?.clientOutcome.change).toBe(-2);
      const manager = await app.token({ role: 'clinic_manager', clinicIds: [clinic] });
      const field = await app.gql<{ client: { outcome: { change: number } } }>(
        'query($id: ID!) { client(id: $id) { id outcome { change clinicallyImportantImprovement } } }',
        { id: clientId },
        manager,
      );
      expect(field.errors).toBeUndefined();
      expect(field.data?.client.outcome).toEqual({
        change: -2,
        clinicallyImportantImprovement: true,
      });
    });

    it('refuses reception, an untreating therapist, another clinic and integrators, auditing nothing', async () => {
      const clinic = randomUUID();
      const clientId = await clientWithPains([clinic], [6, 4]);
      const refused = [
        await app.token({ role: 'receptionist', clinicIds: [clinic] }),
        await app.token({ role: 'therapist', clinicIds: [clinic], therapistId: randomUUID() }),
        await app.token({ role: 'clinic_manager', clinicIds: [randomUUID()] }),
        await app.token({ role: 'integrator', clinicIds: [clinic], scopes: ['clients:read'] }),
      ];
      for (const token of refused) {
        expect(errorCodes(await app.gql(CLIENT_OUTCOME, { clientId }, token))).toEqual([
          'FORBIDDEN',
        ]);
      }
      expect(
        errorCodes(await app.gql(CLIENT_OUTCOME, { clientId: randomUUID() }, headOffice)),
      ).toEqual(['CLIENT_NOT_FOUND']);
      expect(await auditRows('client_id = $1', [clientId])).toEqual([]);
    });
  });

  describe('outcomeSummary', () => {
    it('aggregates per clinic and per condition, counting a client in each of their conditions', async () => {
      const leeds = randomUUID();
      const york = randomUUID();
      await clientWithPains([leeds], [8, 5], ['lower_back_pain', 'sciatica']); // −3, improved
      await clientWithPains([leeds, york], [6, 5], ['sciatica']); // −1, every session at Leeds
      await clientWithPains([leeds], [3, 5], ['neck_shoulder']); // +2, worsened
      await clientWithPains([leeds], [7], ['sciatica']); // one rating: not counted

      const result = await app.gql<SummaryResult>(SUMMARY, { clinicId: leeds }, clinicalLead);
      expect(result.errors).toBeUndefined();
      const summary = result.data?.outcomeSummary;
      expect(summary?.overall).toEqual({
        clients: 3,
        meanChange: -0.67,
        clinicallyImportantImprovements: 1,
        clinicallyImportantImprovementShare: 0.333,
        worsened: 1,
      });
      expect(summary?.byClinic.map((group) => [group.clinicId, group.clients])).toEqual([
        [leeds, 3],
      ]);
      expect(
        summary?.byCondition.map((group) => [group.condition, group.clients, group.worsened]),
      ).toEqual([
        ['lower_back_pain', 1, 0],
        ['neck_shoulder', 1, 1],
        ['sciatica', 2, 0],
      ]);

      const network = await app.gql<SummaryResult>(SUMMARY, {}, headOffice);
      const groups = network.data?.outcomeSummary.byClinic ?? [];
      // Sessions count where they took place: York, attended but never visited, has none.
      expect(groups.find((group) => group.clinicId === york)).toBeUndefined();
      expect(groups.find((group) => group.clinicId === leeds)?.clients).toBe(3);

      const sciatica = await app.gql<SummaryResult>(
        SUMMARY,
        { clinicId: leeds, condition: 'sciatica' },
        headOffice,
      );
      expect(sciatica.data?.outcomeSummary).toMatchObject({
        condition: 'sciatica',
        overall: { clients: 2, meanChange: -2 },
        byCondition: [{ condition: 'sciatica', clients: 2 }],
      });
    });

    it('counts only the sessions held at a clinic, for its manager and in head office’s byClinic', async () => {
      const own = randomUUID();
      const other = randomUUID();
      const clientId = await insertTestClient(app.dataSource, { clinicIds: [own, other] });
      await linkTestTherapist(app.dataSource, { clientId, therapistId, clinicId: own });
      await insertTestScreening(app.dataSource, {
        clientId,
        clinicId: own,
        conditions: ['sciatica'],
      });
      // Alternating: own 8, other 3, own 6, other 9. Own: 8 → 6 (−2, improved); other:
      // 3 → 9 (+6, worsened); all four: 8 → 9 (+1, worsened).
      const sessions: [string, number][] = [
        [own, 8],
        [other, 3],
        [own, 6],
        [other, 9],
      ];
      for (const [index, [clinicId, pain]] of sessions.entries()) {
        await insertTestSession(app.dataSource, {
          clientId,
          clinicId,
          therapistId,
          startedAt: daysAgo(7 * (sessions.length - index)),
          painBefore: [pain],
        });
      }

      const manager = await app.token({ role: 'clinic_manager', clinicIds: [own] });
      const mine = await app.gql<SummaryResult>(SUMMARY, {}, manager);
      expect(mine.errors).toBeUndefined();
      expect(mine.data?.outcomeSummary.overall).toMatchObject({
        clients: 1,
        meanChange: -2,
        clinicallyImportantImprovements: 1,
        worsened: 0,
      });
      expect(
        mine.data?.outcomeSummary.byClinic.map((group) => [group.clinicId, group.meanChange]),
      ).toEqual([[own, -2]]);
      expect(
        mine.data?.outcomeSummary.byCondition.map((group) => [group.condition, group.meanChange]),
      ).toEqual([['sciatica', -2]]);

      const network = await app.gql<SummaryResult>(SUMMARY, {}, headOffice);
      const groups = network.data?.outcomeSummary.byClinic ?? [];
      expect(
        groups
          .filter((group) => group.clinicId === own || group.clinicId === other)
          .map((group) => [group.clinicId, group.clients, group.meanChange, group.worsened])
          .sort(([a], [b]) => String(a).localeCompare(String(b))),
      ).toEqual(
        [
          [own, 1, -2, 0],
          [other, 1, 6, 1],
        ].sort(([a], [b]) => String(a).localeCompare(String(b))),
      );
      const oneClinic = await app.gql<SummaryResult>(SUMMARY, { clinicId: other }, headOffice);
      expect(oneClinic.data?.outcomeSummary.overall).toMatchObject({ clients: 1, meanChange: 6 });
      // The client's own outcome still spans every session.
      const outcome = await app.gql<{ clientOutcome: { change: number } }>(
        CLIENT_OUTCOME,
        { clientId },
        headOffice,
      );
      expect(outcome.data?.clientOutcome.change).toBe(1);
    });

    it('gives a clinic manager their own clinics only, and audits the aggregate read per clinic', async () => {
      const own = randomUUID();
      const other = randomUUID();
      await clientWithPains([own], [6, 3]);
      await clientWithPains([other], [6, 3]);
      const manager = await app.token({
        role: 'clinic_manager',
        clinicIds: [own],
        subject: `mgr-${own}`,
      });
      const mine = await app.gql<SummaryResult>(SUMMARY, {}, manager);
      expect(mine.errors).toBeUndefined();
      expect(mine.data?.outcomeSummary.byClinic.map((group) => group.clinicId)).toEqual([own]);
      expect(mine.data?.outcomeSummary.overall.clients).toBe(1);
      expect(await auditRows('actor_subject = $1', [`mgr-${own}`])).toEqual([
        { client_id: null, clinic_id: own, actor_role: 'clinic_manager' },
      ]);

      const before = await auditRows('true', []);
      expect(errorCodes(await app.gql(SUMMARY, { clinicId: other }, manager))).toEqual([
        'FORBIDDEN',
      ]);
      const refused = [
        await app.token({ role: 'receptionist', clinicIds: [own] }),
        await app.token({ role: 'therapist', clinicIds: [own], therapistId }),
        await app.token({ role: 'integrator', clinicIds: [own], scopes: ['clients:read'] }),
      ];
      for (const token of refused) {
        expect(errorCodes(await app.gql(SUMMARY, { clinicId: own }, token))).toEqual(['FORBIDDEN']);
      }
      expect(errorCodes(await app.gql(SUMMARY, { clinicId: 'leeds' }, headOffice))).toEqual([
        'INVALID_CLINIC_ID',
      ]);
      expect(await auditRows('true', [])).toHaveLength(before.length);
    });
  });
});
