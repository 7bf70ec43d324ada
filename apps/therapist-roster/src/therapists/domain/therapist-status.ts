/** `left` is final: a therapist who left is kept for history but is never booked again. */
export const THERAPIST_STATUSES = ['active', 'on_leave', 'left'] as const;

export type TherapistStatus = (typeof THERAPIST_STATUSES)[number];
