import { endMinutes, startMinutes } from '../../clinics/domain/local-time';
import type { TimeRange, Weekday, WeeklyHours } from '../../clinics/domain/opening-hours';
import { ScheduleErrorCode } from '../schedules.errors';
import { periodsOverlap } from './calendar-date';
import type { PatternShift } from './pattern-shift';
import type { SchedulePolicy } from './schedule-policy';
import type { ScheduleProblem } from './schedule-problem';

/** The weekly part of a shift: what the times rules look at. */
export interface ShiftTimes {
  readonly weekday: Weekday;
  readonly start: string;
  readonly end: string;
}

function describe(shift: ShiftTimes): string {
  return `shift ${shift.start}–${shift.end} on ${shift.weekday}`;
}

function describeRanges(ranges: readonly TimeRange[]): string {
  return ranges.map((r) => `${r.start}–${r.end}`).join(', ');
}

/** Shift times are "HH:MM" (end may be 24:00) and the shift starts before it ends. */
export function checkShiftTimes(shift: ShiftTimes, field: string): ScheduleProblem | undefined {
  const start = startMinutes(shift.start);
  if (start === undefined) {
    return {
      code: ScheduleErrorCode.InvalidShiftTime,
      field: `${field}.start`,
      message: `shift start "${shift.start}" on ${shift.weekday} is not a time; use 24-hour HH:MM from 00:00 to 23:59, e.g. 09:00`,
    };
  }
  const end = endMinutes(shift.end);
  if (end === undefined) {
    return {
      code: ScheduleErrorCode.InvalidShiftTime,
      field: `${field}.end`,
      message: `shift end "${shift.end}" on ${shift.weekday} is not a time; use 24-hour HH:MM from 00:01 to 24:00, e.g. 17:00`,
    };
  }
  if (end <= start) {
    return {
      code: ScheduleErrorCode.ShiftEndBeforeStart,
      field: `${field}.end`,
      message: `${describe(shift)} does not end after it starts; a shift lies within one day, so make the end later than the start`,
    };
  }
  return undefined;
}

/**
 * A shift lies inside one of the clinic's opening ranges for its weekday (a shift does not
 * span a lunch closure). Assumes `checkShiftTimes` passed.
 */
export function checkShiftInsideOpeningHours(
  shift: ShiftTimes,
  weekly: WeeklyHours,
  labels: { readonly therapist: string; readonly clinic: string },
  field: string,
): ScheduleProblem | undefined {
  const start = startMinutes(shift.start) ?? 0;
  const end = endMinutes(shift.end) ?? 0;
  const ranges = weekly[shift.weekday];
  const inside = ranges.some(
    (r) => (startMinutes(r.start) ?? 0) <= start && end <= (endMinutes(r.end) ?? 0),
  );
  if (inside) {
    return undefined;
  }
  const what = `therapist ${labels.therapist}: ${describe(shift)} at ${labels.clinic}`;
  const problem = (message: string): ScheduleProblem => ({
    code: ScheduleErrorCode.ShiftOutsideOpeningHours,
    field,
    message,
  });
  if (ranges.length === 0) {
    return problem(
      `${what} falls on a day the clinic is closed; choose a day it is open or ask head office to change the opening hours`,
    );
  }
  const opens = ranges.map((r) => r.start).sort()[0] ?? '';
  const closes = ranges.map((r) => r.end).sort()[ranges.length - 1] ?? '';
  const hours = `opening hours on ${shift.weekday}: ${describeRanges(ranges)}`;
  if (start < (startMinutes(opens) ?? 0)) {
    return problem(`${what} starts before the clinic opens (${opens}); ${hours}`);
  }
  if (end > (endMinutes(closes) ?? 0)) {
    return problem(`${what} ends after the clinic closes (${closes}); ${hours}`);
  }
  return problem(
    `${what} spans a time the clinic is closed; split it so each part lies inside one range (${hours})`,
  );
}

/**
 * Two shifts of one therapist clash when they fall on the same weekday in overlapping
 * effective periods and overlap in time, or, at different clinics, leave less than the
 * travel buffer between them. Returns the first clash of `shift` with `others`.
 */
export function findShiftClash(
  shift: PatternShift,
  others: readonly PatternShift[],
  policy: SchedulePolicy,
  clinicName: (clinicId: string) => string,
  therapistName: string,
  field: string,
): ScheduleProblem | undefined {
  const start = startMinutes(shift.start) ?? 0;
  const end = endMinutes(shift.end) ?? 0;
  for (const other of others) {
    if (
      other.id === shift.id ||
      other.therapistId !== shift.therapistId ||
      other.weekday !== shift.weekday ||
      !periodsOverlap(
        { from: shift.effectiveFrom, to: shift.effectiveTo },
        { from: other.effectiveFrom, to: other.effectiveTo },
      )
    ) {
      continue;
    }
    const buffer = other.clinicId === shift.clinicId ? 0 : policy.travelBufferMinutes;
    const otherStart = startMinutes(other.start) ?? 0;
    const otherEnd = endMinutes(other.end) ?? 0;
    if (start < otherEnd + buffer && otherStart < end + buffer) {
      const mine = `${describe(shift)} at ${clinicName(shift.clinicId)}`;
      const theirs = `${describe(other)} at ${clinicName(other.clinicId)} (effective ${other.effectiveFrom} to ${other.effectiveTo ?? 'further notice'})`;
      const overlaps = start < otherEnd && otherStart < end;
      const reason = overlaps
        ? `overlaps their ${theirs}`
        : `leaves less than ${policy.travelBufferMinutes} minutes to travel from or to their ${theirs}`;
      return {
        code: ScheduleErrorCode.ShiftOverlap,
        field,
        message: `therapist ${therapistName}: ${mine} ${reason}; move or shorten one of them`,
      };
    }
  }
  return undefined;
}
