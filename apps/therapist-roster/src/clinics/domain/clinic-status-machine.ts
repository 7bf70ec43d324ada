import type { ClinicStatus } from './clinic-status';

/**
 * Which status a clinic may move to from each status. A clinic opens ("opening"), goes live
 * ("active"), may be suspended and reinstated, and may close from any status; closed is final.
 */
export const CLINIC_STATUS_TRANSITIONS: Readonly<Record<ClinicStatus, readonly ClinicStatus[]>> =
  Object.freeze({
    opening: ['active', 'closed'],
    active: ['suspended', 'closed'],
    suspended: ['active', 'closed'],
    closed: [],
  });

export function canChangeStatus(from: ClinicStatus, to: ClinicStatus): boolean {
  return CLINIC_STATUS_TRANSITIONS[from].includes(to);
}

/** Why a clinic in `from` cannot move to `to`, naming the current status; undefined if it can. */
export function statusChangeProblem(from: ClinicStatus, to: ClinicStatus): string | undefined {
  if (canChangeStatus(from, to)) {
    return undefined;
  }
  if (from === to) {
    return `the clinic is already ${from}`;
  }
  const allowed = CLINIC_STATUS_TRANSITIONS[from];
  if (allowed.length === 0) {
    return `the clinic is ${from}, which is final: it cannot become ${to}`;
  }
  return `the clinic is ${from} and cannot become ${to}; from ${from} it may become ${allowed.join(' or ')}`;
}
