export const PROFESSIONS = ['physiotherapist', 'sports_therapist', 'stretch_therapist'] as const;

export type Profession = (typeof PROFESSIONS)[number];
