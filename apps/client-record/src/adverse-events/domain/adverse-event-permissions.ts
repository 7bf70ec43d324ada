import { Caller, canActForClinic, isHeadOffice } from '@app/auth';

export type Permission =
  { readonly allowed: true } | { readonly allowed: false; readonly reason: string };

const ALLOW: Permission = { allowed: true };

/**
 * Beyond clinical:write on the client: staff report for a clinic they act for (head office
 * for any). The clinic must also be one the client attends (checked against the record).
 */
export function mayReportAtClinic(caller: Caller, clinicId: string): Permission {
  if (isHeadOffice(caller.role) || canActForClinic(caller, clinicId)) {
    return ALLOW;
  }
  return {
    allowed: false,
    reason: `your login does not act for clinic ${clinicId}; report the event for the clinic where you treat the client`,
  };
}

/** Head office (admin and clinical lead) see the governance queue of severe events. */
export function mayReadGovernanceQueue(caller: Caller): Permission {
  return isHeadOffice(caller.role)
    ? ALLOW
    : {
        allowed: false,
        reason: `the clinical governance queue is for head office (head_office_admin, clinical_lead); your token has ${caller.role}`,
      };
}

/** Only a clinical lead reviews a flagged event. */
export function mayReviewAdverseEvent(caller: Caller): Permission {
  return caller.role === 'clinical_lead'
    ? ALLOW
    : {
        allowed: false,
        reason: `reviewing adverse events needs the role clinical_lead; your token has ${caller.role}`,
      };
}
