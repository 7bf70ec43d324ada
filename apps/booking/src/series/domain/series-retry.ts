/** SQLSTATEs of a transaction that lost to a concurrent one and may simply run again. */
const DEADLOCK_DETECTED = '40P01';
const SERIALIZATION_FAILURE = '40001';

/** Whole-transaction attempts for one bookSeries (the first and up to three retries). */
export const SERIES_TRANSACTION_ATTEMPTS = 4;
/** The first retry waits 25–50 ms; each later one twice as long. */
const BASE_DELAY_MS = 25;

/**
 * What to do after an attempt failed: `rethrow` (not a conflict between transactions),
 * `retry` after `delayMs`, or `give_up` (the attempts are spent; report a retryable code).
 */
export type ConflictDecision =
  | { readonly action: 'rethrow' }
  | { readonly action: 'retry'; readonly delayMs: number }
  | { readonly action: 'give_up' };

/**
 * Whether to run a series transaction again after `error` ended attempt number `attempt`
 * (1-based): only for a deadlock or a serialization failure (PostgreSQL aborted this
 * transaction in favour of a concurrent one, so nothing of it was written), bounded, with a
 * short jittered exponential backoff so two contenders do not meet again. `random` is in
 * [0, 1) (Math.random in the service).
 */
export function conflictDecision(
  error: unknown,
  attempt: number,
  random: () => number,
): ConflictDecision {
  const code = sqlStateOf(error);
  if (code !== DEADLOCK_DETECTED && code !== SERIALIZATION_FAILURE) {
    return { action: 'rethrow' };
  }
  if (attempt >= SERIES_TRANSACTION_ATTEMPTS) {
    return { action: 'give_up' };
  }
  const ceiling = BASE_DELAY_MS * 2 ** attempt;
  return { action: 'retry', delayMs: Math.round(ceiling / 2 + (random() * ceiling) / 2) };
}

/** The SQLSTATE of a driver error, directly or as TypeORM's QueryFailedError.driverError. */
function sqlStateOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) {
    return undefined;
  }
  const { code, driverError } = error as { code?: unknown; driverError?: unknown };
  if (typeof code === 'string') {
    return code;
  }
  return driverError === undefined ? undefined : sqlStateOf(driverError);
}
