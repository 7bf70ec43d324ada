import { Caller, canActForClinic, isHeadOffice } from '@app/auth';

/** Who may change a therapist's working pattern at a clinic: its manager or head office. */
export function canSetWorkingPattern(caller: Caller, clinicId: string): boolean {
  return (
    caller.role === 'head_office_admin' ||
    (caller.role === 'clinic_manager' && canActForClinic(caller, clinicId))
  );
}

/** Managers of a clinic the therapist works at, and head office, decide on time off. */
export function canDecideTimeOff(caller: Caller, therapistClinicIds: readonly string[]): boolean {
  return (
    caller.role === 'head_office_admin' ||
    (caller.role === 'clinic_manager' &&
      therapistClinicIds.some((clinicId) => canActForClinic(caller, clinicId)))
  );
}

/** True when the caller is the therapist's own login. */
export function isTherapistThemself(caller: Caller, therapistId: string): boolean {
  return caller.role === 'therapist' && caller.therapistId === therapistId;
}

/** A therapist asks for their own time off; their manager or head office may ask for them. */
export function canRequestTimeOff(
  caller: Caller,
  therapistId: string,
  therapistClinicIds: readonly string[],
): boolean {
  return isTherapistThemself(caller, therapistId) || canDecideTimeOff(caller, therapistClinicIds);
}

/** Whoever may request time off for a therapist may also cancel it. */
export const canCancelTimeOff = canRequestTimeOff;

export type RosterAccess = 'whole_clinic' | 'own_shifts' | 'none';

/**
 * What of a clinic's roster the caller may read: head office, and the clinic's managers and
 * receptionists, the whole roster; a therapist working there only their own shifts.
 */
export function rosterAccess(caller: Caller, clinicId: string): RosterAccess {
  if (isHeadOffice(caller.role)) {
    return 'whole_clinic';
  }
  if (!canActForClinic(caller, clinicId)) {
    return 'none';
  }
  switch (caller.role) {
    case 'clinic_manager':
    case 'receptionist':
      return 'whole_clinic';
    case 'therapist':
      return caller.therapistId === undefined ? 'none' : 'own_shifts';
    case 'client':
    case 'integrator':
    case 'head_office_admin':
    case 'clinical_lead':
      return 'none';
    default: {
      const unreachable: never = caller.role;
      throw new Error(`unknown role ${String(unreachable)}`);
    }
  }
}
