import { randomUUID } from 'node:crypto';
import { envelopeSchema, platformCatalogue, TOPICS } from '@app/contracts';
import { OutboxWriter, typeormTransactions } from '@app/messaging';
import { createLogger } from '@app/observability';
import { startServiceTestApp, ServiceTestApp } from '@app/platform/test-support/service-test-app';
import { AuditRepository } from '../audit/audit.repository';
import { AuditWriter } from '../audit/audit.writer';
import { insertTestClient, linkTestTherapist } from '../access/test-support/client-fixtures';
import { clientRecordDefinition } from '../client-record.definition';
import { addDays, utcDateOf } from './domain/calendar-date';
import { systemClock } from './gdpr-clock';
import { GdprRepository } from './gdpr.repository';
import { PurgeRunResult, RetentionPurgeJob } from './retention-purge.job';
import {
  clientRecordWithTestSection,
  GdprTestHandles,
  TestSubjectDataSection,
} from './test-support/test-subject-data';

const ERASE = `mutation Erase($clientId: ID!, $reason: String) {
  requestErasure(clientId: $clientId, reason: $reason) { retentionUntil }
}`;

describe(RetentionPurgeJob.name, () => {
  const today = utcDateOf(new Date());
  const section = new TestSubjectDataSection();
  const handles: GdprTestHandles = {};
  const leeds = randomUUID();
  const york = randomUUID();
  let app: ServiceTestApp;
  let headOffice: string;

  beforeAll(async () => {
    app = await startServiceTestApp(
      clientRecordDefinition,
      clientRecordWithTestSection(section, handles),
      { watchTopics: [TOPICS.clientRecord] },
    );
    headOffice = await app.token({ role: 'head_office_admin' });
  });

  afterAll(async () => {
    await app.close();
  });

  function job(): RetentionPurgeJob {
    if (handles.job === undefined) {
      throw new Error('the purge job was not handed out');
    }
    return handles.job;
  }

  /** A second instance over the same database: another replica, or the service restarted. */
  function replica(): RetentionPurgeJob {
    if (handles.registry === undefined) {
      throw new Error('the registry was not handed out');
    }
    return new RetentionPurgeJob(
      new GdprRepository(),
      handles.registry,
      new AuditWriter(new AuditRepository()),
      new OutboxWriter(),
      typeormTransactions(app.dataSource),
      createLogger({ service: 'client-record', level: 'silent', format: 'json' }),
      systemClock,
    );
  }

  /** An erased client, treated last on `lastTreatmentOn` (null: never treated). */
  async function erasedClient(lastTreatmentOn: string | null): Promise<string> {
    const id = await insertTestClient(app.dataSource, { clinicIds: [leeds, york] });
    if (lastTreatmentOn !== null) {
      await linkTestTherapist(app.dataSource, {
        clientId: id,
        therapistId: randomUUID(),
        clinicId: leeds,
        status: 'treated',
        startsAt: new Date(`${lastTreatmentOn}T10:00:00Z`),
      });
    }
    section.notes.set(id, { note: 'call after 5pm', painScore: 4, lastTreatmentOn });
    const res = await app.gql(ERASE, { clientId: id, reason: 'moving away' }, headOffice);
    expect(res.errors).toBeUndefined();
    return id;
  }

  async function stateOf(clientId: string): Promise<{
    client: number;
    clinics: number;
    care: number;
    audit: string[];
    request: { purged: boolean; reason: string | null } | undefined;
    noted: boolean;
  }> {
    const count = async (sql: string): Promise<number> =>
      Number((await app.dataSource.query<{ n: string }[]>(sql, [clientId]))[0]?.n);
    const requests = await app.dataSource.query<{ purged: boolean; reason: string | null }[]>(
      'SELECT purged_at IS NOT NULL AS purged, reason FROM erasure_request WHERE client_id = $1',
      [clientId],
    );
    const audit = await app.dataSource.query<{ entry: string }[]>(
      `SELECT actor_subject || ' ' || record_type || ' ' || action AS entry FROM audit_log
        WHERE client_id = $1 ORDER BY id`,
      [clientId],
    );
    return {
      client: await count('SELECT count(*) AS n FROM client WHERE id = $1'),
      clinics: await count('SELECT count(*) AS n FROM client_clinic WHERE client_id = $1'),
      care: await count('SELECT count(*) AS n FROM care_relationship WHERE client_id = $1'),
      audit: audit.map((row) => row.entry),
      request: requests[0],
      noted: section.notes.has(clientId),
    };
  }

  async function purgedEvents(clientId: string): Promise<number> {
    const rows = await app.dataSource.query<{ n: string }[]>(
      `SELECT count(*) AS n FROM outbox WHERE message_key = $1 AND event_type = 'client.purged'`,
      [clientId],
    );
    return Number(rows[0]?.n);
  }

  it('purges a due client completely, keeping only the audit trail and the request record', async () => {
    const id = await erasedClient(null);
    const result = await job().runFor(today);
    expect(result.ran).toBe(true);
    expect(result.purged).toContain(id);
    expect(result.failed).not.toContain(id);

    expect(await stateOf(id)).toEqual({
      client: 0,
      clinics: 0,
      care: 0,
      audit: ['dev-head_office_admin erasure erase', 'system:client-record erasure purge'],
      request: { purged: true, reason: null },
      noted: false,
    });
    const event = await app.event('client.purged', (e) => e.aggregateId === id);
    expect(envelopeSchema.safeParse(event).success).toBe(true);
    expect(platformCatalogue.find(event.type, 1)?.schema.safeParse(event.data).success).toBe(true);
    expect(event).toMatchObject({
      clinicId: leeds,
      actor: { type: 'system', id: 'retention-purge-job' },
      data: { clientId: id, clinicIds: expect.arrayContaining([leeds, york]) as string[] },
    });
    // The client is gone for every caller.
    const res = await app.gql(
      `query ($id: ID!) { subjectAccessExport(clientId: $id) }`,
      { id },
      headOffice,
    );
    expect(res.errors?.[0]?.extensions?.code).toBe('CLIENT_NOT_FOUND');
  });

  it('does nothing before the retention date and purges on it', async () => {
    const lastTreatmentOn = addDays(today, -30);
    const id = await erasedClient(lastTreatmentOn);
    const [request] = await app.dataSource.query<{ retention_until: string }[]>(
      'SELECT retention_until::text AS retention_until FROM erasure_request WHERE client_id = $1',
      [id],
    );
    const retentionUntil = request?.retention_until ?? '';
    expect(retentionUntil > addDays(today, 7 * 365)).toBe(true);

    for (const day of [today, addDays(retentionUntil, -1)]) {
      const early = await job().runFor(day);
      expect(early.purged).not.toContain(id);
    }
    expect(await stateOf(id)).toMatchObject({
      client: 1,
      clinics: 2,
      care: 1,
      request: { purged: false, reason: 'moving away' },
      noted: true,
    });
    expect(section.notes.get(id)).toMatchObject({ note: null, painScore: 4 });

    const due = await job().runFor(retentionUntil);
    expect(due.purged).toContain(id);
    expect(await stateOf(id)).toMatchObject({ client: 0, care: 0, noted: false });
  });

  it('catches up after downtime: a run purges everything due on earlier days too', async () => {
    const id = await erasedClient(null);
    const result = await job().runFor(addDays(today, 40));
    expect(result.purged).toContain(id);
  });

  it('is idempotent: a second run, or a restart, purges nothing again', async () => {
    const id = await erasedClient(null);
    expect((await job().runFor(today)).purged).toContain(id);
    const auditAfterFirst = (await stateOf(id)).audit;
    const purgeCalls = section.calls.filter((c) => c.method === 'purge' && c.clientId === id);

    const again = await job().runFor(today);
    expect(again.purged).not.toContain(id);
    const restarted = await replica().runFor(today);
    expect(restarted.ran).toBe(true);
    expect(restarted.purged).not.toContain(id);
    expect((await stateOf(id)).audit).toEqual(auditAfterFirst);
    expect(section.calls.filter((c) => c.method === 'purge' && c.clientId === id)).toEqual(
      purgeCalls,
    );
    expect(await purgedEvents(id)).toBe(1);
  });

  it('still purges the other clients when one section fails for one client, and retries it', async () => {
    const broken = await erasedClient(null);
    const healthy = await erasedClient(null);
    section.failFor.add(broken);
    let partial: PurgeRunResult;
    try {
      partial = await job().runFor(today);
    } finally {
      section.failFor.delete(broken);
    }
    expect(partial.purged).toContain(healthy);
    expect(partial.failed).toEqual([broken]);
    expect(await stateOf(healthy)).toMatchObject({ client: 0, request: { purged: true } });
    // Nothing of the failed client's purge was kept: its transaction rolled back.
    expect(await stateOf(broken)).toMatchObject({
      client: 1,
      clinics: 2,
      audit: ['dev-head_office_admin erasure erase'],
      request: { purged: false, reason: 'moving away' },
      noted: true,
    });
    expect(await purgedEvents(broken)).toBe(0);

    const retry = await job().runFor(today);
    expect(retry.purged).toEqual([broken]);
    expect(retry.failed).toEqual([]);
    expect(await stateOf(broken)).toMatchObject({ client: 0, request: { purged: true } });
  });

  it('leaves the run to the replica holding the lock', async () => {
    const id = await erasedClient(null);
    const runner = app.dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      await runner.query(
        `SELECT pg_advisory_xact_lock(hashtextextended('client-record:retention-purge-job', 0))`,
      );
      const skipped = await replica().runFor(today);
      expect(skipped).toEqual({ ran: false, today, purged: [], failed: [] });
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
    expect((await stateOf(id)).client).toBe(1);
    expect((await job().runFor(today)).purged).toContain(id);
  });

  it('rejects a day that is not a calendar date', async () => {
    await expect(job().runFor('2026-02-30')).rejects.toThrow(RangeError);
  });
});
