import type { Address, EmergencyContact, GpPractice } from './client-details';

export type RegistrationChannel = 'staff' | 'online';

export interface ClientClinic {
  readonly clinicId: string;
  readonly since: Date;
}

/**
 * A client as stored. Personal fields are null once an erasure request removed them (the
 * date of birth stays until the purge: the retention rule for children needs it).
 */
export interface Client {
  readonly id: string;
  readonly givenName: string | null;
  readonly familyName: string | null;
  readonly dateOfBirth: string | null;
  readonly email: string | null;
  readonly phone: string | null;
  readonly address: Address | null;
  readonly gpPractice: GpPractice | null;
  readonly emergencyContact: EmergencyContact | null;
  readonly identitySubject: string | null;
  readonly registeredVia: RegistrationChannel | null;
  readonly registeredClinicId: string | null;
  /** Oldest first. */
  readonly clinics: readonly ClientClinic[];
  readonly registeredAt: Date;
  readonly updatedAt: Date;
  readonly erasedAt: Date | null;
  readonly version: number;
}
