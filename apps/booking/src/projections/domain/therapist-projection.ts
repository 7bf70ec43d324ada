import type { TherapistState } from '@app/contracts';
import { EventStamp, isStale } from './event-stamp';

/** Who may treat, and where: booking's view of a therapist (no names or contact details). */
export interface TherapistProjectionState {
  readonly id: string;
  readonly profession: TherapistState['profession'];
  readonly specialties: readonly TherapistState['specialties'][number][];
  /** Clinics the therapist works at, oldest assignment first. */
  readonly clinicIds: readonly string[];
  readonly status: TherapistState['status'];
  /** From therapist.left: not bookable from this date on. Null while they have not left. */
  readonly leftOn: string | null;
  readonly lastEventAt: Date;
  readonly lastEventId: string;
}

/**
 * Every therapist event carries the full state: replace, unless the row reflects a newer
 * event. `leftOn` comes only with therapist.left; later events of a therapist who has left
 * keep it, and a return to work clears it.
 */
export function applyTherapistState(
  current: TherapistProjectionState | undefined,
  state: TherapistState,
  leftOn: string | undefined,
  stamp: EventStamp,
): TherapistProjectionState | undefined {
  if (isStale(stamp.occurredAt, current?.lastEventAt)) {
    return undefined;
  }
  return {
    id: state.therapistId,
    profession: state.profession,
    specialties: state.specialties,
    clinicIds: state.clinicIds,
    status: state.status,
    leftOn: state.status === 'left' ? (leftOn ?? current?.leftOn ?? null) : null,
    lastEventAt: stamp.occurredAt,
    lastEventId: stamp.eventId,
  };
}
