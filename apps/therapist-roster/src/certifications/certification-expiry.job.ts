import { randomUUID } from 'node:crypto';
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
import { runWithContext } from '@app/observability/request-context';
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
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  /** Runs in this process one at a time (the lock serialises across processes). */
  private queue: Promise<unknown> = Promise.resolve();
  /** Failed or partial scheduled runs in a row (0 after a complete one). */
  private failedRuns = 0;

  constructor(
    private readonly certifications: CertificationsRepository,
    private readonly outbox: OutboxWriter,
    @Inject(TRANSACTIONS) private readonly transactions: TransactionRunner<Tx>,
    @Inject(PLATFORM_LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    this.tick();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.queue;
  }

  /** Sends the notices due on `today` ("YYYY-MM-DD"); safe to call any number of times. */
  async runFor(today: CalendarDate): Promise<ExpiryRunResult> {
    if (!isCalendarDate(today)) {
      throw new RangeError(`"${today}" is not a calendar date; use YYYY-MM-DD`);
    }
    const run = this.queue.then(() =>
      runWithContext({ correlationId: randomUUID(), actor: JOB_ACTOR }, () => this.runOnce(today)),
    );
    this.queue = run.catch(() => undefined);
    return run;
  }

  private tick(): void {
    if (this.stopped) {
      return;
    }
    this.runFor(utcDateOf(new Date()))
      .then(
        (result) => {
          this.failedRuns = result.failed.length > 0 ? this.failedRuns + 1 : 0;
          const summary = {
            job: 'certification-expiry',
            ran: result.ran,
            sent: result.sent.length,
            failed: result.failed.length,
          };
          const message = `certification expiry run for ${result.today}: ${result.sent.length} notice(s) sent, ${result.failed.length} failed`;
          if (result.failed.length > 0) {
            this.logger.warn(summary, `${message}; it will be retried`);
          } else {
            this.logger.info(summary, message);
          }
        },
        (error: unknown) => {
          this.failedRuns += 1;
          this.logger.error(
            { job: 'certification-expiry', err: error },
            'certification expiry run failed; it will be retried',
          );
        },
      )
      .finally(() => this.scheduleNext())
      .catch(() => undefined);
  }

  private scheduleNext(): void {
    if (this.stopped) {
      return;
    }
    const now = new Date();
    const at = nextExpiryRunAt(now, this.failedRuns);
    this.timer = setTimeout(() => this.tick(), at.getTime() - now.getTime());
    this.timer.unref();
  }

  /**
   * The lock transaction stays open for the whole run (so replicas skip), while each notice
   * is written in a transaction of its own: one bad certification does not undo the rest.
   */
  private async runOnce(today: CalendarDate): Promise<ExpiryRunResult> {
    return this.transactions.run(async (lockTx) => {
      if (!(await this.certifications.tryLockExpiryJob(lockTx))) {
        return { ran: false, today, sent: [], failed: [] };
      }
      const candidates = await this.certifications.findExpiryCandidates(
        lockTx,
        today,
        addDays(today, NOTICE_HORIZON_DAYS),
      );
      const sent: { certificationId: string; notice: ExpiryNotice }[] = [];
      const failed: { certificationId: string; notice: ExpiryNotice }[] = [];
      for (const candidate of candidates) {
        const notice = dueNotice(candidate, today);
        if (notice === undefined) {
          continue;
        }
        const certificationId = candidate.certification.id;
        try {
          const recorded = await this.transactions.run(async (tx) => {
            if (!(await this.certifications.recordNotice(tx, certificationId, notice, today))) {
              return false;
            }
            await this.publish(tx, candidate, notice, today);
            return true;
          });
          if (recorded) {
            sent.push({ certificationId, notice });
          }
        } catch (error: unknown) {
          failed.push({ certificationId, notice });
          this.logger.error(
            { job: 'certification-expiry', certificationId, notice, err: error },
            `certification expiry notice ${notice} for certification ${certificationId} failed; skipped, the other notices are still sent and it will be retried`,
          );
        }
      }
      return { ran: true, today, sent, failed };
    });
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
