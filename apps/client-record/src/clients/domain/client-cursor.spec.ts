import { randomUUID } from 'node:crypto';
import { decodeClientCursor, encodeClientCursor } from './client-cursor';

describe(encodeClientCursor.name, () => {
  it('round-trips a client id', () => {
    const id = randomUUID();
    expect(decodeClientCursor(encodeClientCursor(id))).toBe(id);
  });

  it('carries the id and nothing else (no names in any form)', () => {
    const id = randomUUID();
    const decoded = Buffer.from(encodeClientCursor(id).slice(4), 'base64url').toString('utf8');
    expect(decoded).toBe(id);
  });
});

describe(decodeClientCursor.name, () => {
  it.each([
    ['another prefix', `th1:${Buffer.from(randomUUID()).toString('base64url')}`],
    ['not base64', 'cl2:!!!'],
    ['an empty body', 'cl2:'],
    ['a non-uuid', `cl2:${Buffer.from('not-a-uuid').toString('base64url')}`],
    [
      'the old name-bearing format',
      `cl1:${Buffer.from(JSON.stringify(['hughes', 'amelia', randomUUID()])).toString('base64url')}`,
    ],
    [
      'a name smuggled into the new format',
      `cl2:${Buffer.from(JSON.stringify(['hughes', randomUUID()])).toString('base64url')}`,
    ],
  ])('rejects %s', (_what, cursor) => {
    expect(decodeClientCursor(cursor)).toBeUndefined();
  });
});
