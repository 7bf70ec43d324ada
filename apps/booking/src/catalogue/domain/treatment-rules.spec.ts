import { changedTreatmentFields, checkTreatment, TreatmentFields } from './treatment-rules';

const stretch: TreatmentFields = {
  code: 'PNF_STRETCH_30',
  name: 'PNF assisted stretch (30 min)',
  kind: 'treatment',
  durationMinutes: 30,
  bufferAfterMinutes: 10,
  pricePence: 3500,
  currency: 'GBP',
  requiredCertifications: ['pnf_level_1'],
  requiresScreeningClearance: true,
  selfBookable: true,
  active: true,
};

function codeOf(fields: Partial<TreatmentFields>): string | undefined {
  const check = checkTreatment({ ...stretch, ...fields });
  return check.ok ? undefined : check.violation.code;
}

describe(checkTreatment.name, () => {
  it('accepts a valid treatment and normalises code, name and certifications', () => {
    const check = checkTreatment({
      ...stretch,
      code: ' pnf_stretch_90 ',
      name: '  PNF 90 ',
      requiredCertifications: [' PNF_Level_1', 'pnf_level_1', 'first_aid'],
    });
    expect(check).toEqual({
      ok: true,
      value: {
        ...stretch,
        code: 'PNF_STRETCH_90',
        name: 'PNF 90',
        requiredCertifications: ['pnf_level_1', 'first_aid'],
      },
    });
  });

  it.each([15, 20, 60, 175, 180])('accepts a duration of %i minutes', (durationMinutes) => {
    expect(codeOf({ durationMinutes })).toBeUndefined();
  });

  it.each([0, 10, 14, 32, 185, 240, 30.5, Number.NaN])(
    'rejects a duration of %p minutes',
    (durationMinutes) => {
      expect(codeOf({ durationMinutes })).toBe('INVALID_DURATION');
    },
  );

  it.each([0, 7, 60])('accepts a buffer of %i minutes', (bufferAfterMinutes) => {
    expect(codeOf({ bufferAfterMinutes })).toBeUndefined();
  });

  it.each([-5, 61, 2.5])('rejects a buffer of %p minutes', (bufferAfterMinutes) => {
    expect(codeOf({ bufferAfterMinutes })).toBe('INVALID_BUFFER');
  });

  it('accepts a free treatment and rejects a negative, fractional or absurd price', () => {
    expect(codeOf({ pricePence: 0 })).toBeUndefined();
    expect(codeOf({ pricePence: -1 })).toBe('INVALID_PRICE');
    expect(codeOf({ pricePence: 45.5 })).toBe('INVALID_PRICE');
    expect(codeOf({ pricePence: 10_000_001 })).toBe('INVALID_PRICE');
  });

  it('rejects a code that is not letters, digits and single underscores', () => {
    expect(codeOf({ code: 'PNF STRETCH' })).toBe('INVALID_TREATMENT_CODE');
    expect(codeOf({ code: '30_PNF' })).toBe('INVALID_TREATMENT_CODE');
    expect(codeOf({ code: 'PNF__30' })).toBe('INVALID_TREATMENT_CODE');
    expect(codeOf({ code: '' })).toBe('INVALID_TREATMENT_CODE');
  });

  it('rejects an empty or over-long name', () => {
    expect(codeOf({ name: '   ' })).toBe('INVALID_TREATMENT_NAME');
    expect(codeOf({ name: 'x'.repeat(101) })).toBe('INVALID_TREATMENT_NAME');
  });

  it('rejects a certification type the network does not know, naming the known ones', () => {
    const check = checkTreatment({ ...stretch, requiredCertifications: ['dry_needling'] });
    expect(check.ok).toBe(false);
    if (!check.ok) {
      expect(check.violation.code).toBe('UNKNOWN_CERTIFICATION_TYPE');
      expect(check.violation.message).toContain('"dry_needling"');
      expect(check.violation.message).toContain('pnf_level_2');
    }
  });

  it('rejects an assessment that requires screening clearance', () => {
    expect(codeOf({ kind: 'assessment', requiresScreeningClearance: true })).toBe(
      'ASSESSMENT_REQUIRES_CLEARANCE',
    );
    expect(codeOf({ kind: 'assessment', requiresScreeningClearance: false })).toBeUndefined();
  });
});

describe(changedTreatmentFields.name, () => {
  it('lists the fields that differ, sorted', () => {
    expect(
      changedTreatmentFields(stretch, {
        ...stretch,
        pricePence: 3800,
        active: false,
        requiredCertifications: ['pnf_level_2'],
      }),
    ).toEqual(['active', 'pricePence', 'requiredCertifications']);
  });

  it('lists nothing when nothing differs', () => {
    expect(
      changedTreatmentFields(stretch, { ...stretch, requiredCertifications: ['pnf_level_1'] }),
    ).toEqual([]);
  });
});
