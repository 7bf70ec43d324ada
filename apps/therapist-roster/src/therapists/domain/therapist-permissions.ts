import type { Caller } from '@app/auth';
import { managesClinic } from './therapist-read-scope';

/**
 * Who may change therapists. Head office admins change any therapist; a clinic manager
 * changes the therapists who work at one of their clinics and assigns therapists to (or
 * removes them from) their own clinics. Clinical leads read but do not change therapists.
 */
export function canManageClinicStaff(caller: Caller, clinicId: string): boolean {
  return caller.role === 'head_office_admin' || managesClinic(caller, clinicId);
}

export function canManageTherapist(
  caller: Caller,
  therapist: { readonly clinicIds: readonly string[] },
): boolean {
  return (
    caller.role === 'head_office_admin' ||
    therapist.clinicIds.some((clinicId) => managesClinic(caller, clinicId))
  );
}

/** A therapist's own login (role therapist, token `therapist_id` = this therapist). */
export function isTherapistThemself(caller: Caller, therapistId: string): boolean {
  return caller.role === 'therapist' && caller.therapistId === therapistId;
}

/** The fields a therapist may change on their own profile. */
export const SELF_EDITABLE_FIELDS = ['email', 'phone'] as const;
