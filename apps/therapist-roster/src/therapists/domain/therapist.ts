import type { Profession } from './profession';
import type { Specialty } from './specialty';
import type { TherapistStatus } from './therapist-status';

/** A therapist as the use cases see it. */
export interface Therapist {
  readonly id: string;
  readonly givenName: string;
  readonly familyName: string;
  /** Contact details: never in public events, never shown to integrators. */
  readonly email: string;
  readonly phone: string | null;
  readonly profession: Profession;
  readonly hcpcNumber: string | null;
  readonly specialties: readonly Specialty[];
  /** Clinics the therapist works at, oldest assignment first. */
  readonly clinicIds: readonly string[];
  readonly status: TherapistStatus;
  readonly joinedAt: Date;
  readonly leftOn: string | null;
}
