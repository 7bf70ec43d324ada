import { nextDailyRunAt, nextExpiryRunAt } from './expiry-schedule';

describe(nextDailyRunAt.name, () => {
  it('runs at 00:05 UTC the next day when today’s run time has passed', () => {
    expect(nextDailyRunAt(new Date('2026-03-28T14:00:00Z')).toISOString()).toBe(
      '2026-03-29T00:05:00.000Z',
    );
  });

  it('runs later today when 00:05 UTC is still ahead', () => {
    expect(nextDailyRunAt(new Date('2026-03-29T00:01:00Z')).toISOString()).toBe(
      '2026-03-29T00:05:00.000Z',
    );
  });

  it('never schedules for the very instant it was asked at', () => {
    expect(nextDailyRunAt(new Date('2026-03-29T00:05:00Z')).toISOString()).toBe(
      '2026-03-30T00:05:00.000Z',
    );
  });
});

describe(nextExpiryRunAt.name, () => {
  const now = new Date('2026-03-28T14:00:00Z');

  it('waits for the daily run after a complete run', () => {
    expect(nextExpiryRunAt(now, 0).toISOString()).toBe('2026-03-29T00:05:00.000Z');
  });

  it('retries a failed or partial run after 1, 5, then 15 minutes', () => {
    expect([1, 2, 3].map((failed) => nextExpiryRunAt(now, failed).toISOString())).toEqual([
      '2026-03-28T14:01:00.000Z',
      '2026-03-28T14:05:00.000Z',
      '2026-03-28T14:15:00.000Z',
    ]);
  });

  it('falls back to the daily run once the retries are used up', () => {
    expect(nextExpiryRunAt(now, 4).toISOString()).toBe('2026-03-29T00:05:00.000Z');
  });

  it('never waits past the daily run for a retry', () => {
    const late = new Date('2026-03-29T23:59:00Z');
    expect(nextExpiryRunAt(late, 3).toISOString()).toBe('2026-03-30T00:05:00.000Z');
  });
});
