import { checkClientDetails, ClientDetailsDraft } from './client-details';

const TODAY = '2026-03-10';

function draft(overrides: Partial<ClientDetailsDraft> = {}): ClientDetailsDraft {
  return {
    givenName: ' Amelia ',
    familyName: 'Hughes',
    dateOfBirth: '1984-03-21',
    email: 'Amelia@Example.co.uk',
    phone: '07700 900123',
    ...overrides,
  };
}

function problemOf(overrides: Partial<ClientDetailsDraft>): unknown {
  const check = checkClientDetails(draft(overrides), TODAY);
  return check.ok ? undefined : { code: check.problem.code, field: check.problem.field };
}

describe(checkClientDetails.name, () => {
  it('normalises names, email, phone, address, GP and emergency contact', () => {
    const check = checkClientDetails(
      draft({
        address: { line1: ' 1  Park Row ', line2: ' ', town: 'Leeds', postcode: 'ls1 5ab' },
        gpPractice: { name: 'Park Surgery', address: null, phone: '0113 496 0000' },
        emergencyContact: { name: 'Tom Hughes', relationship: 'partner', phone: '07700 900456' },
      }),
      TODAY,
    );
    expect(check).toEqual({
      ok: true,
      details: {
        givenName: 'Amelia',
        familyName: 'Hughes',
        dateOfBirth: '1984-03-21',
        email: 'amelia@example.co.uk',
        phone: '+447700900123',
        address: { line1: '1 Park Row', line2: null, town: 'Leeds', postcode: 'LS1 5AB' },
        gpPractice: { name: 'Park Surgery', address: null, phone: '+441134960000' },
        emergencyContact: { name: 'Tom Hughes', relationship: 'partner', phone: '+447700900456' },
      },
    });
  });

  it('accepts email only or phone only', () => {
    expect(checkClientDetails(draft({ phone: null }), TODAY).ok).toBe(true);
    expect(checkClientDetails(draft({ email: '  ' }), TODAY).ok).toBe(true);
  });

  it('requires an email or a phone', () => {
    expect(problemOf({ email: null, phone: '' })).toEqual({
      code: 'CONTACT_REQUIRED',
      field: 'email',
    });
  });

  it('rejects an empty or over-long name', () => {
    expect(problemOf({ givenName: '  ' })).toEqual({ code: 'INVALID_NAME', field: 'givenName' });
    expect(problemOf({ familyName: 'x'.repeat(101) })).toEqual({
      code: 'INVALID_NAME',
      field: 'familyName',
    });
  });

  it('rejects a date of birth in the future, and one that is not a date', () => {
    expect(problemOf({ dateOfBirth: '2030-01-01' })).toEqual({
      code: 'DATE_OF_BIRTH_IN_FUTURE',
      field: 'dateOfBirth',
    });
    expect(problemOf({ dateOfBirth: '1899-01-01' })).toEqual({
      code: 'INVALID_DATE_OF_BIRTH',
      field: 'dateOfBirth',
    });
    expect(problemOf({ dateOfBirth: '21/03/1984' })).toEqual({
      code: 'INVALID_DATE_OF_BIRTH',
      field: 'dateOfBirth',
    });
  });

  it('rejects a bad email, phone or postcode, naming the field', () => {
    expect(problemOf({ email: 'amelia' })).toEqual({ code: 'INVALID_EMAIL', field: 'email' });
    expect(problemOf({ phone: '12' })).toEqual({ code: 'INVALID_PHONE', field: 'phone' });
    expect(
      problemOf({ address: { line1: '1 Park Row', town: 'Leeds', postcode: 'NOT A CODE' } }),
    ).toEqual({ code: 'INVALID_POSTCODE', field: 'address.postcode' });
  });

  it('requires the parts of an address, GP practice and emergency contact', () => {
    expect(problemOf({ address: { line1: '', town: 'Leeds', postcode: 'LS1 5AB' } })).toEqual({
      code: 'INVALID_ADDRESS',
      field: 'address.line1',
    });
    expect(problemOf({ gpPractice: { name: ' ' } })).toEqual({
      code: 'INVALID_GP_PRACTICE',
      field: 'gpPractice.name',
    });
    expect(
      problemOf({ emergencyContact: { name: 'Tom', relationship: '', phone: '07700 900456' } }),
    ).toEqual({ code: 'INVALID_EMERGENCY_CONTACT', field: 'emergencyContact.relationship' });
    expect(
      problemOf({ emergencyContact: { name: 'Tom', relationship: 'partner', phone: 'none' } }),
    ).toEqual({ code: 'INVALID_PHONE', field: 'emergencyContact.phone' });
  });
});
