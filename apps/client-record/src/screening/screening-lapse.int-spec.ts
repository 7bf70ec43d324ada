import { randomUUID } from 'node:crypto';
import { envelopeSchema, platformCatalogue, TOPICS } from '@app/contracts';
import { OutboxWriter, typeormTransactions } from '@app/messaging';
import { createLogger } from '@app/observability';
import { ServiceTestApp, startServiceTestApp } from '@app/platform/test-support/service-test-app';
import { ClientScopeRepository } from '../access/client-scope.repository';
import { insertTestClient } from '../access/test-support/client-fixtures';
import { AuditRepository } from '../audit/audit.repository';
import { AuditWriter } from '../audit/audit.writer';
import { clientRecordDefinition } from '../client-record.definition';
import { ClientRecordModule } from '../client-record.module';
import { addDays } from './domain/calendar-date';
import { lapsesOn } from './domain/screening-lapse';
import { ScreeningLapseJob } from './screening-lapse.job';
import { ScreeningRepository } from './screening.repository';
import {
  auditRows,
  ELIGIBILITY_STATUS,
  EligibilityView,
  insertOldScreening,
  RECORD_SCREENING,
  screeningInput,
  todayUtc,
} from './test-support/screening-fixtures';

describe(ScreeningLapseJob.name, () => {
  const leeds = randomUUID();
  const today = todayUtc();
  let app: ServiceTestApp;
  let headOffice: string;

  beforeAll(async () => {
    app = await startServiceTestApp(clientRecordDefinition, ClientRecordModule.forRoot, {
      watchTopics: [TOPICS.clientRecord],
    });
    headOffice = await app.token({ role: 'head_office_admin' });
  });

  afterAll(async () => {
    await app.close();
  });

  /** Another replica of the job, or the service after a restart. */
  function replica(): ScreeningLapseJob {
    return new ScreeningLapseJob(
      new ScreeningRepository(),
      new ClientScopeRepository(),
      new AuditWriter(new AuditRepository()),
      new OutboxWriter(),
      typeormTransactions(app.dataSource),
      createLogger({ service: 'client-record', level: 'silent', format: 'json' }),
    );
  }

  /** A client screened `monthsAgo`... via a screening done on `screenedOn`. */
  async function clientScreenedOn(
    screenedOn: string,
  ): Promise<{ clientId: string; screeningId: string }> {
    const clientId = await insertTestClient(app.dataSource, { clinicIds: [leeds] });
    const screeningId = await insertOldScreening(app, {
      clientId,
      clinicId: leeds,
      screenedOn,
      lapsesOn: lapsesOn(screenedOn),
    });
    return { clientId, screeningId };
  }

  async function lapseEvents(clientId: string): Promise<string[]> {
    const rows = await app.dataSource.query<{ status: string }[]>(
      `SELECT envelope->'data'->>'status' AS status FROM outbox
       WHERE message_key = $1 AND event_type = 'eligibility.changed'
         AND envelope->'data'->>'cause' = 'lapse'`,
      [clientId],
    );
    return rows.map((row) => row.status);
  }

  it('lapses a screening on its lapse day, once, with event and audit row', async () => {
    const screenedOn = addDays(today, -100);
    const { clientId, screeningId } = await clientScreenedOn(screenedOn);
    const lapseDay = lapsesOn(screenedOn);
    const job = replica();

    const dayBefore = await job.runFor(addDays(lapseDay, -1));
    expect(dayBefore.lapsed).not.toContain(screeningId);
    expect(await lapseEvents(clientId)).toEqual([]);

    const onTheDay = await job.runFor(lapseDay);
    expect(onTheDay).toMatchObject({ ran: true, failed: [] });
    expect(onTheDay.lapsed).toContain(screeningId);
    await job.runFor(lapseDay);
    await replica().runFor(addDays(lapseDay, 3));
    expect(await lapseEvents(clientId)).toEqual(['lapsed']);

    const event = await app.event(
      'eligibility.changed',
      (e) => e.aggregateId === clientId && (e.data as { cause: string }).cause === 'lapse',
    );
    expect(envelopeSchema.safeParse(event).success).toBe(true);
    expect(platformCatalogue.find(event.type, 1)?.schema.safeParse(event.data).success).toBe(true);
    expect(event).toMatchObject({
      clinicId: leeds,
      actor: { type: 'system', id: 'screening-lapse-job' },
      data: {
        clientId,
        clinicIds: [leeds],
        screeningId,
        status: 'lapsed',
        cause: 'lapse',
        validUntil: addDays(lapseDay, -1),
      },
    });
    expect(await auditRows(app, clientId)).toEqual([
      {
        record_type: 'eligibility',
        action: 'create',
        actor_role: 'system',
        record_id: expect.any(String) as string,
      },
    ]);
  });

  it('catches up after downtime: a screening that lapsed days ago lapses on the next run', async () => {
    const { clientId, screeningId } = await clientScreenedOn(addDays(today, -400));
    const result = await replica().runFor(today);
    expect(result.lapsed).toContain(screeningId);
    expect(await lapseEvents(clientId)).toEqual(['lapsed']);
  });

  it('reads lapsed from the lapse day even before the job has run', async () => {
    const { clientId } = await clientScreenedOn(addDays(today, -370));
    const status = await app.gql<{ eligibility: EligibilityView }>(
      ELIGIBILITY_STATUS,
      { clientId },
      headOffice,
    );
    expect(status.data?.eligibility).toMatchObject({ status: 'lapsed', cause: 'lapse' });
    expect(await lapseEvents(clientId)).toEqual([]);
  });

  it('does not lapse a screening a newer one superseded', async () => {
    const { clientId, screeningId } = await clientScreenedOn(addDays(today, -200));
    const newer = await app.gql(
      RECORD_SCREENING,
      { clientId, input: screeningInput() },
      headOffice,
    );
    expect(newer.errors).toBeUndefined();
    const result = await replica().runFor(lapsesOn(addDays(today, -200)));
    expect(result.lapsed).not.toContain(screeningId);
    expect(await lapseEvents(clientId)).toEqual([]);
  });

  it('lapses once when two replicas run at the same moment', async () => {
    const { clientId, screeningId } = await clientScreenedOn(addDays(today, -366));
    const results = await Promise.all([replica().runFor(today), replica().runFor(today)]);
    expect(results.flatMap((r) => r.lapsed).filter((id) => id === screeningId)).toEqual([
      screeningId,
    ]);
    expect(await lapseEvents(clientId)).toEqual(['lapsed']);
  });

  it('skips the run while another replica holds the lock', async () => {
    const { clientId } = await clientScreenedOn(addDays(today, -380));
    const runner = app.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      await runner.query(
        `SELECT pg_advisory_xact_lock(hashtextextended('client-record:screening-lapse-job', 0))`,
      );
      expect(await replica().runFor(today)).toMatchObject({ ran: false, lapsed: [] });
      await runner.rollbackTransaction();
    } finally {
      await runner.release();
    }
    expect(await lapseEvents(clientId)).toEqual([]);
    expect((await replica().runFor(today)).ran).toBe(true);
    expect(await lapseEvents(clientId)).toEqual(['lapsed']);
  });
});
