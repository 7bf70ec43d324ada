import type { WeeklyHours } from '../../clinics/domain/opening-hours';
import type { PatternShift } from './pattern-shift';
import type { SchedulePolicy } from './schedule-policy';
import type { ScheduleProblem } from './schedule-problem';
import { checkShiftInsideOpeningHours, checkShiftTimes, findShiftClash } from './shift-rules';

export interface WorkingPatternCheck {
  /** The new shifts of one therapist at one clinic. */
  readonly shifts: readonly PatternShift[];
  /** The clinic's weekly opening hours. */
  readonly weekly: WeeklyHours;
  /** The therapist's other shifts that stay in force (other clinics, earlier periods). */
  readonly otherShifts: readonly PatternShift[];
  readonly therapistName: string;
  readonly clinicName: (clinicId: string) => string;
  readonly policy: SchedulePolicy;
}

/**
 * Every rule a new working pattern must meet, in order: well-formed times, start before
 * end, inside the clinic's opening hours, no clash within the pattern, no clash with the
 * therapist's other shifts (with travel time between clinics). Empty when all hold.
 */
export function checkWorkingPattern(check: WorkingPatternCheck): ScheduleProblem[] {
  const problems: ScheduleProblem[] = [];
  check.shifts.forEach((shift, index) => {
    const field = `shifts[${index}]`;
    const timesProblem = checkShiftTimes(shift, field);
    if (timesProblem !== undefined) {
      problems.push(timesProblem);
      return;
    }
    const hoursProblem = checkShiftInsideOpeningHours(
      shift,
      check.weekly,
      { therapist: check.therapistName, clinic: check.clinicName(shift.clinicId) },
      field,
    );
    if (hoursProblem !== undefined) {
      problems.push(hoursProblem);
      return;
    }
    const earlier = check.shifts.slice(0, index);
    const clash = findShiftClash(
      shift,
      [...earlier, ...check.otherShifts],
      check.policy,
      check.clinicName,
      check.therapistName,
      field,
    );
    if (clash !== undefined) {
      problems.push(clash);
    }
  });
  return problems;
}
