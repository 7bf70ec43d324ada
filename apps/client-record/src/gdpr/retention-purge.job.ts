import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  OnApplicationBootstrap,
} from '@nestjs/common';
import type { Logger } from 'pino';
import { ClientPurgedV1, EventActor } from '@app/contracts';
import type { Tx } from '@app/database';
import { OutboxWriter, TransactionRunner } from '@app/messaging';
import { PLATFORM_LOGGER } from '@app/observability/logging/platform-logger.token';
import { DailyJobSchedule, runEachUnderLock } from '@app/platform/jobs/daily-job-schedule';
import { TRANSACTIONS } from '@app/platform/platform.tokens';
import { AuditWriter } from '../audit/audit.writer';
import { SYSTEM_AUDIT_ACTOR } from '../audit/domain/audit-entry';
import { CalendarDate, isCalendarDate, utcDateOf } from './domain/calendar-date';
import { nextPurgeRunAt } from './domain/purge-schedule';
import { GDPR_CLOCK, GdprClock } from './gdpr-clock';
import { ErasureRequestRow, GdprRepository } from './gdpr.repository';
import { SubjectDataRegistry } from './subject-data.registry';

export interface PurgeRunResult {
  /** False when another replica held the job's lock and did (or is doing) the run. */
  readonly ran: boolean;
  readonly today: CalendarDate;
  /** Clients whose records were purged by this run. */
  readonly purged: readonly string[];
  /** Clients whose purge failed this run (logged; retried by the next run). */
  readonly failed: readonly string[];
}

const JOB_ACTOR: EventActor = { type: 'system', id: 'retention-purge-job' };

/**
 * The durable retention purge. Each erasure request records the day its clinical records
 * may go (`retention_until`); every run purges the requests due on or before its day that
 * are not purged yet, so a run after downtime catches up on every day missed. It runs at
 * start-up and daily at 00:30 UTC (retrying a failed or partial run sooner); replicas race
 * for a PostgreSQL advisory lock, held for the whole run, and only the holder runs.
 *
 * Each client is purged in ONE transaction of its own: every subject-data section's
 * `purge`, then the client row with its clinics and care relationships (audit rows stay:
 * they hold ids only), the request marked purged (its free-text reason cleared), an audit
 * row by the system and `client.purged` in the outbox. A client that fails is logged and
 * skipped; the others are still purged and the next run retries it. A purged request is
 * never purged again, so runs are idempotent.
 */
@Injectable()
export class RetentionPurgeJob implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly schedule: DailyJobSchedule<PurgeRunResult>;

  constructor(
    private readonly gdpr: GdprRepository,
    private readonly registry: SubjectDataRegistry,
    private readonly audit: AuditWriter,
    private readonly outbox: OutboxWriter,
    @Inject(TRANSACTIONS) private readonly transactions: TransactionRunner<Tx>,
    @Inject(PLATFORM_LOGGER) private readonly logger: Logger,
    @Inject(GDPR_CLOCK) private readonly clock: GdprClock,
  ) {
    this.schedule = new DailyJobSchedule({
      job: 'retention-purge',
      actor: JOB_ACTOR,
      scheduledRun: () => this.runFor(),
      nextRunAt: nextPurgeRunAt,
      summarise: (result) => ({
        failed: result.failed.length,
        fields: { ran: result.ran, purged: result.purged.length },
        message: `retention purge for ${result.today}: ${result.purged.length} client(s) purged, ${result.failed.length} failed`,
      }),
      logger,
    });
  }

  onApplicationBootstrap(): void {
    this.schedule.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.schedule.stop();
  }

  /** Purges what is due on `today` ("YYYY-MM-DD", default: the clock's UTC day). */
  async runFor(today: CalendarDate = utcDateOf(this.clock())): Promise<PurgeRunResult> {
    if (!isCalendarDate(today)) {
      throw new RangeError(`"${today}" is not a calendar date; use YYYY-MM-DD`);
    }
    return this.schedule.run(() => this.runOnce(today));
  }

  private async runOnce(today: CalendarDate): Promise<PurgeRunResult> {
    const { ran, done, failed } = await runEachUnderLock({
      transactions: this.transactions,
      tryLock: (lockTx) => this.gdpr.tryLockPurgeJob(lockTx),
      items: (lockTx) => this.gdpr.findDuePurges(lockTx, today),
      key: (request) => request.clientId,
      each: (tx, request) => this.purgeOne(tx, request),
      onFailure: (request, error) =>
        this.logger.error(
          { job: 'retention-purge', clientId: request.clientId, err: error },
          `purging the records of erased client ${request.clientId} (due ${request.retentionUntil}) failed; skipped, the other clients are still purged and it will be retried`,
        ),
    });
    return { ran, today, purged: done, failed };
  }

  /** Purges one client; false when the request was purged meanwhile. */
  private async purgeOne(tx: Tx, due: ErasureRequestRow): Promise<boolean> {
    const request = await this.gdpr.claimForPurge(tx, due.id);
    if (request === undefined) {
      return false;
    }
    const clientId = request.clientId;
    const clinicIds = await this.gdpr.clinicIdsOf(tx, clientId);
    for (const section of this.registry.sections()) {
      await section.purge(tx, clientId);
    }
    await this.gdpr.deleteClient(tx, clientId);
    const purgedAt = this.clock();
    await this.gdpr.markPurged(tx, request.id, purgedAt);
    const clinicId = clinicIds[0] ?? null;
    await this.audit.record(tx, SYSTEM_AUDIT_ACTOR, {
      clientId,
      clinicId,
      recordType: 'erasure',
      recordId: request.id,
      action: 'purge',
    });
    await this.outbox.append(tx, ClientPurgedV1, {
      aggregateId: clientId,
      clinicId,
      actor: JOB_ACTOR,
      data: { clientId, clinicIds, purgedAt: purgedAt.toISOString() },
    });
    return true;
  }
}
