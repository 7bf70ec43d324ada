/**
 * Certification types a treatment may require: booking's own copy of the types the
 * therapist-roster service records (its certification-type.ts), so booking never imports
 * another app. Add a type here when roster starts recording it and a treatment needs it.
 */
export const TREATMENT_CERTIFICATION_TYPES = [
  'hcpc_registration',
  'pnf_level_1',
  'pnf_level_2',
  'first_aid',
  'chronic_pain_cpd',
] as const;

export type TreatmentCertificationType = (typeof TREATMENT_CERTIFICATION_TYPES)[number];
