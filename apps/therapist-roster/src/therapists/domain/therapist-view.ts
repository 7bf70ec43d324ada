import type { Therapist } from './therapist';

/** A therapist as a reader sees them: email and phone are null for integrators. */
export interface TherapistView extends Omit<Therapist, 'email'> {
  readonly email: string | null;
}
