import type { SqlRunner, TransactionRunner } from '@app/messaging';
import { IntervalSweep } from './interval-sweep';

describe(IntervalSweep.name, () => {
  const transactions: TransactionRunner<SqlRunner> = {
    run: async (work) => work({ query: jest.fn() }),
  };
  const logger = { info: jest.fn(), warn: jest.fn(), error: jest.fn() };
  const NOW = new Date('2027-03-28T10:00:00Z');

  function sweep(options: { locked?: boolean; failing?: string } = {}) {
    const seenNow: Date[] = [];
    const job = new IntervalSweep<SqlRunner, string>({
      job: 'test-expiry',
      itemName: 'thing',
      actor: { type: 'system', id: 'test-expiry-job' },
      intervalMs: 60_000,
      transactions,
      logger,
      now: () => NOW,
      tryLock: async () => options.locked !== true,
      due: async (_tx, now) => {
        seenNow.push(now);
        return ['a', 'b', 'c'];
      },
      key: (item) => item,
      expire: async (_tx, item) => {
        if (item === options.failing) {
          throw new Error('boom');
        }
        return item !== 'c'; // c was closed by someone else meanwhile
      },
    });
    return { job, seenNow };
  }

  beforeEach(() => jest.clearAllMocks());

  it('expires what is due at the given time, each on its own; a failure is logged and retried later', async () => {
    const { job, seenNow } = sweep({ failing: 'b' });
    expect(await job.runAt(NOW)).toEqual({ ran: true, expired: ['a'], failed: ['b'] });
    expect(seenNow).toEqual([NOW]);
    expect(logger.error).toHaveBeenCalledWith(
      expect.objectContaining({ job: 'test-expiry', item: 'b' }),
      'expiring thing b failed; it will be retried',
    );
  });

  it('does nothing when another replica holds the lock', async () => {
    const { job, seenNow } = sweep({ locked: true });
    expect(await job.runAt(NOW)).toEqual({ ran: false, expired: [], failed: [] });
    expect(seenNow).toEqual([]);
  });

  it('runs at start-up with its clock and logs a summary', async () => {
    const { job, seenNow } = sweep();
    job.start();
    await job.stop();
    expect(seenNow).toEqual([NOW]);
    expect(logger.info).toHaveBeenCalledWith(
      expect.objectContaining({ job: 'test-expiry', expired: 2, failed: 0 }),
      'test-expiry: 2 expired, 0 failed',
    );
  });
});
