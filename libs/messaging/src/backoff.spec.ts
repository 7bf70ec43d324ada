import { backoffDelay } from './backoff';

describe(backoffDelay.name, () => {
  it('doubles the ceiling with each attempt', () => {
    const top = (): number => 1;
    expect([1, 2, 3, 4].map((attempt) => backoffDelay(attempt, 100, 10_000, top))).toEqual([
      100, 200, 400, 800,
    ]);
  });

  it('never waits more than the maximum', () => {
    expect(backoffDelay(30, 100, 5_000, () => 1)).toBe(5_000);
  });

  it('waits at least half the ceiling so retries do not bunch up at zero', () => {
    expect(backoffDelay(3, 100, 10_000, () => 0)).toBe(200);
  });

  it('does not wait before the first attempt', () => {
    expect(backoffDelay(0, 100, 10_000)).toBe(0);
  });
});
