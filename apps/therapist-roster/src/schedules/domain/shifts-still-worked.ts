import { addDays } from './calendar-date';
import type { PatternShift } from './pattern-shift';

/** Where a therapist works now, and the day they left (if they did). */
export interface TherapistEmployment {
  /** Clinics the therapist is currently assigned to. */
  readonly clinicIds: readonly string[];
  /** The first day they no longer work; null while they still work in the network. */
  readonly leftOn: string | null;
}

/**
 * The part of a therapist's stored pattern they still work: shifts at clinics they are no
 * longer assigned to are dropped, and nothing applies from the day they left on (their
 * periods end the day before `leftOn`). The stored pattern is kept; this is applied on read,
 * as booking does from therapist.assigned / unassigned / left events.
 */
export function shiftsStillWorked(
  shifts: readonly PatternShift[],
  employment: TherapistEmployment,
): PatternShift[] {
  const lastDay = employment.leftOn === null ? null : addDays(employment.leftOn, -1);
  return shifts.flatMap((shift): PatternShift[] => {
    if (!employment.clinicIds.includes(shift.clinicId)) {
      return [];
    }
    if (lastDay === null) {
      return [shift];
    }
    if (shift.effectiveFrom > lastDay) {
      return [];
    }
    if (shift.effectiveTo !== null && shift.effectiveTo <= lastDay) {
      return [shift];
    }
    return [{ ...shift, effectiveTo: lastDay }];
  });
}
