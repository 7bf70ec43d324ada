import { applyRoomChange, RoomChange } from './clinic-room-projection';

const ROOM = '0b7e5a1c-9d2f-4e3a-8b6c-7d8e9f0a1b2c';
const CLINIC = '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f';
const stamp = (iso: string) => ({ eventId: iso, occurredAt: new Date(iso) });
const added: RoomChange = {
  roomId: ROOM,
  clinicId: CLINIC,
  name: 'Room 1',
  status: 'active',
  addedAt: new Date('2026-03-01T09:00:00Z'),
  retiredAt: null,
};
const retired: RoomChange = {
  ...added,
  status: 'retired',
  addedAt: undefined,
  retiredAt: new Date('2026-03-04T09:00:00Z'),
};

describe(applyRoomChange.name, () => {
  it('retires a room, keeping when it was added', () => {
    const current = applyRoomChange(undefined, added, stamp('2026-03-01T09:00:00Z'));
    expect(applyRoomChange(current, retired, stamp('2026-03-04T09:00:00Z'))).toMatchObject({
      status: 'retired',
      addedAt: new Date('2026-03-01T09:00:00Z'),
      retiredAt: new Date('2026-03-04T09:00:00Z'),
    });
  });

  it('records a retirement of a room it never saw added', () => {
    expect(applyRoomChange(undefined, retired, stamp('2026-03-04T09:00:00Z'))).toMatchObject({
      status: 'retired',
      addedAt: null,
    });
  });

  it('does not bring a retired room back from an older event', () => {
    const current = applyRoomChange(undefined, retired, stamp('2026-03-04T09:00:00Z'));
    expect(applyRoomChange(current, added, stamp('2026-03-01T09:00:00Z'))).toBeUndefined();
  });
});
