import { decodeAdverseEventCursor, encodeAdverseEventCursor } from './adverse-event-cursor';

describe(encodeAdverseEventCursor.name, () => {
  it('round-trips a position', () => {
    const position = {
      reportedAt: new Date('2026-03-10T12:00:00.123Z'),
      id: '0b7c7e0e-4c1b-4d0c-9a4e-2f1d3c5b6a79',
    };
    expect(decodeAdverseEventCursor(encodeAdverseEventCursor(position))).toEqual(position);
  });

  it('refuses anything it did not produce', () => {
    expect(decodeAdverseEventCursor('garbage')).toBeUndefined();
    expect(
      decodeAdverseEventCursor('ae1:' + Buffer.from('[1,2]').toString('base64url')),
    ).toBeUndefined();
    expect(decodeAdverseEventCursor('ae1:%%%')).toBeUndefined();
  });
});
