/** The daily run starts this long after midnight UTC (a margin for clock skew). */
const RUN_OFFSET_MS = 5 * 60_000;
const DAY_MS = 86_400_000;

/**
 * When the next daily expiry run is due after `now`: 00:05 UTC of the next day (or of
 * today, if that is still ahead). The job also runs at start-up, so a process that was
 * down at 00:05 catches up as soon as it is back.
 */
export function nextDailyRunAt(now: Date): Date {
  const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const todayRun = midnight + RUN_OFFSET_MS;
  return new Date(todayRun > now.getTime() ? todayRun : todayRun + DAY_MS);
}

/** After a failed or partial run, retry after 1, 5, then 15 minutes. */
export const RETRY_DELAYS_MS: readonly number[] = [60_000, 5 * 60_000, 15 * 60_000];

/**
 * When the job runs next after a run ending at `now`. `failedRuns` counts the failed or
 * partial runs in a row (0 after a complete run). A failed run is retried with backoff
 * (RETRY_DELAYS_MS); once those retries are used up, or when the daily run comes sooner,
 * it waits for the daily run (which tries again, and starts a new round of retries).
 */
export function nextExpiryRunAt(now: Date, failedRuns: number): Date {
  const daily = nextDailyRunAt(now);
  const delay = failedRuns > 0 ? RETRY_DELAYS_MS[failedRuns - 1] : undefined;
  if (delay === undefined) {
    return daily;
  }
  const retry = new Date(now.getTime() + delay);
  return retry < daily ? retry : daily;
}
