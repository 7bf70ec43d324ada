/**
 * A token bucket per caller: `perMinute` requests a minute on average, with bursts up to the
 * same number. Memory stays bounded: idle buckets are dropped when they would be full anyway.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; updatedAt: number }>();
  private readonly refillPerMs: number;

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {
    this.refillPerMs = perMinute / 60_000;
  }

  /** Takes one request from `key`'s bucket; returns the ms to wait when there is none. */
  take(key: string): { allowed: true } | { allowed: false; retryAfterMs: number } {
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: this.perMinute, updatedAt: now };
    bucket.tokens = Math.min(
      this.perMinute,
      bucket.tokens + (now - bucket.updatedAt) * this.refillPerMs,
    );
    bucket.updatedAt = now;
    this.buckets.set(key, bucket);
    this.sweep(now);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true };
    }
    return { allowed: false, retryAfterMs: Math.ceil((1 - bucket.tokens) / this.refillPerMs) };
  }

  private sweep(now: number): void {
    if (this.buckets.size < 10_000) {
      return;
    }
    const fullAfterMs = this.perMinute / this.refillPerMs;
    for (const [key, bucket] of this.buckets) {
      if (now - bucket.updatedAt >= fullAfterMs) {
        this.buckets.delete(key);
      }
    }
  }
}
