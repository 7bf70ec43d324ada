import { RateLimiter } from './rate-limiter';

describe(RateLimiter.name, () => {
  it('allows a burst up to the per-minute limit, then refuses with a wait time', () => {
    let now = 0;
    const limiter = new RateLimiter(3, () => now);
    expect([1, 2, 3].map(() => limiter.take('clinic-user').allowed)).toEqual([true, true, true]);
    const refused = limiter.take('clinic-user');
    expect(refused).toEqual({ allowed: false, retryAfterMs: 20_000 });
    now = 20_000;
    expect(limiter.take('clinic-user').allowed).toBe(true);
  });

  it('keeps callers apart', () => {
    const limiter = new RateLimiter(1, () => 0);
    expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.take('b').allowed).toBe(true);
    expect(limiter.take('a').allowed).toBe(false);
  });

  it('keeps at most maxKeys buckets, dropping the least recently used', () => {
    const limiter = new RateLimiter(1, () => 0, 2);
    limiter.take('a');
    limiter.take('b');
    limiter.take('a');
    limiter.take('c');
    expect(limiter.size).toBe(2);
    expect(limiter.take('a').allowed).toBe(false); // still tracked: used recently
    expect(limiter.take('b').allowed).toBe(true); // dropped, so it starts full again
  });
});
