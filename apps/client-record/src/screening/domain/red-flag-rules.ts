import type { RedFlag, ScreeningOutcome } from './screening-terms';

/** What one red flag means for assisted (PNF) stretching, and why, in a clinician's words. */
export interface RedFlagRule {
  readonly outcome: Exclude<ScreeningOutcome, 'cleared'>;
  readonly reason: string;
}

/**
 * The rules table: one rule per red flag. `not_suitable` is for flags that need urgent or
 * specialist medical care first, where stretching could mask or worsen a serious problem;
 * `gp_clearance_required` for flags where stretching may be safe once the GP (or the
 * treating specialist) confirms it and says what to avoid. Reviewed against the network's
 * intake guidance ("especially if you have a pre-existing medical condition, a chat with
 * your GP or specialist is always a good first step").
 */
export const RED_FLAG_RULES: Readonly<Record<RedFlag, RedFlagRule>> = {
  surgery_last_6_months: {
    outcome: 'gp_clearance_required',
    reason:
      'Surgery in the last 6 months: tissues may still be healing; the GP or surgeon must confirm that assisted stretching is safe and which areas to avoid.',
  },
  recent_fracture: {
    outcome: 'gp_clearance_required',
    reason:
      'Recent fracture: load through a healing bone risks re-injury; the GP must confirm the fracture has healed before stretching near it.',
  },
  osteoporosis: {
    outcome: 'gp_clearance_required',
    reason:
      'Osteoporosis: end-range and loaded stretches carry a fracture risk; the GP must confirm treatment is safe and any limits on force or position.',
  },
  pregnancy: {
    outcome: 'gp_clearance_required',
    reason:
      'Pregnancy: relaxin loosens ligaments and some positions are unsafe; the GP or midwife must confirm that assisted stretching is appropriate.',
  },
  dvt_or_clotting_disorder: {
    outcome: 'gp_clearance_required',
    reason:
      'DVT or clotting disorder: deep pressure and limb stretching could dislodge a clot or cause bleeding on anticoagulants; the GP must confirm it is safe.',
  },
  active_cancer: {
    outcome: 'gp_clearance_required',
    reason:
      'Active cancer: bone metastases and treatment side effects (fragile bones, low platelets) change what is safe; the oncology team or GP must confirm.',
  },
  cauda_equina_symptoms: {
    outcome: 'not_suitable',
    reason:
      'Cauda equina symptoms (saddle numbness, new bladder or bowel change, leg weakness): a medical emergency; do not treat, send the client to A&E or their GP today.',
  },
  unexplained_weight_loss: {
    outcome: 'not_suitable',
    reason:
      'Unexplained weight loss with pain may signal serious disease; not suitable until the GP has investigated. Refer the client to their GP.',
  },
  inflammatory_flare_up: {
    outcome: 'gp_clearance_required',
    reason:
      'Inflammatory flare-up (e.g. rheumatoid arthritis, ankylosing spondylitis): stretching inflamed joints can worsen the flare; the GP or rheumatologist must confirm when treatment may start.',
  },
  uncontrolled_hypertension: {
    outcome: 'gp_clearance_required',
    reason:
      'Uncontrolled high blood pressure: held contractions in PNF stretching raise blood pressure; the GP must confirm it is controlled enough for treatment.',
  },
};
