import { activeRoomNamed, normaliseRoomName, Room } from './room';

function room(name: string, status: Room['status']): Pick<Room, 'name' | 'status'> {
  return { name, status };
}

describe(normaliseRoomName.name, () => {
  it('trims and collapses spaces', () => {
    expect(normaliseRoomName('  Room   1 ')).toBe('Room 1');
  });

  it('rejects a blank or over-long name', () => {
    expect(normaliseRoomName('   ')).toBeUndefined();
    expect(normaliseRoomName('x'.repeat(61))).toBeUndefined();
  });
});

describe(activeRoomNamed.name, () => {
  it('finds an active room with the same name, ignoring case', () => {
    const rooms = [room('Room 1', 'active')];
    expect(activeRoomNamed(rooms, 'room 1')).toBe(rooms[0]);
  });

  it('ignores retired rooms, whose names may be reused', () => {
    expect(activeRoomNamed([room('Room 1', 'retired')], 'Room 1')).toBeUndefined();
  });
});
