export const ROOM_STATUSES = ['active', 'retired'] as const;

export type RoomStatus = (typeof ROOM_STATUSES)[number];

/** A treatment room; a retired room is kept so past bookings still name it. */
export interface Room {
  readonly id: string;
  readonly clinicId: string;
  readonly name: string;
  readonly status: RoomStatus;
  readonly addedAt: Date;
  readonly retiredAt: Date | null;
}

const MAX_ROOM_NAME = 60;

/** A room name trimmed with single spaces, 1–60 characters, or undefined. */
export function normaliseRoomName(raw: string): string | undefined {
  const name = raw.trim().replace(/\s+/g, ' ');
  return name.length === 0 || name.length > MAX_ROOM_NAME ? undefined : name;
}

/** The active room with this name (ignoring case), if any: names are unique among them. */
export function activeRoomNamed<R extends Pick<Room, 'name' | 'status'>>(
  rooms: readonly R[],
  name: string,
): R | undefined {
  const wanted = name.toLocaleLowerCase('en-GB');
  return rooms.find(
    (room) => room.status === 'active' && room.name.toLocaleLowerCase('en-GB') === wanted,
  );
}
