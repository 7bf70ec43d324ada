import { envelopeSchema, platformCatalogue, TOPICS } from '@app/contracts';
import { OutboxWriter, typeormTransactions } from '@app/messaging';
import { createLogger } from '@app/observability';
import { ServiceTestApp, startServiceTestApp } from '@app/platform/test-support/service-test-app';
import { ClinicFactory } from '../clinics/test-support/clinic-factory';
import { TherapistRosterModule } from '../therapist-roster.module';
import { therapistRosterDefinition } from '../therapist-roster.definition';
import { addDays, utcDateOf } from '../therapists/domain/calendar-date';
import { TherapistFactory } from '../therapists/test-support/therapist-factory';
import { CertificationExpiryJob, ExpiryRunResult } from './certification-expiry.job';
import { CertificationsRepository } from './certifications.repository';
import { CertificationFactory } from './test-support/certification-factory';

describe(CertificationExpiryJob.name, () => {
  const today = utcDateOf(new Date());
  let app: ServiceTestApp;
  let headOffice: string;
  let leeds: string;
  let therapists: TherapistFactory;
  let certifications: CertificationFactory;

  beforeAll(async () => {
    app = await startServiceTestApp(therapistRosterDefinition, TherapistRosterModule.forRoot, {
      watchTopics: [TOPICS.roster],
    });
    headOffice = await app.token({ role: 'head_office_admin' });
    leeds = (await new ClinicFactory(app, headOffice).clinic({ name: 'Leeds' })).id;
    therapists = new TherapistFactory(app, headOffice);
    certifications = new CertificationFactory(app, headOffice);
  });

  afterAll(async () => {
    await app.close();
  });

  /**
   * A job instance of its own over the app's database: a second replica, or the same
   * service after a restart. The app's own instance ran at start-up (on an empty database).
   */
  function replica(): CertificationExpiryJob {
    return new CertificationExpiryJob(
      new CertificationsRepository(app.dataSource),
      new OutboxWriter(),
      typeormTransactions(app.dataSource),
      createLogger({ service: 'therapist-roster', level: 'silent', format: 'json' }),
    );
  }

  async function certificationExpiringOn(expiresOn: string): Promise<string> {
    const therapist = await therapists.therapist({ clinicIds: [leeds] });
    return (await certifications.certification({ therapistId: therapist.id, expiresOn })).id;
  }

  /** The expiry events written to the outbox for a certification, oldest first. */
  async function notices(certificationId: string): Promise<string[]> {
    const rows = await app.dataSource.query<{ notice: string }[]>(
      `SELECT coalesce(envelope->'data'->>'notice', event_type) AS notice FROM outbox
       WHERE message_key = $1 AND event_type IN ('certification.expiring', 'certification.expired')
       ORDER BY id`,
      [certificationId],
    );
    return rows.map((row) => row.notice);
  }

  it('sends the 30-day warning, the 7-day warning and the expiry, each once', async () => {
    const id = await certificationExpiringOn(addDays(today, 30));
    const job = replica();

    const first = await job.runFor(today);
    expect(first.ran).toBe(true);
    expect(first.sent).toContainEqual({ certificationId: id, notice: 'expiring_30' });
    const event = await app.event('certification.expiring', (e) => e.aggregateId === id);
    expect(envelopeSchema.safeParse(event).success).toBe(true);
    expect(platformCatalogue.find(event.type, 1)?.schema.safeParse(event.data).success).toBe(true);
    expect(event).toMatchObject({
      clinicId: leeds,
      actor: { type: 'system', id: 'certification-expiry-job' },
      data: {
        certificationId: id,
        notice: 'expiring_30',
        daysUntilExpiry: 30,
        status: 'expiring_soon',
        expiresOn: addDays(today, 30),
      },
    });

    await job.runFor(today);
    await job.runFor(addDays(today, 1));
    expect(await notices(id)).toEqual(['expiring_30']);

    await job.runFor(addDays(today, 23));
    await job.runFor(addDays(today, 23));
    expect(await notices(id)).toEqual(['expiring_30', 'expiring_7']);

    await job.runFor(addDays(today, 30));
    await job.runFor(addDays(today, 31));
    expect(await notices(id)).toEqual(['expiring_30', 'expiring_7', 'certification.expired']);
    const expired = await app.event('certification.expired', (e) => e.aggregateId === id);
    expect(expired.data).toMatchObject({ status: 'expired', renewed: false });
  });

  it('still sends the other notices when one certification fails, and retries it', async () => {
    const broken = await certificationExpiringOn(addDays(today, 30));
    const healthy = await certificationExpiringOn(addDays(today, 30));
    // A real database failure for one certification only: its notice row is refused.
    await app.dataSource.query(`
      CREATE FUNCTION pg_temp_refuse_notice() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.certification_id = '${broken}' THEN
          RAISE EXCEPTION 'refusing the notice of certification %', NEW.certification_id;
        END IF;
        RETURN NEW;
      END $$`);
    await app.dataSource.query(`
      CREATE TRIGGER refuse_notice BEFORE INSERT ON certification_notice
      FOR EACH ROW EXECUTE FUNCTION pg_temp_refuse_notice()`);
    let partial: ExpiryRunResult;
    try {
      partial = await replica().runFor(today);
    } finally {
      await app.dataSource.query('DROP TRIGGER refuse_notice ON certification_notice');
      await app.dataSource.query('DROP FUNCTION pg_temp_refuse_notice()');
    }
    expect(partial.ran).toBe(true);
    expect(partial.sent).toContainEqual({ certificationId: healthy, notice: 'expiring_30' });
    expect(partial.failed).toEqual([{ certificationId: broken, notice: 'expiring_30' }]);
    expect(await notices(healthy)).toEqual(['expiring_30']);
    expect(await notices(broken)).toEqual([]);
    expect(
      await app.dataSource.query('SELECT 1 FROM certification_notice WHERE certification_id = $1', [
        broken,
      ]),
    ).toEqual([]);

    // The retry sends only what is missing: the failed notice, never the healthy one again.
    const retry = await replica().runFor(today);
    const ours = new Set([broken, healthy]);
    expect(retry.sent.filter((s) => ours.has(s.certificationId))).toEqual([
      { certificationId: broken, notice: 'expiring_30' },
    ]);
    expect(retry.failed).toEqual([]);
    expect(await notices(broken)).toEqual(['expiring_30']);
    expect(await notices(healthy)).toEqual(['expiring_30']);
  });

  it('sends one event when run twice for the same day, even after a restart', async () => {
    const id = await certificationExpiringOn(addDays(today, 7));
    await replica().runFor(today);
    const restarted = await replica().runFor(today);
    expect(restarted.sent).toEqual([]);
    expect(await notices(id)).toEqual(['expiring_7']);
  });

  it('sends one event when two replicas run at the same moment', async () => {
    const id = await certificationExpiringOn(addDays(today, 30));
    const results = await Promise.all([replica().runFor(today), replica().runFor(today)]);
    const sentForIt = results.flatMap((r) => r.sent).filter((s) => s.certificationId === id);
    expect(sentForIt).toEqual([{ certificationId: id, notice: 'expiring_30' }]);
    expect(await notices(id)).toEqual(['expiring_30']);
  });

  it('skips the run while another replica holds the lock', async () => {
    const id = await certificationExpiringOn(addDays(today, 30));
    const runner = app.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      await runner.query(
        `SELECT pg_advisory_xact_lock(hashtextextended('therapist-roster:certification-expiry-job', 0))`,
      );
      const skipped = await replica().runFor(today);
      expect(skipped).toMatchObject({ ran: false, sent: [] });
      await runner.rollbackTransaction();
    } finally {
      await runner.release();
    }
    expect(await notices(id)).toEqual([]);
    expect((await replica().runFor(today)).ran).toBe(true);
    expect(await notices(id)).toEqual(['expiring_30']);
  });

  it('catches up after downtime with the most urgent notice only, never a stale one', async () => {
    const id = await certificationExpiringOn(addDays(today, 5));
    const job = replica();
    await job.runFor(today);
    await job.runFor(addDays(today, 1));
    expect(await notices(id)).toEqual(['expiring_7']);

    const missedEverything = await certificationExpiringOn(addDays(today, -3));
    await job.runFor(today);
    expect(await notices(missedEverything)).toEqual(['certification.expired']);
  });

  it('warns no one about revoked certifications or therapists who left', async () => {
    const revoked = await certificationExpiringOn(addDays(today, 7));
    await app.gql(
      'mutation($id: ID!) { revokeCertification(id: $id, reason: "withdrawn") { id } }',
      { id: revoked },
      headOffice,
    );
    const therapist = await therapists.therapist({ clinicIds: [leeds] });
    const ofLeaver = (
      await certifications.certification({
        therapistId: therapist.id,
        expiresOn: addDays(today, 7),
      })
    ).id;
    await app.gql(
      'mutation($id: ID!) { markTherapistLeft(id: $id) { id } }',
      { id: therapist.id },
      headOffice,
    );

    await replica().runFor(today);
    await replica().runFor(addDays(today, 7));
    expect(await notices(revoked)).toEqual([]);
    expect(await notices(ofLeaver)).toEqual([]);
  });

  it('does not warn about a certification already renewed, but reports its expiry', async () => {
    const therapist = await therapists.therapist({ clinicIds: [leeds] });
    const old = await certifications.certification({
      therapistId: therapist.id,
      type: 'chronic_pain_cpd',
      expiresOn: addDays(today, 7),
    });
    await certifications.certification({
      therapistId: therapist.id,
      type: 'chronic_pain_cpd',
      issuedOn: addDays(today, -1),
      expiresOn: addDays(today, 400),
    });
    await replica().runFor(today);
    expect(await notices(old.id)).toEqual([]);
    await replica().runFor(addDays(today, 7));
    expect(await notices(old.id)).toEqual(['certification.expired']);
    const expired = await app.event('certification.expired', (e) => e.aggregateId === old.id);
    expect(expired.data).toMatchObject({ renewed: true });
  });
});
