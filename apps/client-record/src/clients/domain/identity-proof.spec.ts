import { checkIdentityProof, ClientIdentityProof, identityProofMatches } from './identity-proof';

const record = {
  givenName: 'Amelia',
  familyName: "O'Brien Hughes",
  dateOfBirth: '1984-03-21',
  email: 'amelia.hughes@example.co.uk',
};

function proofOf(draft: Parameters<typeof checkIdentityProof>[0]): ClientIdentityProof {
  const check = checkIdentityProof(draft);
  if (!check.ok) {
    throw new Error(check.message);
  }
  return check.proof;
}

describe(checkIdentityProof.name, () => {
  it.each([
    [
      'a malformed date of birth',
      { dateOfBirth: '21/03/1984', email: 'a@b.co' },
      'proof.dateOfBirth',
    ],
    ['an impossible date', { dateOfBirth: '1984-02-30', email: 'a@b.co' }, 'proof.dateOfBirth'],
    ['only the date of birth', { dateOfBirth: '1984-03-21' }, 'proof.email'],
    ['a blank email and no name', { dateOfBirth: '1984-03-21', email: '  ' }, 'proof.email'],
    ['a given name alone', { dateOfBirth: '1984-03-21', givenName: 'Amelia' }, 'proof.familyName'],
    ['a family name alone', { dateOfBirth: '1984-03-21', familyName: 'Hughes' }, 'proof.givenName'],
  ])('refuses %s', (_what, draft, field) => {
    expect(checkIdentityProof(draft)).toMatchObject({ ok: false, field });
  });

  it('accepts a date of birth with an email, or with both names', () => {
    expect(checkIdentityProof({ dateOfBirth: ' 1984-03-21 ', email: 'a@b.co' })).toEqual({
      ok: true,
      proof: { dateOfBirth: '1984-03-21', email: 'a@b.co', name: null },
    });
    expect(
      checkIdentityProof({ dateOfBirth: '1984-03-21', givenName: 'A', familyName: 'B' }),
    ).toMatchObject({ ok: true, proof: { name: { givenName: 'A', familyName: 'B' } } });
  });
});

describe(identityProofMatches.name, () => {
  it('matches the email or the name the way duplicate detection compares them', () => {
    expect(
      identityProofMatches(
        proofOf({ dateOfBirth: '1984-03-21', email: ' Amelia.Hughes@EXAMPLE.co.uk ' }),
        record,
      ),
    ).toBe(true);
    expect(
      identityProofMatches(
        proofOf({ dateOfBirth: '1984-03-21', givenName: 'AMELIA', familyName: "o'brien  hughes" }),
        record,
      ),
    ).toBe(true);
  });

  it.each([
    ['another date of birth', { dateOfBirth: '1984-03-22', email: record.email }],
    ['another email', { dateOfBirth: '1984-03-21', email: 'someone@example.co.uk' }],
    ['another name', { dateOfBirth: '1984-03-21', givenName: 'Amelie', familyName: 'Hughes' }],
    [
      'a right email with a wrong name',
      { dateOfBirth: '1984-03-21', email: record.email, givenName: 'X', familyName: 'Y' },
    ],
  ])('refuses %s', (_what, draft) => {
    expect(identityProofMatches(proofOf(draft), record)).toBe(false);
  });

  it('never matches an erased record', () => {
    const erased = { givenName: null, familyName: null, email: null, dateOfBirth: '1984-03-21' };
    expect(
      identityProofMatches(
        proofOf({ dateOfBirth: '1984-03-21', givenName: 'Amelia', familyName: 'Hughes' }),
        erased,
      ),
    ).toBe(false);
    expect(
      identityProofMatches(proofOf({ dateOfBirth: '1984-03-21', email: record.email }), erased),
    ).toBe(false);
  });
});
