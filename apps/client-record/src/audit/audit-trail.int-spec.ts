import { randomUUID } from 'node:crypto';
import { TOPICS } from '@app/contracts';
import { ServiceTestApp, startServiceTestApp } from '@app/platform/test-support/service-test-app';
import { insertTestClient, linkTestTherapist } from '../access/test-support/client-fixtures';
import {
  errorCodes,
  reportAdverseEvent,
  reportInput,
} from '../adverse-events/test-support/adverse-event-fixtures';
import { clientRecordDefinition } from '../client-record.definition';
import { ClientRecordModule } from '../client-record.module';

const TRAIL = `query($filter: AuditTrailFilterInput, $first: Int, $after: String) {
  auditTrail(filter: $filter, first: $first, after: $after) {
    edges { cursor node { id occurredAt actorSubject actorRole actorTherapistId clinicId clientId
                          recordType recordId action correlationId } }
    pageInfo { hasNextPage endCursor } } }`;
const READ_EVENTS = 'query($clientId: ID!) { adverseEvents(clientId: $clientId) { id } }';

interface TrailNode {
  id: string;
  occurredAt: string;
  actorSubject: string;
  actorRole: string;
  actorTherapistId: string | null;
  clinicId: string | null;
  clientId: string | null;
  recordType: string;
  recordId: string | null;
  action: string;
  correlationId: string;
}

interface TrailPage {
  auditTrail: {
    edges: { cursor: string; node: TrailNode }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

describe('client-record audit trail', () => {
  let app: ServiceTestApp;
  const leeds = randomUUID();
  const therapistId = randomUUID();
  let headOffice: string;
  let clinicalLead: string;

  beforeAll(async () => {
    app = await startServiceTestApp(clientRecordDefinition, ClientRecordModule.forRoot, {
      watchTopics: [TOPICS.clientRecord],
    });
    headOffice = await app.token({ role: 'head_office_admin', subject: 'ho-auditor' });
    clinicalLead = await app.token({ role: 'clinical_lead', subject: 'lead-auditor' });
  });

  afterAll(async () => {
    await app.close();
  });

  async function treatedClient(): Promise<{ clientId: string; therapist: string }> {
    const clientId = await insertTestClient(app.dataSource, { clinicIds: [leeds] });
    await linkTestTherapist(app.dataSource, { clientId, therapistId, clinicId: leeds });
    const therapist = await app.token({
      role: 'therapist',
      clinicIds: [leeds],
      therapistId,
      subject: `therapist-${randomUUID()}`,
    });
    return { clientId, therapist };
  }

  async function auditCount(): Promise<number> {
    const rows = await app.dataSource.query<{ n: string }[]>('SELECT count(*) AS n FROM audit_log');
    return Number(rows[0]?.n);
  }

  async function gqlWithCorrelation(
    query: string,
    variables: Record<string, unknown>,
    token: string,
    correlationId: string,
  ): Promise<{ errors?: unknown }> {
    const response = await fetch(app.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
        'x-correlation-id': correlationId,
      },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as { errors?: unknown };
  }

  it('the service role cannot change or delete audit rows', async () => {
    const { clientId, therapist } = await treatedClient();
    await app.gql(READ_EVENTS, { clientId }, therapist);
    const before = await app.dataSource.query<{ id: string; action: string }[]>(
      'SELECT id::text AS id, action FROM audit_log WHERE client_id = $1',
      [clientId],
    );
    expect(before).toHaveLength(1);
    await expect(
      app.dataSource.query(`UPDATE audit_log SET action = 'create' WHERE client_id = $1`, [
        clientId,
      ]),
    ).rejects.toThrow(/permission denied/);
    await expect(
      app.dataSource.query('DELETE FROM audit_log WHERE client_id = $1', [clientId]),
    ).rejects.toThrow(/permission denied/);
    const after = await app.dataSource.query<{ id: string; action: string }[]>(
      'SELECT id::text AS id, action FROM audit_log WHERE client_id = $1',
      [clientId],
    );
    expect(after).toEqual(before);
  });

  it('records who, role, clinic, client, what, action, when and the request’s correlation id', async () => {
    const { clientId, therapist } = await treatedClient();
    const reported = await reportAdverseEvent(app, therapist, clientId, reportInput(leeds));
    const correlationId = `audit-spec-${randomUUID()}`;
    const startedAt = Date.now();
    const read = await gqlWithCorrelation(READ_EVENTS, { clientId }, therapist, correlationId);
    expect(read.errors).toBeUndefined();

    const result = await app.gql<TrailPage>(
      TRAIL,
      { filter: { clientId, action: 'read', recordType: 'adverse_event' } },
      headOffice,
    );
    expect(result.errors).toBeUndefined();
    const nodes = result.data?.auditTrail.edges.map((edge) => edge.node) ?? [];
    expect(nodes).toEqual([
      {
        id: expect.any(String) as string,
        occurredAt: expect.any(String) as string,
        actorSubject: expect.stringMatching(/^therapist-/) as string,
        actorRole: 'therapist',
        actorTherapistId: therapistId,
        clinicId: leeds,
        clientId,
        recordType: 'adverse_event',
        recordId: reported.id,
        action: 'read',
        correlationId,
      },
    ]);
    const when = new Date(nodes[0]?.occurredAt ?? 0).getTime();
    expect(when).toBeGreaterThan(startedAt - 60_000);
    expect(when).toBeLessThanOrEqual(Date.now() + 1_000);
  });

  it('a denied or failed read leaves no audit row', async () => {
    const { clientId } = await treatedClient();
    const receptionist = await app.token({ role: 'receptionist', clinicIds: [leeds] });
    const stranger = await app.token({
      role: 'therapist',
      clinicIds: [leeds],
      therapistId: randomUUID(),
    });
    const manager = await app.token({ role: 'clinic_manager', clinicIds: [leeds] });
    const before = await auditCount();
    expect(errorCodes(await app.gql(READ_EVENTS, { clientId }, receptionist))).toEqual([
      'FORBIDDEN',
    ]);
    expect(errorCodes(await app.gql(READ_EVENTS, { clientId }, stranger))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await app.gql(READ_EVENTS, { clientId: randomUUID() }, headOffice))).toEqual([
      'CLIENT_NOT_FOUND',
    ]);
    expect(errorCodes(await app.gql(READ_EVENTS, { clientId: 'not-a-uuid' }, headOffice))).toEqual([
      'INVALID_CLIENT_ID',
    ]);
    expect(errorCodes(await app.gql(TRAIL, { filter: { clientId } }, manager))).toEqual([
      'FORBIDDEN',
    ]);
    expect(errorCodes(await app.gql(TRAIL, { filter: { clientId: 'nope' } }, headOffice))).toEqual([
      'INVALID_AUDIT_FILTER',
    ]);
    expect(await auditCount()).toBe(before);
  });

  it('is for head office only', async () => {
    const clientId = await insertTestClient(app.dataSource, { clinicIds: [leeds] });
    const refused = [
      await app.token({ role: 'clinic_manager', clinicIds: [leeds] }),
      await app.token({ role: 'receptionist', clinicIds: [leeds] }),
      await app.token({ role: 'therapist', clinicIds: [leeds], therapistId }),
      await app.token({ role: 'client', clientId }),
      await app.token({ role: 'integrator', clinicIds: [leeds], scopes: ['clients:read'] }),
    ];
    for (const token of refused) {
      expect(errorCodes(await app.gql(TRAIL, {}, token))).toEqual(['FORBIDDEN']);
    }
    for (const token of [headOffice, clinicalLead]) {
      expect((await app.gql<TrailPage>(TRAIL, { first: 1 }, token)).errors).toBeUndefined();
    }
  });

  it('audits reading the trail about a client (record type audit_trail)', async () => {
    const { clientId, therapist } = await treatedClient();
    await app.gql(READ_EVENTS, { clientId }, therapist);
    await app.gql(TRAIL, { filter: { clientId } }, clinicalLead);
    const rows = await app.dataSource.query<{ actor_subject: string; action: string }[]>(
      `SELECT actor_subject, action FROM audit_log WHERE client_id = $1 AND record_type = 'audit_trail'`,
      [clientId],
    );
    expect(rows).toEqual([{ actor_subject: 'lead-auditor', action: 'read' }]);
  });

  it('filters by actor, record type, action and time, and pages newest first', async () => {
    const { clientId, therapist } = await treatedClient();
    const actor = await app.token({
      role: 'clinic_manager',
      clinicIds: [leeds],
      subject: `manager-${randomUUID()}`,
    });
    const actorSubject = (
      JSON.parse(Buffer.from(actor.split('.')[1] ?? '', 'base64url').toString()) as {
        sub: string;
      }
    ).sub;
    const from = new Date(Date.now() - 1_000).toISOString();
    for (let i = 0; i < 3; i += 1) {
      await app.gql(READ_EVENTS, { clientId }, actor);
    }
    await reportAdverseEvent(app, therapist, clientId, reportInput(leeds));

    const seen: TrailNode[] = [];
    let after: string | null = null;
    for (let page = 0; page < 5; page += 1) {
      const result: { data?: TrailPage | null } = await app.gql<TrailPage>(
        TRAIL,
        {
          filter: { actorSubject, recordType: 'adverse_event', action: 'read', from },
          first: 2,
          after,
        },
        headOffice,
      );
      const connection = result.data?.auditTrail;
      seen.push(...(connection?.edges.map((edge) => edge.node) ?? []));
      if (connection?.pageInfo.hasNextPage !== true) {
        break;
      }
      after = connection.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(3);
    expect(seen.every((node) => node.actorSubject === actorSubject && node.action === 'read')).toBe(
      true,
    );
    const ids = seen.map((node) => BigInt(node.id));
    expect([...ids].sort((a, b) => (a > b ? -1 : 1))).toEqual(ids);

    const future = await app.gql<TrailPage>(
      TRAIL,
      { filter: { actorSubject, from: new Date(Date.now() + 3_600_000).toISOString() } },
      headOffice,
    );
    expect(future.data?.auditTrail.edges).toEqual([]);
    const creates = await app.gql<TrailPage>(
      TRAIL,
      { filter: { clientId, action: 'create' } },
      headOffice,
    );
    expect(creates.data?.auditTrail.edges.map((edge) => edge.node.recordType)).toEqual([
      'adverse_event',
    ]);
  });

  it('refuses a bad cursor, page size or time range', async () => {
    expect(errorCodes(await app.gql(TRAIL, { after: 'x' }, headOffice))).toEqual([
      'INVALID_AUDIT_CURSOR',
    ]);
    expect(errorCodes(await app.gql(TRAIL, { first: 0 }, headOffice))).toEqual([
      'INVALID_PAGE_SIZE',
    ]);
    const now = new Date().toISOString();
    expect(
      errorCodes(await app.gql(TRAIL, { filter: { from: now, to: now } }, headOffice)),
    ).toEqual(['INVALID_AUDIT_FILTER']);
  });
});
