import type { PatternShift } from './domain/pattern-shift';
import type { RosterShift } from './domain/roster-shift';
import type { TimeOff } from './domain/time-off';
import { PatternShiftModel } from './pattern-shift.model';
import { RosterShiftModel } from './roster-shift.model';
import { TimeOffModel } from './time-off.model';
import type { WorkingPattern } from './working-patterns.service';
import { WorkingPatternModel } from './working-pattern.model';

/** Domain values → GraphQL models for the schedules resolvers. */
export function toPatternShiftModel(shift: PatternShift): PatternShiftModel {
  return Object.assign(new PatternShiftModel(), {
    id: shift.id,
    weekday: shift.weekday,
    start: shift.start,
    end: shift.end,
    effectiveFrom: shift.effectiveFrom,
    effectiveTo: shift.effectiveTo,
  });
}

export function toWorkingPatternModel(pattern: WorkingPattern): WorkingPatternModel {
  return Object.assign(new WorkingPatternModel(), {
    therapistId: pattern.therapistId,
    clinicId: pattern.clinicId,
    timezone: pattern.timezone,
    shifts: pattern.shifts.map(toPatternShiftModel),
  });
}

export function toRosterShiftModel(shift: RosterShift): RosterShiftModel {
  return Object.assign(new RosterShiftModel(), {
    ...shift,
    minutes: Math.round((shift.endsAt.getTime() - shift.startsAt.getTime()) / 60_000),
  });
}

export function toTimeOffModel(timeOff: TimeOff): TimeOffModel {
  return Object.assign(new TimeOffModel(), {
    id: timeOff.id,
    therapistId: timeOff.therapistId,
    kind: timeOff.kind,
    status: timeOff.status,
    startsAt: timeOff.startsAt,
    endsAt: timeOff.endsAt,
    note: timeOff.note,
  });
}
