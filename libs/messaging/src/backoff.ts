/**
 * Exponential backoff with full jitter: attempt 1 waits up to `baseMs`, attempt 2 up to
 * 2×baseMs, and so on, never more than `maxMs`. `random` is injectable for tests.
 */
export function backoffDelay(
  attempt: number,
  baseMs: number,
  maxMs: number,
  random: () => number = Math.random,
): number {
  if (attempt < 1) {
    return 0;
  }
  const ceiling = Math.min(maxMs, baseMs * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
