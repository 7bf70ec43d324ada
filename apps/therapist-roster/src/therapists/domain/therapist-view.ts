import type { Therapist } from './therapist';

/** A therapist as a reader sees them: email and phone are null for integrators and clients. */
export interface TherapistView extends Omit<Therapist, 'email'> {
  readonly email: string | null;
}

/** What an integrator sees in its grant: everything but the contact details. */
export function withoutContactDetails(therapist: Therapist): TherapistView {
  return { ...therapist, email: null, phone: null };
}

/**
 * What a client sees: an allow-list of the public profile (name, profession, HCPC number,
 * which is on the public HCPC register, specialties, clinics, joinedAt as "with us since").
 * No contact details; leave is private (on_leave shows as active) and no leaving date.
 * Built field by field so a field added to Therapist is not shown to clients by default.
 */
export function clientProfileOf(therapist: Therapist): TherapistView {
  return {
    id: therapist.id,
    givenName: therapist.givenName,
    familyName: therapist.familyName,
    email: null,
    phone: null,
    profession: therapist.profession,
    hcpcNumber: therapist.hcpcNumber,
    specialties: therapist.specialties,
    clinicIds: therapist.clinicIds,
    status: therapist.status === 'left' ? 'left' : 'active',
    joinedAt: therapist.joinedAt,
    leftOn: null,
  };
}
