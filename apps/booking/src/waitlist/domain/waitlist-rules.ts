import { wallLabel, zoneOffsetMs } from '../../availability/domain/zone-timeline';
import type { WaitlistEntry } from './waitlist-entry';

/** The longest window a client may wait for, in days (both ends included). */
export const MAX_WAITLIST_DAYS = 31;

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const DAY_MS = 86_400_000;

export type WindowProblem =
  | { readonly code: 'INVALID_WAITLIST_WINDOW'; readonly message: string }
  | { readonly code: 'WAITLIST_WINDOW_IN_PAST'; readonly message: string };

function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) {
    return false;
  }
  const ms = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === value;
}

/** Days from `from` to `to`, both included. */
export function daysInclusive(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1;
}

/**
 * Why a waitlist window cannot be accepted, or undefined. `today` is the clinic-local date:
 * the window must not end before it, and may start before it only if it is today.
 */
export function windowProblem(
  fromDate: string,
  toDate: string,
  today: string,
): WindowProblem | undefined {
  if (!isIsoDate(fromDate) || !isIsoDate(toDate) || toDate < fromDate) {
    return {
      code: 'INVALID_WAITLIST_WINDOW',
      message: `"${fromDate}" to "${toDate}" is not a date window; give clinic-local dates as YYYY-MM-DD, fromDate first`,
    };
  }
  const days = daysInclusive(fromDate, toDate);
  if (days > MAX_WAITLIST_DAYS) {
    return {
      code: 'INVALID_WAITLIST_WINDOW',
      message: `${fromDate} to ${toDate} is ${days} days; wait for at most ${MAX_WAITLIST_DAYS} days at a time`,
    };
  }
  if (fromDate < today) {
    return {
      code: 'WAITLIST_WINDOW_IN_PAST',
      message: `${fromDate} is in the past at this clinic (today is ${today}); start the window today or later`,
    };
  }
  return undefined;
}

/** The clinic-local date "YYYY-MM-DD" of an instant in the clinic's IANA timezone. */
export function localDateOf(instant: Date, timezone: string): string {
  const ms = instant.getTime();
  return wallLabel(ms, zoneOffsetMs(ms, timezone)).slice(0, 10);
}

/**
 * Whether a window has passed at `now`: its last date (clinic-local, included) is before
 * the clinic's today. On its last day it has not passed, until the clinic's midnight.
 */
export function windowHasPassed(toDate: string, now: Date, timezone: string): boolean {
  return toDate < localDateOf(now, timezone);
}

/** A slot that has just become free: a therapist's time at a clinic. */
export interface FreedSlot {
  readonly clinicId: string;
  readonly therapistId: string;
  readonly startsAt: Date;
  /** The clinic-local date of the start, "YYYY-MM-DD". */
  readonly localDate: string;
}

/**
 * Whether a waiting entry could take a freed slot: same clinic, the slot's clinic-local date
 * in its window, and its therapist (if it named one). Whether its treatment fits the free
 * time is availability's question.
 */
export function matchesFreedSlot(
  entry: Pick<WaitlistEntry, 'status' | 'clinicId' | 'therapistId' | 'fromDate' | 'toDate'>,
  slot: FreedSlot,
): boolean {
  return (
    entry.status === 'waiting' &&
    entry.clinicId === slot.clinicId &&
    entry.fromDate <= slot.localDate &&
    slot.localDate <= entry.toDate &&
    (entry.therapistId === null || entry.therapistId === slot.therapistId)
  );
}

/** Entries in the order they are offered slots: first joined first, then by id. */
export function fifo<E extends Pick<WaitlistEntry, 'joinedAt' | 'id'>>(entries: readonly E[]): E[] {
  return [...entries].sort(
    (a, b) => a.joinedAt.getTime() - b.joinedAt.getTime() || a.id.localeCompare(b.id),
  );
}

/** The first entry (FIFO) that could take the freed slot, or undefined. */
export function firstMatching<
  E extends Parameters<typeof matchesFreedSlot>[0] & Pick<WaitlistEntry, 'joinedAt' | 'id'>,
>(entries: readonly E[], slot: FreedSlot): E | undefined {
  return fifo(entries).find((entry) => matchesFreedSlot(entry, slot));
}

/**
 * The slots to try for a freed slot, best first: the freed therapist's slots only, the one
 * starting exactly at the freed start first, then the nearest to it (earlier on a tie).
 */
export function rankSlotsForFreed<S extends { startsAt: string; therapistId: string }>(
  slots: readonly S[],
  freed: Pick<FreedSlot, 'therapistId' | 'startsAt'>,
): S[] {
  const target = freed.startsAt.getTime();
  const distance = (slot: S): number => Math.abs(Date.parse(slot.startsAt) - target);
  return slots
    .filter((slot) => slot.therapistId === freed.therapistId)
    .sort((a, b) => distance(a) - distance(b) || a.startsAt.localeCompare(b.startsAt));
}
