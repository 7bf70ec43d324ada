import { Caller, canActForClinic, isHeadOffice } from '@app/auth';

/**
 * Which clinics an outcome summary may cover: head office any (undefined = the whole
 * network, or the one clinic asked for); a clinic manager their own clinics (or the one of
 * them asked for); nobody else.
 */
export type SummaryScope =
  | { readonly allowed: true; readonly clinicIds: readonly string[] | undefined }
  | { readonly allowed: false; readonly reason: string };

export function outcomeSummaryScope(caller: Caller, clinicId: string | undefined): SummaryScope {
  if (isHeadOffice(caller.role)) {
    return { allowed: true, clinicIds: clinicId === undefined ? undefined : [clinicId] };
  }
  if (caller.role !== 'clinic_manager') {
    return {
      allowed: false,
      reason: `outcome summaries are for head office and clinic managers; your token has ${caller.role}`,
    };
  }
  if (clinicId === undefined) {
    return { allowed: true, clinicIds: caller.clinicIds };
  }
  return canActForClinic(caller, clinicId)
    ? { allowed: true, clinicIds: [clinicId] }
    : {
        allowed: false,
        reason: `clinic ${clinicId} is not one your login manages; ask head office for network figures`,
      };
}
