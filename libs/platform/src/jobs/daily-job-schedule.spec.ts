import type { SqlRunner, TransactionRunner } from '@app/messaging';
import { currentContext, RequestContext } from '@app/observability/request-context';
import { DailyJobSchedule, DailyJobScheduleOptions, runEachUnderLock } from './daily-job-schedule';

interface Result {
  readonly failed: number;
}

function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

describe(DailyJobSchedule.name, () => {
  const start = new Date('2025-03-10T12:00:00.000Z');
  const minute = 60_000;
  let logger: { info: jest.Mock; warn: jest.Mock; error: jest.Mock };
  let schedule: DailyJobSchedule<Result>;
  /** What the next scheduled run does; a complete run by default. */
  let outcome: () => Promise<Result>;
  let scheduledRuns: number;
  let nextRunAt: jest.Mock<Date, [Date, number]>;

  function newSchedule(options: Partial<DailyJobScheduleOptions<Result>> = {}): void {
    schedule = new DailyJobSchedule<Result>({
      job: 'test-job',
      actor: { type: 'system', id: 'test-job' },
      scheduledRun: () => schedule.run(() => outcome()),
      // Every run is followed by another `failedRuns + 1` minutes later.
      nextRunAt,
      summarise: (result) => ({
        failed: result.failed,
        fields: { ran: true },
        message: 'test run',
      }),
      logger,
      ...options,
    });
  }

  beforeEach(() => {
    jest.useFakeTimers({ now: start });
    logger = { info: jest.fn(), warn: jest.fn(), error: jest.fn() };
    scheduledRuns = 0;
    outcome = async () => {
      scheduledRuns += 1;
      return { failed: 0 };
    };
    nextRunAt = jest.fn(
      (now: Date, failedRuns: number) => new Date(now.getTime() + (failedRuns + 1) * minute),
    );
    newSchedule();
  });

  afterEach(async () => {
    await schedule.stop();
    jest.useRealTimers();
  });

  it('runs at start, then at the time nextRunAt returns', async () => {
    schedule.start();
    await jest.advanceTimersByTimeAsync(0);
    expect(scheduledRuns).toBe(1);
    expect(nextRunAt).toHaveBeenCalledTimes(1);
    expect(nextRunAt).toHaveBeenLastCalledWith(start, 0);
    expect(logger.info).toHaveBeenCalledWith({ job: 'test-job', ran: true, failed: 0 }, 'test run');

    await jest.advanceTimersByTimeAsync(minute - 1);
    expect(scheduledRuns).toBe(1);
    await jest.advanceTimersByTimeAsync(1);
    expect(scheduledRuns).toBe(2);
    expect(nextRunAt).toHaveBeenLastCalledWith(new Date(start.getTime() + minute), 0);
  });

  it('counts runs reporting failures or throwing, and resets after a complete run', async () => {
    const outcomes: (() => Promise<Result>)[] = [
      async () => ({ failed: 2 }),
      async () => {
        throw new Error('database down');
      },
      async () => ({ failed: 1 }),
      async () => ({ failed: 0 }),
    ];
    outcome = () => outcomes.shift()!();
    schedule.start();
    await jest.advanceTimersByTimeAsync(0);
    expect(nextRunAt).toHaveBeenLastCalledWith(expect.any(Date), 1);
    expect(logger.warn).toHaveBeenCalledWith(
      { job: 'test-job', ran: true, failed: 2 },
      'test run; it will be retried',
    );

    await jest.advanceTimersByTimeAsync(2 * minute);
    expect(nextRunAt).toHaveBeenLastCalledWith(expect.any(Date), 2);
    expect(logger.error).toHaveBeenCalledWith(
      { job: 'test-job', err: expect.any(Error) },
      'test job run failed; it will be retried',
    );

    await jest.advanceTimersByTimeAsync(3 * minute);
    expect(nextRunAt).toHaveBeenLastCalledWith(expect.any(Date), 3);

    await jest.advanceTimersByTimeAsync(4 * minute);
    expect(nextRunAt).toHaveBeenLastCalledWith(expect.any(Date), 0);
    expect(nextRunAt.mock.calls.map(([, failedRuns]) => failedRuns)).toEqual([1, 2, 3, 0]);
    expect(outcomes).toEqual([]);
  });

  it('runs one run at a time, each in a context of its own', async () => {
    const first = deferred<Result>();
    const order: string[] = [];
    const contexts: (RequestContext | undefined)[] = [];
    const a = schedule.run(async () => {
      order.push('a started');
      contexts.push(currentContext());
      const result = await first.promise;
      order.push('a done');
      return result;
    });
    const b = schedule.run(async () => {
      order.push('b started');
      contexts.push(currentContext());
      return { failed: 0 };
    });
    await jest.advanceTimersByTimeAsync(0);
    expect(order).toEqual(['a started']);

    first.resolve({ failed: 0 });
    await expect(a).resolves.toEqual({ failed: 0 });
    await expect(b).resolves.toEqual({ failed: 0 });
    expect(order).toEqual(['a started', 'a done', 'b started']);
    expect(contexts.map((c) => c?.actor)).toEqual([
      { type: 'system', id: 'test-job' },
      { type: 'system', id: 'test-job' },
    ]);
    expect(contexts[0]?.correlationId).toEqual(expect.any(String));
    expect(contexts[0]?.correlationId).not.toBe(contexts[1]?.correlationId);
  });

  it('goes on with the next run when one throws', async () => {
    const failing = schedule.run(async () => {
      throw new Error('boom');
    });
    const next = schedule.run(async () => ({ failed: 0 }));
    await expect(failing).rejects.toThrow('boom');
    await expect(next).resolves.toEqual({ failed: 0 });
  });

  it('stop() cancels the timer, waits for the run in flight, and nothing runs after it', async () => {
    schedule.start();
    await jest.advanceTimersByTimeAsync(0);
    expect(jest.getTimerCount()).toBe(1);

    const inFlight = deferred<Result>();
    outcome = async () => {
      scheduledRuns += 1;
      return inFlight.promise;
    };
    await jest.advanceTimersByTimeAsync(minute);
    expect(scheduledRuns).toBe(2);

    let stopped = false;
    const stopping = schedule.stop().then(() => {
      stopped = true;
    });
    await jest.advanceTimersByTimeAsync(0);
    expect(stopped).toBe(false);

    inFlight.resolve({ failed: 0 });
    await stopping;
    expect(stopped).toBe(true);
    expect(jest.getTimerCount()).toBe(0);

    await jest.advanceTimersByTimeAsync(7 * 24 * 60 * minute);
    expect(scheduledRuns).toBe(2);
  });

  it('stop() before a due run cancels it', async () => {
    schedule.start();
    await jest.advanceTimersByTimeAsync(0);
    await schedule.stop();
    expect(jest.getTimerCount()).toBe(0);
    await jest.advanceTimersByTimeAsync(24 * 60 * minute);
    expect(scheduledRuns).toBe(1);

    schedule.start();
    await jest.advanceTimersByTimeAsync(0);
    expect(scheduledRuns).toBe(1);
  });
});

describe(runEachUnderLock.name, () => {
  type Tx = SqlRunner & { readonly name: string };
  let opened: string[];
  const transactions: TransactionRunner<Tx> = {
    run: async (work) => {
      const tx = { name: `tx${opened.length}`, query: jest.fn() } as unknown as Tx;
      opened.push(tx.name);
      return work(tx);
    },
  };

  beforeEach(() => {
    opened = [];
  });

  it('does nothing but report ran: false when the lock is taken', async () => {
    const items = jest.fn(async () => ['a']);
    const result = await runEachUnderLock({
      transactions,
      tryLock: async () => false,
      items,
      each: async () => true,
      key: (item) => item,
      onFailure: jest.fn(),
    });
    expect(result).toEqual({ ran: false, done: [], failed: [] });
    expect(items).not.toHaveBeenCalled();
    expect(opened).toEqual(['tx0']);
  });

  it('does each item in a transaction of its own, and goes on after one fails', async () => {
    const lockedIn: string[] = [];
    const seen: [string, string][] = [];
    const onFailure = jest.fn();
    const failure = new Error('refused');
    const result = await runEachUnderLock({
      transactions,
      tryLock: async (lockTx) => {
        lockedIn.push(lockTx.name);
        return true;
      },
      items: async (lockTx) => {
        lockedIn.push(lockTx.name);
        return [{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'd' }];
      },
      each: async (tx, item) => {
        seen.push([tx.name, item.id]);
        if (item.id === 'b') {
          throw failure;
        }
        return item.id !== 'c';
      },
      key: (item) => `key-${item.id}`,
      onFailure,
    });

    expect(result).toEqual({ ran: true, done: ['key-a', 'key-d'], failed: ['key-b'] });
    expect(lockedIn).toEqual(['tx0', 'tx0']);
    expect(seen).toEqual([
      ['tx1', 'a'],
      ['tx2', 'b'],
      ['tx3', 'c'],
      ['tx4', 'd'],
    ]);
    expect(onFailure).toHaveBeenCalledTimes(1);
    expect(onFailure).toHaveBeenCalledWith({ id: 'b' }, failure);
  });
});
