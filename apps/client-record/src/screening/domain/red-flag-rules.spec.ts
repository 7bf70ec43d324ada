import { eligibilityForRedFlags, worseOutcome } from './eligibility-rules';
import { RED_FLAG_RULES } from './red-flag-rules';
import { RED_FLAGS, RedFlag } from './screening-terms';

describe('RED_FLAG_RULES', () => {
  it.each<[RedFlag, string, RegExp]>([
    ['surgery_last_6_months', 'gp_clearance_required', /surgeon/],
    ['recent_fracture', 'gp_clearance_required', /fracture has healed/],
    ['osteoporosis', 'gp_clearance_required', /fracture risk/],
    ['pregnancy', 'gp_clearance_required', /midwife/],
    ['dvt_or_clotting_disorder', 'gp_clearance_required', /clot/],
    ['active_cancer', 'gp_clearance_required', /oncology/],
    ['cauda_equina_symptoms', 'not_suitable', /A&E/],
    ['unexplained_weight_loss', 'not_suitable', /Refer the client to their GP/],
    ['inflammatory_flare_up', 'gp_clearance_required', /rheumatologist/],
    ['uncontrolled_hypertension', 'gp_clearance_required', /blood pressure/],
  ])('%s alone gives %s with its reason', (flag, outcome, reason) => {
    expect(eligibilityForRedFlags([flag])).toEqual({
      status: outcome,
      reasons: [RED_FLAG_RULES[flag].reason],
    });
    expect(RED_FLAG_RULES[flag].reason).toMatch(reason);
  });

  it('has a rule for every red flag asked at intake', () => {
    expect(Object.keys(RED_FLAG_RULES).sort()).toEqual([...RED_FLAGS].sort());
  });
});

describe(eligibilityForRedFlags.name, () => {
  it('clears a client with no red flags, with no reasons', () => {
    expect(eligibilityForRedFlags([])).toEqual({ status: 'cleared', reasons: [] });
  });

  it('lets the worst outcome win and lists every reason in order', () => {
    const verdict = eligibilityForRedFlags(['pregnancy', 'cauda_equina_symptoms', 'osteoporosis']);
    expect(verdict.status).toBe('not_suitable');
    expect(verdict.reasons).toEqual([
      RED_FLAG_RULES.pregnancy.reason,
      RED_FLAG_RULES.cauda_equina_symptoms.reason,
      RED_FLAG_RULES.osteoporosis.reason,
    ]);
  });

  it('needs GP clearance when every flag needs it', () => {
    const verdict = eligibilityForRedFlags(['recent_fracture', 'active_cancer']);
    expect(verdict.status).toBe('gp_clearance_required');
    expect(verdict.reasons).toHaveLength(2);
  });

  it('counts a flag given twice once', () => {
    expect(eligibilityForRedFlags(['pregnancy', 'pregnancy']).reasons).toHaveLength(1);
  });
});

describe(worseOutcome.name, () => {
  it('orders cleared < gp_clearance_required < not_suitable', () => {
    expect(worseOutcome('cleared', 'gp_clearance_required')).toBe('gp_clearance_required');
    expect(worseOutcome('not_suitable', 'gp_clearance_required')).toBe('not_suitable');
    expect(worseOutcome('gp_clearance_required', 'cleared')).toBe('gp_clearance_required');
    expect(worseOutcome('cleared', 'cleared')).toBe('cleared');
  });
});
