import type { Tx } from '@app/database';

/**
 * Booking's per-client and per-therapist advisory locks, and the one place their names are
 * derived. Transaction-scoped: held until `tx` commits or rolls back. A name becomes a lock
 * key with hashtextextended(name, 0).
 */

/** Placing a new booking or joining a waitlist vs. applying the client's erasure. */
export function clientLockName(clientId: string): string {
  return `booking.client:${clientId.toLowerCase()}`;
}

/** Placing a booking with the therapist vs. recording the therapist's approved time off. */
export function therapistScheduleLockName(therapistId: string): string {
  return `booking.therapist-schedule:${therapistId.toLowerCase()}`;
}

/** Takes the per-client lock (exclusive): placements, waitlist joins and the erasure. */
export async function lockClient(tx: Tx, clientId: string): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [
    clientLockName(clientId),
  ]);
}

/**
 * Takes the per-therapist schedule lock. Placements take it `shared`, so they never wait
 * for each other; the time-off reaction takes it `exclusive` while it records approved time
 * off and looks for bookings to flag. A placement therefore either commits before the
 * reaction looks (and is flagged) or reads the time off the reaction recorded (and is
 * refused).
 */
export async function lockTherapistSchedule(
  tx: Tx,
  therapistId: string,
  mode: 'shared' | 'exclusive',
): Promise<void> {
  const lock = mode === 'shared' ? 'pg_advisory_xact_lock_shared' : 'pg_advisory_xact_lock';
  await tx.query(`SELECT ${lock}(hashtextextended($1, 0))`, [
    therapistScheduleLockName(therapistId),
  ]);
}
