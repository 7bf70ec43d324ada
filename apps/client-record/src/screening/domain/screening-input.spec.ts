import { ScreeningErrorCode } from '../screening.errors';
import { ScreeningDraft, checkScreening, isPainScore } from './screening-input';

const TODAY = '2026-03-10';

function draft(overrides: Partial<ScreeningDraft> = {}): ScreeningDraft {
  return {
    conditions: ['lower_back_pain'],
    duration: 'over_12_months',
    baselinePain: 6,
    medications: ['naproxen 500 mg'],
    redFlags: [],
    screenedOn: '2026-03-10',
    ...overrides,
  };
}

describe(isPainScore.name, () => {
  it('accepts whole numbers 0 to 10 only', () => {
    expect([0, 5, 10].every(isPainScore)).toBe(true);
    expect([-1, 11, 4.5, Number.NaN].some(isPainScore)).toBe(false);
  });
});

describe(checkScreening.name, () => {
  it('normalises a valid screening and sets the lapse day', () => {
    const checked = checkScreening(
      draft({ conditions: ['sciatica', 'sciatica'], medications: [' ibuprofen '] }),
      TODAY,
    );
    expect(checked).toEqual({
      ok: true,
      value: expect.objectContaining({
        conditions: ['sciatica'],
        medications: ['ibuprofen'],
        otherConditionDescription: null,
        lapsesOn: '2027-03-10',
      }) as unknown,
    });
  });

  it.each([11, -1, 3.5])('refuses NPRS %p with INVALID_PAIN_SCORE', (baselinePain) => {
    expect(checkScreening(draft({ baselinePain }), TODAY)).toMatchObject({
      ok: false,
      problem: { code: ScreeningErrorCode.InvalidPainScore, field: 'baselinePain' },
    });
  });

  it.each([
    ['not a date', '10/03/2026'],
    ['in the future', '2026-03-12'],
    ['already lapsed', '2025-03-10'],
  ])('refuses a screening date %s', (_case, screenedOn) => {
    expect(checkScreening(draft({ screenedOn }), TODAY)).toMatchObject({
      ok: false,
      problem: { code: ScreeningErrorCode.InvalidScreeningDate },
    });
  });

  it('accepts tomorrow (clinics ahead of UTC) and 364 days ago', () => {
    expect(checkScreening(draft({ screenedOn: '2026-03-11' }), TODAY).ok).toBe(true);
    expect(checkScreening(draft({ screenedOn: '2025-03-11' }), TODAY).ok).toBe(true);
  });

  it('needs at least one condition', () => {
    expect(checkScreening(draft({ conditions: [] }), TODAY)).toMatchObject({
      ok: false,
      problem: { code: ScreeningErrorCode.ConditionsRequired },
    });
  });

  it('needs a description with `other`, and only then', () => {
    expect(checkScreening(draft({ conditions: ['other'] }), TODAY)).toMatchObject({
      ok: false,
      problem: { code: ScreeningErrorCode.InvalidOtherCondition },
    });
    expect(
      checkScreening(draft({ otherConditionDescription: 'plantar fasciitis' }), TODAY),
    ).toMatchObject({ ok: false, problem: { code: ScreeningErrorCode.InvalidOtherCondition } });
    expect(
      checkScreening(
        draft({ conditions: ['other'], otherConditionDescription: ' plantar fasciitis ' }),
        TODAY,
      ),
    ).toMatchObject({ ok: true, value: { otherConditionDescription: 'plantar fasciitis' } });
  });

  it('refuses blank medications', () => {
    expect(checkScreening(draft({ medications: ['  '] }), TODAY)).toMatchObject({
      ok: false,
      problem: { code: ScreeningErrorCode.InvalidMedications },
    });
  });
});
