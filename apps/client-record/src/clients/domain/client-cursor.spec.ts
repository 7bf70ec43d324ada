import { randomUUID } from 'node:crypto';
import { decodeClientCursor, encodeClientCursor } from './client-cursor';

describe(encodeClientCursor.name, () => {
  it('round-trips a position, including non-ASCII names', () => {
    const position = { familyName: "o'brien-ní", givenName: 'siobhán', id: randomUUID() };
    expect(decodeClientCursor(encodeClientCursor(position))).toEqual(position);
  });

  it('is opaque (the names are not readable in it)', () => {
    expect(
      encodeClientCursor({ familyName: 'hughes', givenName: 'amelia', id: randomUUID() }),
    ).not.toMatch(/hughes/);
  });
});

describe(decodeClientCursor.name, () => {
  it.each([
    ['another prefix', `th1:${Buffer.from('["a","b","c"]').toString('base64url')}`],
    ['not base64 JSON', 'cl1:!!!'],
    ['a non-uuid id', `cl1:${Buffer.from('["a","b","c"]').toString('base64url')}`],
    ['the wrong shape', `cl1:${Buffer.from('{"a":1}').toString('base64url')}`],
  ])('rejects %s', (_what, cursor) => {
    expect(decodeClientCursor(cursor)).toBeUndefined();
  });
});
