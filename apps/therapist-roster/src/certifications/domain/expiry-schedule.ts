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
