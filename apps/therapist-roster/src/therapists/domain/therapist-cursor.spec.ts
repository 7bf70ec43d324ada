import { decodeTherapistCursor, encodeTherapistCursor } from './therapist-cursor';

const position = {
  familyName: "O'Brien",
  givenName: 'Siân',
  id: '6f1c1c1e-8a57-4a5e-9d1b-0d6f7c0b6a11',
};

describe(encodeTherapistCursor.name, () => {
  it('round-trips a position, whatever characters the names hold', () => {
    expect(decodeTherapistCursor(encodeTherapistCursor(position))).toEqual(position);
  });

  it('does not show the names in the cursor', () => {
    expect(encodeTherapistCursor(position)).not.toContain('Brien');
  });
});

describe(decodeTherapistCursor.name, () => {
  it('rejects strings it did not produce', () => {
    expect(decodeTherapistCursor('abc')).toBeUndefined();
    expect(decodeTherapistCursor('th1:!!!')).toBeUndefined();
    const notThree = `th1:${Buffer.from('["a","b"]').toString('base64url')}`;
    expect(decodeTherapistCursor(notThree)).toBeUndefined();
  });

  it('rejects a cursor whose id is not a UUID', () => {
    const forged = `th1:${Buffer.from('["a","b","1; DROP TABLE"]').toString('base64url')}`;
    expect(decodeTherapistCursor(forged)).toBeUndefined();
  });
});
