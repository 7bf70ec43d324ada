/** Retries after a failed or partial run: 1, 5, then 15 minutes; then daily again. */
const RETRY_MINUTES = [1, 5, 15] as const;

/**
 * When the lapse job runs next: daily at 00:10 UTC (screenings lapse at the start of a UTC
 * day), or sooner after a failed or partial run.
 */
export function nextLapseRunAt(now: Date, failedRunsInARow: number): Date {
  const retry = failedRunsInARow > 0 ? RETRY_MINUTES[failedRunsInARow - 1] : undefined;
  if (retry !== undefined) {
    return new Date(now.getTime() + retry * 60_000);
  }
  const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 0, 10));
  if (next.getTime() <= now.getTime()) {
    next.setUTCDate(next.getUTCDate() + 1);
  }
  return next;
}
