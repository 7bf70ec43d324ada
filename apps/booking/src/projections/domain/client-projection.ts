import type {
  CarePlanUpdatedV1,
  ClientErasedV1,
  EligibilityChangedV1,
  EventData,
} from '@app/contracts';
import { EventStamp, isStale } from './event-stamp';

type EligibilityData = EventData<typeof EligibilityChangedV1>;
type CarePlanData = EventData<typeof CarePlanUpdatedV1>;
type ErasureData = EventData<typeof ClientErasedV1>;

/** Whether a client may be booked for treatments that need screening clearance. */
export interface ClientEligibilityProjectionState {
  readonly clientId: string;
  readonly clinicIds: readonly string[];
  readonly screeningId: string;
  readonly status: EligibilityData['status'];
  /** The last date (included) the screening counts. */
  readonly validUntil: string;
  readonly cause: EligibilityData['cause'];
  readonly lastEventAt: Date;
  readonly lastEventId: string;
}

/** A care plan's frequency, for placing a series. */
export interface CarePlanProjectionState {
  readonly id: string;
  readonly clientId: string;
  readonly clinicId: string;
  readonly version: number;
  readonly status: CarePlanData['status'];
  readonly sessionsPerWeek: number;
  readonly weeks: number;
  readonly maintenanceEveryWeeks: number | null;
  readonly startsOn: string;
  readonly preferredTherapistId: string | null;
  readonly lastEventId: string;
}

/** That a client was erased: booking pseudonymises their bookings and keeps nothing else on them. */
export interface ClientErasureProjectionState {
  readonly clientId: string;
  readonly clinicIds: readonly string[];
  readonly erasedAt: Date;
  readonly retentionUntil: string;
  readonly lastEventId: string;
}

/**
 * eligibility.changed: replace what is held for the client, unless the row reflects a newer
 * event or the client was erased (nothing more is kept on them).
 */
export function replaceEligibility(
  current: ClientEligibilityProjectionState | undefined,
  change: EligibilityData,
  erased: boolean,
  stamp: EventStamp,
): ClientEligibilityProjectionState | undefined {
  if (erased || isStale(stamp.occurredAt, current?.lastEventAt)) {
    return undefined;
  }
  return {
    clientId: change.clientId,
    clinicIds: change.clinicIds,
    screeningId: change.screeningId,
    status: change.status,
    validUntil: change.validUntil,
    cause: change.cause,
    lastEventAt: stamp.occurredAt,
    lastEventId: stamp.eventId,
  };
}

/**
 * care_plan.created / updated: replace when the version is newer than the one held (the
 * plan's own order, whatever the delivery order); nothing for an erased client.
 */
export function replaceCarePlan(
  current: CarePlanProjectionState | undefined,
  plan: CarePlanData,
  erased: boolean,
  stamp: EventStamp,
): CarePlanProjectionState | undefined {
  if (erased || (current !== undefined && plan.version <= current.version)) {
    return undefined;
  }
  return {
    id: plan.carePlanId,
    clientId: plan.clientId,
    clinicId: plan.clinicId,
    version: plan.version,
    status: plan.status,
    sessionsPerWeek: plan.sessionsPerWeek,
    weeks: plan.weeks,
    maintenanceEveryWeeks: plan.maintenanceEveryWeeks,
    startsOn: plan.startsOn,
    preferredTherapistId: plan.preferredTherapistId,
    lastEventId: stamp.eventId,
  };
}

/** client.erased: the first erasure recorded stands (a redelivery changes nothing). */
export function recordErasure(
  current: ClientErasureProjectionState | undefined,
  erasure: ErasureData,
  stamp: EventStamp,
): ClientErasureProjectionState | undefined {
  if (current !== undefined) {
    return undefined;
  }
  return {
    clientId: erasure.clientId,
    clinicIds: erasure.clinicIds,
    erasedAt: new Date(erasure.erasedAt),
    retentionUntil: erasure.retentionUntil,
    lastEventId: stamp.eventId,
  };
}
