import { EventStamp, isStale } from './event-stamp';

/**
 * Approved time off of a therapist, a UTC period [startsAt, endsAt) that applies at every
 * clinic they work at (not only the clinics the event named). A cancelled period stays as a
 * tombstone so that a late approval cannot bring it back; only `approved` rows count.
 * The kind (holiday, sickness, training) is not kept: booking does not need it, and
 * sickness is health data.
 */
export interface TimeOffProjectionState {
  readonly id: string;
  readonly therapistId: string;
  readonly startsAt: Date;
  readonly endsAt: Date;
  readonly status: 'approved' | 'cancelled';
  readonly lastEventAt: Date;
  readonly lastEventId: string;
}

export interface TimeOffPeriod {
  readonly timeOffId: string;
  readonly therapistId: string;
  readonly startsAt: string;
  readonly endsAt: string;
}

/** time_off.approved: the therapist does not work in the period, unless a newer event said otherwise. */
export function applyTimeOffApproved(
  current: TimeOffProjectionState | undefined,
  period: TimeOffPeriod,
  stamp: EventStamp,
): TimeOffProjectionState | undefined {
  return withStatus(current, period, 'approved', stamp);
}

/**
 * time_off.cancelled: the period no longer removes availability. Recorded whether or not it
 * had been approved (a request that never was is a harmless tombstone).
 */
export function applyTimeOffCancelled(
  current: TimeOffProjectionState | undefined,
  period: TimeOffPeriod,
  stamp: EventStamp,
): TimeOffProjectionState | undefined {
  return withStatus(current, period, 'cancelled', stamp);
}

function withStatus(
  current: TimeOffProjectionState | undefined,
  period: TimeOffPeriod,
  status: TimeOffProjectionState['status'],
  stamp: EventStamp,
): TimeOffProjectionState | undefined {
  if (
    isStale(stamp.occurredAt, current?.lastEventAt) ||
    cancellationWinsTie(current, status, stamp)
  ) {
    return undefined;
  }
  return {
    id: period.timeOffId,
    therapistId: period.therapistId,
    startsAt: new Date(period.startsAt),
    endsAt: new Date(period.endsAt),
    status,
    lastEventAt: stamp.occurredAt,
    lastEventId: stamp.eventId,
  };
}

/**
 * Cancelled is final: an approval stamped in the same millisecond as the stored cancellation
 * never brings the time off back. Two consumer groups write this projection (the projections
 * and the time-off reaction), so "equal times follow the topic's order" does not hold here.
 * The upsert's SQL guard (schedule-projection.repository.ts) applies the same rule.
 */
export function cancellationWinsTie(
  current: Pick<TimeOffProjectionState, 'status' | 'lastEventAt'> | undefined,
  status: TimeOffProjectionState['status'],
  stamp: EventStamp,
): boolean {
  return (
    current !== undefined &&
    current.status === 'cancelled' &&
    status !== 'cancelled' &&
    current.lastEventAt.getTime() === stamp.occurredAt.getTime()
  );
}
