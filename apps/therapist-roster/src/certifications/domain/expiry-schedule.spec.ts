import { nextDailyRunAt } from './expiry-schedule';

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
