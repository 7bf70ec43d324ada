import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  OnApplicationBootstrap,
} from '@nestjs/common';
import type { Logger } from 'pino';
import { CertificationExpiredV1, CertificationExpiringV1, EventActor } from '@app/contracts';
import type { Tx } from '@app/database';
import { OutboxWriter, TransactionRunner } from '@app/messaging';
import { PLATFORM_LOGGER } from '@app/observability/logging/platform-logger.token';
import { DailyJobSchedule, runEachUnderLock } from '@app/platform/jobs/daily-job-schedule';
import { TRANSACTIONS } from '@app/platform/platform.tokens';
import {
  addDays,
  CalendarDate,
  daysBetween,
  isCalendarDate,
  utcDateOf,
} from '../therapists/domain/calendar-date';
import { certificationStateOf } from './certification-event-data';
import { CertificationsRepository, ExpiryCandidate } from './certifications.repository';
import { dueNotice, ExpiryNotice, NOTICE_HORIZON_DAYS } from './domain/expiry-notice';
import { nextExpiryRunAt } from './domain/expiry-schedule';

export interface ExpiryRunResult {
  /** False when another replica held the job's lock and did (or is doing) the run. */
  readonly ran: boolean;
  readonly today: CalendarDate;
  readonly sent: readonly { readonly certificationId: string; readonly notice: ExpiryNotice }[];
  /** Notices that could not be sent this run (logged; the next run, a retry, tries again). */
  readonly failed: readonly { readonly certificationId: string; readonly notice: ExpiryNotice }[];
}

const JOB_ACTOR: EventActor = { type: 'system', id: 'certification-expiry-job' };

/**
 * The daily certification expiry job. Durable: what was sent lives in the
 * `certification_notice` table, written in the same transaction as the outbox event, so a
 * notice is sent once whatever restarts, retries or replicas happen. It runs at start-up
 * (catching up on days missed while the service was down) and then daily at 00:05 UTC;
 * replicas race for a PostgreSQL advisory lock and only the holder runs. Which notice is
 * due is `dueNotice` (domain/expiry-notice.ts).
 *
 * A run holds the advisory lock in a transaction of its own for its whole length, and sends
 * each due notice in ONE transaction per notice (notice row + outbox event together). A
 * notice that fails is logged and skipped, the others are still sent; a failed or partial
 * run is retried after 1, 5 and 15 minutes (`nextExpiryRunAt`) rather than the next day.
 * Only notices not yet recorded are sent, so retries never send one twice.
 */
@Injectable()
export class CertificationExpiryJob implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly schedule: DailyJobSchedule<ExpiryRunResult>;

  constructor(
    private readonly certifications: CertificationsRepository,
    private readonly outbox: OutboxWriter,
    @Inject(TRANSACTIONS) private readonly transactions: TransactionRunner<Tx>,
    @Inject(PLATFORM_LOGGER) private readonly logger: Logger,
  ) {
    this.schedule = new DailyJobSchedule({
      job: 'certification-expiry',
      actor: JOB_ACTOR,
      scheduledRun: () => this.runFor(utcDateOf(new Date())),
      nextRunAt: nextExpiryRunAt,
      summarise: (result) => ({
        failed: result.failed.length,
        fields: { ran: result.ran, sent: result.sent.length },
        message: `certification expiry run for ${result.today}: ${result.sent.length} notice(s) sent, ${result.failed.length} failed`,
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

  /** Sends the notices due on `today` ("YYYY-MM-DD"); safe to call any number of times. */
  async runFor(today: CalendarDate): Promise<ExpiryRunResult> {
    if (!isCalendarDate(today)) {
      throw new RangeError(`"${today}" is not a calendar date; use YYYY-MM-DD`);
    }
    return this.schedule.run(() => this.runOnce(today));
  }

  /** Each due notice is recorded and published in a transaction of its own. */
  private async runOnce(today: CalendarDate): Promise<ExpiryRunResult> {
    const { ran, done, failed } = await runEachUnderLock({
      transactions: this.transactions,
      tryLock: (lockTx) => this.certifications.tryLockExpiryJob(lockTx),
      items: async (lockTx) => {
        const horizon = addDays(today, NOTICE_HORIZON_DAYS);
        const candidates = await this.certifications.findExpiryCandidates(lockTx, today, horizon);
        return candidates.flatMap((candidate) => {
          const notice = dueNotice(candidate, today);
          return notice === undefined ? [] : [{ candidate, notice }];
        });
      },
      key: ({ candidate, notice }) => ({ certificationId: candidate.certification.id, notice }),
      each: async (tx, { candidate, notice }) => {
        if (
          !(await this.certifications.recordNotice(tx, candidate.certification.id, notice, today))
        ) {
          return false;
        }
        await this.publish(tx, candidate, notice, today);
        return true;
      },
      onFailure: ({ candidate, notice }, error) => {
        const certificationId = candidate.certification.id;
        this.logger.error(
          { job: 'certification-expiry', certificationId, notice, err: error },
          `certification expiry notice ${notice} for certification ${certificationId} failed; skipped, the other notices are still sent and it will be retried`,
        );
      },
    });
    return { ran, today, sent: done, failed };
  }

  private async publish(
    tx: Tx,
    candidate: ExpiryCandidate,
    notice: ExpiryNotice,
    today: CalendarDate,
  ): Promise<void> {
    const state = certificationStateOf(candidate.certification, today);
    const envelope = {
      aggregateId: candidate.certification.id,
      clinicId: candidate.primaryClinicId,
      actor: JOB_ACTOR,
    };
    switch (notice) {
      case 'expiring_30':
      case 'expiring_7':
        await this.outbox.append(tx, CertificationExpiringV1, {
          ...envelope,
          data: { ...state, notice, daysUntilExpiry: daysBetween(today, candidate.expiresOn) },
        });
        return;
      case 'expired':
        await this.outbox.append(tx, CertificationExpiredV1, {
          ...envelope,
          data: { ...state, renewed: candidate.renewed },
        });
        return;
      default: {
        const unreachable: never = notice;
        throw new Error(`unknown notice ${String(unreachable)}`);
      }
    }
  }
}
