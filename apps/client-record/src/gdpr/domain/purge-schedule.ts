/** The daily purge starts this long after midnight UTC. */
const RUN_OFFSET_MS = 30 * 60_000;
const DAY_MS = 86_400_000;

/** After a failed or partial run, retry after 5, 30, then 120 minutes. */
export const PURGE_RETRY_DELAYS_MS: readonly number[] = [5 * 60_000, 30 * 60_000, 120 * 60_000];

/**
 * When the purge job runs next after a run ending at `now`: 00:30 UTC of the next day (or
 * of today, if still ahead), or sooner to retry a failed or partial run (`failedRuns` in a
 * row; 0 after a complete run). The job also runs at start-up, catching up on missed days.
 */
export function nextPurgeRunAt(now: Date, failedRuns: number): Date {
  const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const todayRun = midnight + RUN_OFFSET_MS;
  const daily = new Date(todayRun > now.getTime() ? todayRun : todayRun + DAY_MS);
  const delay = failedRuns > 0 ? PURGE_RETRY_DELAYS_MS[failedRuns - 1] : undefined;
  if (delay === undefined) {
    return daily;
  }
  const retry = new Date(now.getTime() + delay);
  return retry < daily ? retry : daily;
}
