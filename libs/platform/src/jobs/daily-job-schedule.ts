import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { SqlRunner, TransactionRunner } from '@app/messaging';
import { ContextActor, runWithContext } from '@app/observability/request-context';

/** How a scheduled run went: its summary log line, and whether it counts as failed. */
export interface DailyRunSummary {
  /** Items that failed; more than 0 makes the run a failed one (retried sooner). */
  readonly failed: number;
  /** Log fields between `job` and `failed` (e.g. `{ ran, sent }`). */
  readonly fields: Readonly<Record<string, unknown>>;
  readonly message: string;
}

export interface DailyJobScheduleOptions<R> {
  /** The job's name: the `job` field of its log lines ("retention-purge"). */
  readonly job: string;
  /** Who acts: every run has a context of its own, with this actor and a fresh correlation id. */
  readonly actor: ContextActor;
  /** What the timer runs: usually the job's own `runFor` for the current day. */
  readonly scheduledRun: () => Promise<R>;
  /** When the next scheduled run is due after one ending at `now`; `failedRuns` in a row. */
  readonly nextRunAt: (now: Date, failedRuns: number) => Date;
  readonly summarise: (result: R) => DailyRunSummary;
  readonly logger: Pick<Logger, 'info' | 'warn' | 'error'>;
}

/**
 * The scheduling of a durable daily job: `start()` runs it at once (catching up on what
 * was missed) and then whenever `nextRunAt(now, failedRuns)` says, where `failedRuns`
 * counts the scheduled runs in a row that reported failures or threw (0 after a complete
 * one). Every run, scheduled or called through `run`, goes one at a time in this process
 * (an advisory lock serialises across processes) and inside a context of its own. Each
 * scheduled run is logged: info when complete, warn when it had failures, error when it
 * threw. `stop()` cancels the timer and waits for the run in flight; no scheduled run
 * starts after it.
 */
export class DailyJobSchedule<R> {
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private queue: Promise<unknown> = Promise.resolve();
  private failedRuns = 0;

  constructor(private readonly options: DailyJobScheduleOptions<R>) {}

  start(): void {
    this.tick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.queue;
  }

  /** Runs `work` after the runs already queued, with the job's actor and a new correlation id. */
  run(work: () => Promise<R>): Promise<R> {
    const { actor } = this.options;
    const run = this.queue.then(() => runWithContext({ correlationId: randomUUID(), actor }, work));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private tick(): void {
    if (this.stopped) {
      return;
    }
    const { job, logger } = this.options;
    this.options
      .scheduledRun()
      .then(
        (result) => {
          const { failed, fields, message } = this.options.summarise(result);
          this.failedRuns = failed > 0 ? this.failedRuns + 1 : 0;
          const summary = { job, ...fields, failed };
          if (failed > 0) {
            logger.warn(summary, `${message}; it will be retried`);
          } else {
            logger.info(summary, message);
          }
        },
        (error: unknown) => {
          this.failedRuns += 1;
          logger.error(
            { job, err: error },
            `${job.replaceAll('-', ' ')} run failed; it will be retried`,
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
    const at = this.options.nextRunAt(now, this.failedRuns);
    this.timer = setTimeout(() => this.tick(), at.getTime() - now.getTime());
    this.timer.unref();
  }
}

export interface EachUnderLockOptions<Tx extends SqlRunner, I, K> {
  readonly transactions: TransactionRunner<Tx>;
  /** Takes the job's advisory lock in the run's lock transaction; false: another replica has it. */
  readonly tryLock: (lockTx: Tx) => Promise<boolean>;
  /** The items due, read in the lock transaction. */
  readonly items: (lockTx: Tx) => Promise<readonly I[]>;
  /** One item, in a transaction of its own; false when there was nothing (left) to do. */
  readonly each: (tx: Tx, item: I) => Promise<boolean>;
  /** How the result names an item. */
  readonly key: (item: I) => K;
  /** Logs an item that failed; the run goes on with the others. */
  readonly onFailure: (item: I, error: unknown) => void;
}

export interface EachUnderLockResult<K> {
  /** False when another replica held the lock and did (or is doing) the run. */
  readonly ran: boolean;
  readonly done: K[];
  readonly failed: K[];
}

/**
 * One run of a daily job's work: the advisory lock is held in a transaction that stays
 * open for the whole run (so replicas skip), while each item goes in a transaction of its
 * own, so one that fails (reported to `onFailure`) does not undo or stop the others.
 */
export async function runEachUnderLock<Tx extends SqlRunner, I, K>(
  options: EachUnderLockOptions<Tx, I, K>,
): Promise<EachUnderLockResult<K>> {
  const { transactions } = options;
  return transactions.run(async (lockTx) => {
    const done: K[] = [];
    const failed: K[] = [];
    if (!(await options.tryLock(lockTx))) {
      return { ran: false, done, failed };
    }
    for (const item of await options.items(lockTx)) {
      try {
        if (await transactions.run((tx) => options.each(tx, item))) {
          done.push(options.key(item));
        }
      } catch (error: unknown) {
        failed.push(options.key(item));
        options.onFailure(item, error);
      }
    }
    return { ran: true, done, failed };
  });
}
