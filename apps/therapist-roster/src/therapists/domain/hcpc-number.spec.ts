import { checkHcpcNumber, normaliseHcpcNumber } from './hcpc-number';

describe(normaliseHcpcNumber.name, () => {
  it('accepts "PH" followed by five or six digits', () => {
    expect(normaliseHcpcNumber('PH12345')).toBe('PH12345');
    expect(normaliseHcpcNumber('PH123456')).toBe('PH123456');
  });

  it('upper-cases and drops spaces, as people copy numbers from letters', () => {
    expect(normaliseHcpcNumber(' ph 123 456 ')).toBe('PH123456');
  });

  it('rejects too few or too many digits', () => {
    expect(normaliseHcpcNumber('PH1234')).toBeUndefined();
    expect(normaliseHcpcNumber('PH1234567')).toBeUndefined();
  });

  it('rejects other professions’ prefixes and stray characters', () => {
    expect(normaliseHcpcNumber('OT12345')).toBeUndefined();
    expect(normaliseHcpcNumber('PH-12345')).toBeUndefined();
    expect(normaliseHcpcNumber('12345')).toBeUndefined();
  });
});

describe(checkHcpcNumber.name, () => {
  it('requires a number for a physiotherapist', () => {
    expect(checkHcpcNumber('physiotherapist', null)).toEqual({ ok: false, problem: 'required' });
    expect(checkHcpcNumber('physiotherapist', '  ')).toEqual({ ok: false, problem: 'required' });
  });

  it('rejects a malformed number for a physiotherapist', () => {
    expect(checkHcpcNumber('physiotherapist', 'PH12')).toEqual({
      ok: false,
      problem: 'malformed',
    });
  });

  it('normalises a good number', () => {
    expect(checkHcpcNumber('physiotherapist', 'ph123456')).toEqual({
      ok: true,
      hcpcNumber: 'PH123456',
    });
  });

  it('lets other professions have no number', () => {
    expect(checkHcpcNumber('sports_therapist', null)).toEqual({ ok: true, hcpcNumber: null });
    expect(checkHcpcNumber('stretch_therapist', '')).toEqual({ ok: true, hcpcNumber: null });
  });

  it('still format-checks a number given for another profession', () => {
    expect(checkHcpcNumber('sports_therapist', 'nonsense')).toEqual({
      ok: false,
      problem: 'malformed',
    });
  });
});
