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

/**
 * Who may change a therapist's network-wide status (put them on leave, back to active, or
 * mark them as left): leaving and leave apply at every clinic they work at, so head office
 * or a manager of EVERY one of those clinics. A manager of only some of them may instead
 * unassign the therapist from their own clinics.
 */
export function canChangeTherapistNetworkStatus(
  caller: Caller,
  therapist: { readonly clinicIds: readonly string[] },
): boolean {
  if (caller.role === 'head_office_admin') {
    return true;
  }
  return (
    therapist.clinicIds.length > 0 &&
    therapist.clinicIds.every((clinicId) => managesClinic(caller, clinicId))
  );
}

/** The therapist's clinics the caller does not manage (for a message saying what to do). */
export function clinicsNotManagedBy(
  caller: Caller,
  therapist: { readonly clinicIds: readonly string[] },
): string[] {
  return therapist.clinicIds.filter((clinicId) => !managesClinic(caller, clinicId));
}

/** A therapist's own login (role therapist, token `therapist_id` = this therapist). */
export function isTherapistThemself(caller: Caller, therapistId: string): boolean {
  return caller.role === 'therapist' && caller.therapistId === therapistId;
}

/** The fields a therapist may change on their own profile. */
export const SELF_EDITABLE_FIELDS = ['email', 'phone'] as const;
