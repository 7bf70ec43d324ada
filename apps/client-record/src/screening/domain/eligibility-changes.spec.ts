import { ScreeningErrorCode } from '../screening.errors';
import type { CurrentEligibility } from './eligibility';
import {
  checkGpClearance,
  checkOverride,
  gpClearanceReason,
  requireCurrentScreening,
} from './eligibility-changes';
import type { EligibilityStatus } from './screening-terms';

function eligibility(status: EligibilityStatus | 'not_screened'): CurrentEligibility {
  return {
    clientId: 'c1',
    screeningId: status === 'not_screened' ? null : 's1',
    status,
    cause: status === 'not_screened' ? null : 'screening',
    validUntil: status === 'not_screened' ? null : '2026-12-31',
    decidedAt: null,
    reasons: [],
  };
}

describe(checkOverride.name, () => {
  it('accepts a status with a reason, trimmed', () => {
    expect(checkOverride({ status: 'cleared', reason: '  fracture healed on X-ray ' })).toEqual({
      ok: true,
      value: { status: 'cleared', reason: 'fracture healed on X-ray' },
    });
  });

  it.each([undefined, null, '', '   \n\t'])('refuses the reason %p', (reason) => {
    expect(checkOverride({ status: 'cleared', reason })).toMatchObject({
      ok: false,
      problem: { code: ScreeningErrorCode.OverrideReasonRequired, field: 'reason' },
    });
  });

  it('refuses a reason longer than 1000 characters', () => {
    expect(checkOverride({ status: 'not_suitable', reason: 'x'.repeat(1001) })).toMatchObject({
      ok: false,
    });
  });
});

describe(requireCurrentScreening.name, () => {
  it('needs a screening that has not lapsed', () => {
    expect(requireCurrentScreening(eligibility('not_screened'))?.code).toBe(
      ScreeningErrorCode.ScreeningRequired,
    );
    expect(requireCurrentScreening(eligibility('lapsed'))?.message).toContain('lapsed');
    expect(requireCurrentScreening(eligibility('not_suitable'))).toBeUndefined();
  });
});

describe(checkGpClearance.name, () => {
  const draft = { clearedOn: '2026-02-01', gpName: ' Dr Patel ', gpPractice: '', note: null };

  it('clears a client waiting for GP clearance', () => {
    expect(
      checkGpClearance(draft, eligibility('gp_clearance_required'), '2026-01-10', '2026-02-02'),
    ).toEqual({
      ok: true,
      value: { clearedOn: '2026-02-01', gpName: 'Dr Patel', gpPractice: null, note: null },
    });
    expect(gpClearanceReason('2026-02-01')).toBe('GP clearance on 2026-02-01');
  });

  it('cannot change not_suitable: only an override can', () => {
    const checked = checkGpClearance(
      draft,
      eligibility('not_suitable'),
      '2026-01-10',
      '2026-02-02',
    );
    expect(checked).toMatchObject({
      ok: false,
      problem: { code: ScreeningErrorCode.GpClearanceNotApplicable },
    });
    expect(checked.ok ? '' : checked.problem.message).toContain('override');
  });

  it('is not needed for a cleared client', () => {
    expect(
      checkGpClearance(draft, eligibility('cleared'), '2026-01-10', '2026-02-02'),
    ).toMatchObject({ ok: false, problem: { code: ScreeningErrorCode.GpClearanceNotApplicable } });
  });

  it.each([
    ['not a date', '01/02/2026'],
    ['before the screening', '2026-01-09'],
    ['in the future', '2026-02-05'],
  ])('refuses a clearance date %s', (_case, clearedOn) => {
    expect(
      checkGpClearance(
        { ...draft, clearedOn },
        eligibility('gp_clearance_required'),
        '2026-01-10',
        '2026-02-02',
      ),
    ).toMatchObject({
      ok: false,
      problem: { code: ScreeningErrorCode.InvalidGpClearance, field: 'clearedOn' },
    });
  });

  it('needs the GP named', () => {
    expect(
      checkGpClearance(
        { ...draft, gpName: '  ' },
        eligibility('gp_clearance_required'),
        '2026-01-10',
        '2026-02-02',
      ),
    ).toMatchObject({ ok: false, problem: { field: 'gpName' } });
  });
});
