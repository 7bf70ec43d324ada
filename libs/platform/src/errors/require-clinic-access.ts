import { Caller, canActForClinic } from '@app/auth';
import { ForbiddenError } from './forbidden.error';

/** Throws FORBIDDEN unless the caller may act for the clinic (head office may act for all). */
export function requireClinicAccess(caller: Caller, clinicId: string): void {
  if (!canActForClinic(caller, clinicId)) {
    throw new ForbiddenError(`clinic ${clinicId} is not one of the clinics your login may act for`);
  }
}
