import { normaliseClinicCode } from './clinic-code';

describe(normaliseClinicCode.name, () => {
  it('upper-cases and trims a valid code', () => {
    expect(normaliseClinicCode(' lds-01 ')).toBe('LDS-01');
  });

  it('rejects spaces, punctuation and codes that are too long', () => {
    expect(normaliseClinicCode('LEEDS CITY')).toBeUndefined();
    expect(normaliseClinicCode('LDS_01')).toBeUndefined();
    expect(normaliseClinicCode('ABCDEFGHIJ')).toBeUndefined();
  });
});
