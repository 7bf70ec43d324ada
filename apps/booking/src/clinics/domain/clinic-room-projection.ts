import { EventStamp, isStale } from '../../projections/domain/event-stamp';

export type RoomStatus = 'active' | 'retired';

/** A treatment room as booking knows it; rooms are never deleted, only retired. */
export interface ClinicRoomProjectionState {
  readonly roomId: string;
  readonly clinicId: string;
  readonly name: string;
  readonly status: RoomStatus;
  /** Null when booking learnt of the room from its retirement alone. */
  readonly addedAt: Date | null;
  readonly retiredAt: Date | null;
  readonly lastEventAt: Date;
  readonly lastEventId: string;
}

export interface RoomChange {
  readonly roomId: string;
  readonly clinicId: string;
  readonly name: string;
  readonly status: RoomStatus;
  /** Undefined when the event does not say (room.retired). */
  readonly addedAt: Date | null | undefined;
  readonly retiredAt: Date | null;
}

/** The room row after `change`, or undefined when the row reflects a newer event. */
export function applyRoomChange(
  current: ClinicRoomProjectionState | undefined,
  change: RoomChange,
  stamp: EventStamp,
): ClinicRoomProjectionState | undefined {
  if (isStale(stamp.occurredAt, current?.lastEventAt)) {
    return undefined;
  }
  return {
    roomId: change.roomId,
    clinicId: change.clinicId,
    name: change.name,
    status: change.status,
    addedAt: change.addedAt === undefined ? (current?.addedAt ?? null) : change.addedAt,
    retiredAt: change.status === 'retired' ? change.retiredAt : null,
    lastEventAt: stamp.occurredAt,
    lastEventId: stamp.eventId,
  };
}
