import type { TherapistState } from '@app/contracts';
import type { Therapist } from './domain/therapist';

/** The public state every therapist event carries: no email, no phone. */
export function therapistStateOf(therapist: Therapist): TherapistState {
  return {
    therapistId: therapist.id,
    givenName: therapist.givenName,
    familyName: therapist.familyName,
    profession: therapist.profession,
    hcpcNumber: therapist.hcpcNumber,
    specialties: [...therapist.specialties],
    clinicIds: [...therapist.clinicIds],
    status: therapist.status,
  };
}

/** The envelope's clinic for events about the whole therapist: their first clinic. */
export function primaryClinicOf(therapist: Therapist): string | null {
  return therapist.clinicIds[0] ?? null;
}
