import { duplicateKeysOf, duplicateMatchOf } from './duplicate-keys';

const details = {
  givenName: 'Amelia',
  familyName: 'Hughes',
  dateOfBirth: '1984-03-21',
  email: 'amelia@example.co.uk',
};

describe(duplicateKeysOf.name, () => {
  it('gives one key for the email and one for name and date of birth, sorted', () => {
    const keys = duplicateKeysOf(details);
    expect(keys).toHaveLength(2);
    expect([...keys].sort()).toEqual(keys);
  });

  it('gives the same keys whatever the case', () => {
    expect(
      duplicateKeysOf({ ...details, givenName: 'AMELIA', email: 'Amelia@Example.CO.UK' }),
    ).toEqual(duplicateKeysOf(details));
  });

  it('has no email key without an email', () => {
    expect(duplicateKeysOf({ ...details, email: null })).toHaveLength(1);
  });
});

describe(duplicateMatchOf.name, () => {
  const other = { id: 'x', givenName: 'Jo', familyName: 'Bloggs', dateOfBirth: '1990-01-01' };

  it('matches the same email, case-insensitively', () => {
    expect(duplicateMatchOf(details, { ...other, email: 'AMELIA@example.co.uk' })).toBe('email');
  });

  it('matches the same name and date of birth, case-insensitively', () => {
    expect(
      duplicateMatchOf(details, {
        id: 'x',
        givenName: 'amelia',
        familyName: 'HUGHES',
        dateOfBirth: '1984-03-21',
        email: null,
      }),
    ).toBe('name_and_date_of_birth');
  });

  it('does not match the same name born on another day', () => {
    expect(
      duplicateMatchOf(details, {
        id: 'x',
        givenName: 'Amelia',
        familyName: 'Hughes',
        dateOfBirth: '1984-03-22',
        email: 'other@example.co.uk',
      }),
    ).toBeUndefined();
  });

  it('does not match an erased record (no names, no email)', () => {
    expect(
      duplicateMatchOf(details, {
        id: 'x',
        givenName: null,
        familyName: null,
        dateOfBirth: '1984-03-21',
        email: null,
      }),
    ).toBeUndefined();
  });
});
