import type { Caller } from '@app/auth';
import { canManageTherapist } from '../../therapists/domain/therapist-permissions';

interface TherapistClinics {
  readonly clinicIds: readonly string[];
}

/** Head office, or a manager of one of the therapist's clinics, records certifications. */
export function canRecordCertification(caller: Caller, therapist: TherapistClinics): boolean {
  return canManageTherapist(caller, therapist);
}

/** Verifying is clinical governance: head-office admins and clinical leads only. */
export function canVerifyCertification(caller: Caller): boolean {
  return caller.role === 'head_office_admin' || caller.role === 'clinical_lead';
}

/** Those who verify, and the manager who recorded (a mistake), may revoke. */
export function canRevokeCertification(caller: Caller, therapist: TherapistClinics): boolean {
  return canVerifyCertification(caller) || canManageTherapist(caller, therapist);
}

/** Integrators see a certification's type, dates and status, not who handled its evidence. */
export function maySeeCertificationEvidence(caller: Caller): boolean {
  return caller.role !== 'integrator' && caller.role !== 'client';
}
