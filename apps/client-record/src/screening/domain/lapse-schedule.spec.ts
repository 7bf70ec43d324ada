import { nextLapseRunAt } from './lapse-schedule';

describe(nextLapseRunAt.name, () => {
  it('runs at 00:10 UTC today when that is still ahead', () => {
    expect(nextLapseRunAt(new Date('2026-03-10T00:05:00Z'), 0).toISOString()).toBe(
      '2026-03-10T00:10:00.000Z',
    );
  });

  it('runs at 00:10 UTC tomorrow otherwise', () => {
    expect(nextLapseRunAt(new Date('2026-03-10T00:10:00Z'), 0).toISOString()).toBe(
      '2026-03-11T00:10:00.000Z',
    );
  });

  it('retries after 1, 5 and 15 minutes, then waits for the next day', () => {
    const now = new Date('2026-03-10T12:00:00Z');
    expect(nextLapseRunAt(now, 1).toISOString()).toBe('2026-03-10T12:01:00.000Z');
    expect(nextLapseRunAt(now, 2).toISOString()).toBe('2026-03-10T12:05:00.000Z');
    expect(nextLapseRunAt(now, 3).toISOString()).toBe('2026-03-10T12:15:00.000Z');
    expect(nextLapseRunAt(now, 4).toISOString()).toBe('2026-03-11T00:10:00.000Z');
  });
});
