import type { Logger } from 'pino';
import type { SqlRunner, TransactionRunner } from '@app/messaging';
import type { ContextActor } from '@app/observability/request-context';
import { DailyJobSchedule, runEachUnderLock } from './daily-job-schedule';

/** One run of a sweep: what it closed and what failed (retried by the next run). */
export interface SweepRunResult {
  /** False when another replica held the lock and did (or is doing) the run. */
  readonly ran: boolean;
  readonly expired: readonly string[];
  readonly failed: readonly string[];
}

export interface IntervalSweepOptions<Tx extends SqlRunner, I> {
  /** The job's name in its log lines ("booking-hold-expiry"). */
  readonly job: string;
  /** What one item is called in log lines ("hold", "waitlist entry"). */
  readonly itemName: string;
  readonly actor: ContextActor;
  /** Between runs; after failed runs in a row, up to four times as long. */
  readonly intervalMs: number;
  readonly transactions: TransactionRunner<Tx>;
  readonly logger: Pick<Logger, 'info' | 'warn' | 'error'>;
  /** The clock scheduled runs read. */
  readonly now: () => Date;
  /** Takes the sweep's advisory lock in the run's lock transaction; false: another replica has it. */
  readonly tryLock: (lockTx: Tx) => Promise<boolean>;
  /** The items due at `now`, read in the lock transaction. */
  readonly due: (lockTx: Tx, now: Date) => Promise<readonly I[]>;
  readonly key: (item: I) => string;
  /** Closes one item in a transaction of its own; false when there was nothing (left) to do. */
  readonly expire: (tx: Tx, item: I, now: Date) => Promise<boolean>;
}

/**
 * A durable sweep that closes what came due (holds not confirmed, waitlist windows that
 * passed): every `intervalMs` and at start-up (catching up after downtime), under an
 * advisory lock so one replica runs, each item in a transaction of its own so one failure
 * (logged, retried next run) does not undo or stop the others.
 */
export class IntervalSweep<Tx extends SqlRunner, I> {
  private readonly schedule: DailyJobSchedule<SweepRunResult>;

  constructor(private readonly options: IntervalSweepOptions<Tx, I>) {
    const { job, intervalMs } = options;
    this.schedule = new DailyJobSchedule({
      job,
      actor: options.actor,
      scheduledRun: () => this.runAt(options.now()),
      nextRunAt: (now, failedRuns) =>
        new Date(now.getTime() + intervalMs * Math.min(1 + failedRuns, 4)),
      summarise: (result) => ({
        failed: result.failed.length,
        fields: { ran: result.ran, expired: result.expired.length },
        message: `${job}: ${result.expired.length} expired, ${result.failed.length} failed`,
      }),
      logger: options.logger,
    });
  }

  start(): void {
    this.schedule.start();
  }

  stop(): Promise<void> {
    return this.schedule.stop();
  }

  /** Closes every item due at `now`; safe to call any number of times. */
  runAt(now: Date): Promise<SweepRunResult> {
    const { options } = this;
    return this.schedule.run(async () => {
      const { ran, done, failed } = await runEachUnderLock({
        transactions: options.transactions,
        tryLock: options.tryLock,
        items: (lockTx) => options.due(lockTx, now),
        key: options.key,
        each: (tx, item) => options.expire(tx, item, now),
        onFailure: (item, error) =>
          options.logger.error(
            { job: options.job, item: options.key(item), err: error },
            `expiring ${options.itemName} ${options.key(item)} failed; it will be retried`,
          ),
      });
      return { ran, expired: done, failed };
    });
  }
}
