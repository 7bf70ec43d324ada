import { randomUUID } from 'node:crypto';
import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  OnApplicationBootstrap,
} from '@nestjs/common';
import type { Logger } from 'pino';
import { EligibilityChangedV1, EventActor } from '@app/contracts';
import type { Tx } from '@app/database';
import { OutboxWriter, TransactionRunner } from '@app/messaging';
import { PLATFORM_LOGGER } from '@app/observability/logging/platform-logger.token';
import { DailyJobSchedule, runEachUnderLock } from '@app/platform/jobs/daily-job-schedule';
import { TRANSACTIONS } from '@app/platform/platform.tokens';
import { ClientScopeRepository } from '../access/client-scope.repository';
import { SYSTEM_AUDIT_ACTOR } from '../audit/domain/audit-entry';
import { AuditWriter } from '../audit/audit.writer';
import { CalendarDate, isCalendarDate, utcDateOf } from './domain/calendar-date';
import { lapseReason } from './domain/eligibility';
import { nextLapseRunAt } from './domain/lapse-schedule';
import { validUntil } from './domain/screening-lapse';
import { LapseCandidate, ScreeningRepository } from './screening.repository';

export interface LapseRunResult {
  /** False when another replica held the job's lock and did (or is doing) the run. */
  readonly ran: boolean;
  readonly today: CalendarDate;
  /** Screenings whose lapse was recorded and published in this run. */
  readonly lapsed: readonly string[];
  /** Screenings that could not be lapsed this run (logged; a retry tries again). */
  readonly failed: readonly string[];
}

const JOB_ACTOR: EventActor = { type: 'system', id: 'screening-lapse-job' };

/**
 * The daily screening lapse job. A screening counts for 12 months; on its lapse day the
 * client's eligibility becomes `lapsed` and booking (which knows eligibility from events
 * only) must hear it. Durable: the lapse is an eligibility decision row (cause `lapse`, at
 * most one per screening by a unique index), written in the same transaction as its
 * eligibility.changed outbox event and its audit row, so it is published once whatever
 * restarts, retries or replicas happen. Runs at start-up (catching up on days missed while
 * the service was down) and then daily at 00:10 UTC; replicas race for an advisory lock and
 * only the holder runs. One transaction per screening: one failure does not undo the rest,
 * and a failed or partial run is retried after 1, 5 and 15 minutes.
 *
 * Reads never wait for the job: eligibility is computed as `lapsed` from the lapse day on
 * (domain/eligibility.ts); the job makes it durable and tells the other services.
 */
@Injectable()
export class ScreeningLapseJob implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly schedule: DailyJobSchedule<LapseRunResult>;

  constructor(
    private readonly screenings: ScreeningRepository,
    private readonly clients: ClientScopeRepository,
    private readonly audit: AuditWriter,
    private readonly outbox: OutboxWriter,
    @Inject(TRANSACTIONS) private readonly transactions: TransactionRunner<Tx>,
    @Inject(PLATFORM_LOGGER) private readonly logger: Logger,
  ) {
    this.schedule = new DailyJobSchedule({
      job: 'screening-lapse',
      actor: JOB_ACTOR,
      scheduledRun: () => this.runFor(utcDateOf(new Date())),
      nextRunAt: nextLapseRunAt,
      summarise: (result) => ({
        failed: result.failed.length,
        fields: { ran: result.ran, lapsed: result.lapsed.length },
        message: `screening lapse run for ${result.today}: ${result.lapsed.length} lapsed, ${result.failed.length} failed`,
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

  /** Lapses the screenings due by `today` ("YYYY-MM-DD"); safe to call any number of times. */
  async runFor(today: CalendarDate): Promise<LapseRunResult> {
    if (!isCalendarDate(today)) {
      throw new RangeError(`"${today}" is not a calendar date; use YYYY-MM-DD`);
    }
    return this.schedule.run(() => this.runOnce(today));
  }

  private async runOnce(today: CalendarDate): Promise<LapseRunResult> {
    const { ran, done, failed } = await runEachUnderLock({
      transactions: this.transactions,
      tryLock: (lockTx) => this.screenings.tryLockLapseJob(lockTx),
      items: (lockTx) => this.screenings.findLapseCandidates(lockTx, today),
      key: (candidate) => candidate.screeningId,
      each: (tx, candidate) => this.lapse(tx, candidate),
      onFailure: (candidate, error) =>
        this.logger.error(
          { job: 'screening-lapse', screeningId: candidate.screeningId, err: error },
          `lapsing screening ${candidate.screeningId} failed; skipped, the others still lapse and it will be retried`,
        ),
    });
    return { ran, today, lapsed: done, failed };
  }

  /** One screening's lapse: decision row, event and audit row together, or nothing. */
  private async lapse(tx: Tx, candidate: LapseCandidate): Promise<boolean> {
    await this.screenings.lockClientEligibility(tx, candidate.clientId);
    // A screening recorded since the candidates were read supersedes this one.
    if (!(await this.screenings.isLatestScreening(tx, candidate.clientId, candidate.screeningId))) {
      return false;
    }
    const decisionId = randomUUID();
    const recorded = await this.screenings.insertLapseDecision(tx, {
      id: decisionId,
      clientId: candidate.clientId,
      screeningId: candidate.screeningId,
      status: 'lapsed',
      cause: 'lapse',
      reasons: [lapseReason(candidate.screenedOn)],
      decidedBy: SYSTEM_AUDIT_ACTOR.subject,
      decidedByRole: SYSTEM_AUDIT_ACTOR.role,
      overrideReason: null,
      gpClearedOn: null,
      gpName: null,
      gpPractice: null,
      note: null,
    });
    if (!recorded) {
      return false;
    }
    const scope = await this.clients.scopeOf(tx, candidate.clientId, false);
    await this.outbox.append(tx, EligibilityChangedV1, {
      aggregateId: candidate.clientId,
      clinicId: candidate.clinicId,
      actor: JOB_ACTOR,
      data: {
        clientId: candidate.clientId,
        clinicIds: [...(scope?.clinicIds ?? [candidate.clinicId])],
        screeningId: candidate.screeningId,
        status: 'lapsed',
        validUntil: validUntil(candidate.screenedOn),
        cause: 'lapse',
      },
    });
    await this.audit.record(tx, SYSTEM_AUDIT_ACTOR, {
      clientId: candidate.clientId,
      clinicId: candidate.clinicId,
      recordType: 'eligibility',
      recordId: decisionId,
      action: 'create',
    });
    return true;
  }
}
