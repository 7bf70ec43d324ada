/** The conditions a client comes with (the network's specialties, plus `other`). */
export const CONDITIONS = [
  'lower_back_pain',
  'sciatica',
  'neck_shoulder',
  'fibromyalgia',
  'osteoarthritis',
  'sports_injury',
  'other',
] as const;
export type Condition = (typeof CONDITIONS)[number];

/** How long the client has had the pain (chronic pain is pain of 3 months or more). */
export const CONDITION_DURATIONS = [
  'under_3_months',
  'between_3_and_12_months',
  'over_12_months',
] as const;
export type ConditionDuration = (typeof CONDITION_DURATIONS)[number];

/** Red flags asked at intake; each has a rule in red-flag-rules.ts. */
export const RED_FLAGS = [
  'surgery_last_6_months',
  'recent_fracture',
  'osteoporosis',
  'pregnancy',
  'dvt_or_clotting_disorder',
  'active_cancer',
  'cauda_equina_symptoms',
  'unexplained_weight_loss',
  'inflammatory_flare_up',
  'uncontrolled_hypertension',
] as const;
export type RedFlag = (typeof RED_FLAGS)[number];

/** A screening's outcome, worst last: a client is treated only when `cleared`. */
export const SCREENING_OUTCOMES = ['cleared', 'gp_clearance_required', 'not_suitable'] as const;
export type ScreeningOutcome = (typeof SCREENING_OUTCOMES)[number];

/** Eligibility as it stands: a screening outcome, or `lapsed` 12 months after screening. */
export const ELIGIBILITY_STATUSES = [...SCREENING_OUTCOMES, 'lapsed'] as const;
export type EligibilityStatus = (typeof ELIGIBILITY_STATUSES)[number];

/** What changed a client's eligibility. */
export const ELIGIBILITY_CAUSES = ['screening', 'override', 'gp_clearance', 'lapse'] as const;
export type EligibilityCause = (typeof ELIGIBILITY_CAUSES)[number];
