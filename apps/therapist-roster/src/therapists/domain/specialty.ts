export const SPECIALTIES = [
  'lower_back_pain',
  'sciatica',
  'neck_shoulder',
  'fibromyalgia',
  'osteoarthritis',
  'sports_injury',
] as const;

export type Specialty = (typeof SPECIALTIES)[number];
