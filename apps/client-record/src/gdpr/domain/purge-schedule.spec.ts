import { nextPurgeRunAt } from './purge-schedule';

describe(nextPurgeRunAt.name, () => {
  it('runs at 00:30 UTC today when that is still ahead', () => {
    expect(nextPurgeRunAt(new Date('2026-03-10T00:10:00Z'), 0)).toEqual(
      new Date('2026-03-10T00:30:00Z'),
    );
  });

  it('runs at 00:30 UTC tomorrow after a complete run', () => {
    expect(nextPurgeRunAt(new Date('2026-03-10T00:30:00Z'), 0)).toEqual(
      new Date('2026-03-11T00:30:00Z'),
    );
  });

  it('retries a failed run after 5, 30 and 120 minutes, then waits for the daily run', () => {
    const now = new Date('2026-03-10T09:00:00Z');
    expect(nextPurgeRunAt(now, 1)).toEqual(new Date('2026-03-10T09:05:00Z'));
    expect(nextPurgeRunAt(now, 2)).toEqual(new Date('2026-03-10T09:30:00Z'));
    expect(nextPurgeRunAt(now, 3)).toEqual(new Date('2026-03-10T11:00:00Z'));
    expect(nextPurgeRunAt(now, 4)).toEqual(new Date('2026-03-11T00:30:00Z'));
  });

  it('does not retry later than the next daily run', () => {
    expect(nextPurgeRunAt(new Date('2026-03-10T23:50:00Z'), 3)).toEqual(
      new Date('2026-03-11T00:30:00Z'),
    );
  });
});
