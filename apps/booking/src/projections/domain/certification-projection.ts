import type { CertificationState } from '@app/contracts';
import { EventStamp, isStale } from './event-stamp';

/** A therapist's certification, as the last certification event described it. */
export interface CertificationProjectionState {
  readonly id: string;
  readonly therapistId: string;
  readonly type: string;
  readonly issuedOn: string;
  /** The first day it is not valid; null when it does not expire. */
  readonly expiresOn: string | null;
  readonly verified: boolean;
  readonly status: CertificationState['status'];
  /** The UTC date `status` was true on (the event's occurredAt). */
  readonly statusOn: string;
  /** From certification.revoked: it no longer counts from this date on. */
  readonly revokedOn: string | null;
  readonly lastEventAt: Date;
  readonly lastEventId: string;
}

/** Extra facts only some certification events carry. */
export interface CertificationExtras {
  readonly revokedOn?: string;
}

/**
 * Replace with the event's full state unless the row reflects a newer event. A revocation
 * date outlives later events that still say "revoked"; any other status clears it.
 */
export function applyCertificationState(
  current: CertificationProjectionState | undefined,
  state: CertificationState,
  extras: CertificationExtras,
  stamp: EventStamp,
): CertificationProjectionState | undefined {
  if (isStale(stamp.occurredAt, current?.lastEventAt)) {
    return undefined;
  }
  return {
    id: state.certificationId,
    therapistId: state.therapistId,
    type: state.type,
    issuedOn: state.issuedOn,
    expiresOn: state.expiresOn,
    verified: state.verified,
    status: state.status,
    statusOn: stamp.occurredAt.toISOString().slice(0, 10),
    revokedOn: state.status === 'revoked' ? (extras.revokedOn ?? current?.revokedOn ?? null) : null,
    lastEventAt: stamp.occurredAt,
    lastEventId: stamp.eventId,
  };
}
