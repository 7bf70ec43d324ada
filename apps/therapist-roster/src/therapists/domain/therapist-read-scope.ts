import { Caller, canActForClinic, isHeadOffice } from '@app/auth';

/**
 * Which therapists a caller may read: head office every one; clinic staff and integrators
 * those working at their clinics; a therapist only themselves; anyone else no one.
 */
export type TherapistReadScope =
  | { readonly kind: 'all' }
  | { readonly kind: 'clinics'; readonly clinicIds: readonly string[] }
  | { readonly kind: 'self'; readonly therapistId: string }
  | { readonly kind: 'none' };

export function therapistReadScope(caller: Caller): TherapistReadScope {
  if (isHeadOffice(caller.role)) {
    return { kind: 'all' };
  }
  switch (caller.role) {
    case 'clinic_manager':
    case 'receptionist':
    case 'integrator':
      return caller.clinicIds.length === 0
        ? { kind: 'none' }
        : { kind: 'clinics', clinicIds: caller.clinicIds };
    case 'therapist':
      return caller.therapistId === undefined
        ? { kind: 'none' }
        : { kind: 'self', therapistId: caller.therapistId };
    case 'client':
    case 'head_office_admin':
    case 'clinical_lead':
      return { kind: 'none' };
    default: {
      const unreachable: never = caller.role;
      throw new Error(`unknown role ${String(unreachable)}`);
    }
  }
}

/** True when `scope` lets the caller read this therapist. */
export function scopeAllows(
  scope: TherapistReadScope,
  therapist: { readonly id: string; readonly clinicIds: readonly string[] },
): boolean {
  switch (scope.kind) {
    case 'all':
      return true;
    case 'clinics':
      return therapist.clinicIds.some((clinicId) => scope.clinicIds.includes(clinicId));
    case 'self':
      return scope.therapistId === therapist.id;
    case 'none':
      return false;
    default: {
      const unreachable: never = scope;
      throw new Error(`unknown scope ${JSON.stringify(unreachable)}`);
    }
  }
}

/** Integrators (and anyone not staff) read therapists without email and phone. */
export function maySeeContactDetails(caller: Caller): boolean {
  return caller.role !== 'integrator' && caller.role !== 'client';
}

/**
 * How much of one therapist a caller may read:
 * - `full`: the whole record, contact details included (staff in their read scope);
 * - `no_contact`: the record without email and phone: integrators in their grant;
 * - `public`: the client view (clientProfileOf: name, profession, HCPC number, specialties,
 *   clinics; leave and leaving date private): clients, for any therapist they ask for by id
 *   (the one on their booking, or one offered by availability when they book online);
 * - `none`: nothing (FORBIDDEN).
 * Certifications, lists and everything else follow the read scope alone: clients get none.
 */
export type TherapistProfileAccess = 'full' | 'no_contact' | 'public' | 'none';

export function therapistProfileAccess(
  caller: Caller,
  therapist: { readonly id: string; readonly clinicIds: readonly string[] },
): TherapistProfileAccess {
  if (caller.role === 'client') {
    return 'public';
  }
  if (!scopeAllows(therapistReadScope(caller), therapist)) {
    return 'none';
  }
  return maySeeContactDetails(caller) ? 'full' : 'no_contact';
}

/** Used by `canManage*`: a clinic manager acts for the clinics in their token. */
export function managesClinic(caller: Caller, clinicId: string): boolean {
  return caller.role === 'clinic_manager' && canActForClinic(caller, clinicId);
}
