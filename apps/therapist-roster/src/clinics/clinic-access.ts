import { Caller, isUuid } from '@app/auth';
import { ForbiddenError } from '@app/platform/errors/forbidden.error';
import { requireClinicAccess } from '@app/platform/errors/require-clinic-access';
import { ClinicError, ClinicErrorCode } from './clinics.errors';
import type { Clinic } from './domain/clinic';

/**
 * Who may do what with clinics, checked by the services (resolver @Roles are a first
 * filter only). Head office admins change clinics; clinic managers manage the rooms of
 * their own clinics; everyone reads the clinics in their scope.
 */
export function requireHeadOfficeAdmin(caller: Caller, action: string): void {
  if (caller.role !== 'head_office_admin') {
    throw new ForbiddenError(
      `only head office (role head_office_admin) may ${action}; your token has the role ${caller.role}`,
    );
  }
}

export function requireRoomManager(caller: Caller, clinicId: string): void {
  if (caller.role === 'head_office_admin') {
    return;
  }
  if (caller.role !== 'clinic_manager') {
    throw new ForbiddenError(
      `only head office or the clinic's manager may change its rooms; your token has the role ${caller.role}`,
    );
  }
  requireClinicAccess(caller, clinicId);
}

/** What a caller sees of a clinic: integrators (outside systems) get no contact details. */
export function visibleTo(caller: Caller, clinic: Clinic): Clinic {
  return caller.role === 'integrator' ? { ...clinic, contact: null } : clinic;
}

/** A well-formed (lower-case) UUID, or INVALID_CLINIC_ID naming the field. */
export function parseClinicId(id: string, field = 'clinicId'): string {
  const wellFormed: boolean = isUuid(id);
  if (!wellFormed) {
    throw new ClinicError(
      ClinicErrorCode.InvalidClinicId,
      `"${id}" is not a clinic id: clinic ids are UUIDs`,
      { field },
    );
  }
  return id.toLowerCase();
}

/** The clinic a mutation may change: it exists and is not closed (closed is final). */
export function requireChangeable(clinic: Clinic | undefined, clinicId: string): Clinic {
  const found = requireFound(clinic, clinicId);
  if (found.status === 'closed') {
    throw new ClinicError(
      ClinicErrorCode.ClinicClosed,
      `clinic ${found.code} is closed, which is final: it can no longer be changed`,
    );
  }
  return found;
}

export function requireFound(clinic: Clinic | undefined, clinicId: string): Clinic {
  if (clinic === undefined) {
    throw new ClinicError(ClinicErrorCode.ClinicNotFound, `clinic ${clinicId} does not exist`, {
      clinicId,
    });
  }
  return clinic;
}
