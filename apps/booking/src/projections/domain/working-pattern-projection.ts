import type { EventData, WorkingPatternChangedV1 } from '@app/contracts';
import { EventStamp, isStale } from './event-stamp';

export type PatternShift = EventData<typeof WorkingPatternChangedV1>['shifts'][number];

/** A therapist's FULL pattern at one clinic: every shift of every period, past and future. */
export interface WorkingPatternProjectionState {
  readonly therapistId: string;
  readonly clinicId: string;
  readonly timezone: string;
  readonly changedFrom: string;
  readonly shifts: readonly PatternShift[];
  readonly lastEventAt: Date;
  readonly lastEventId: string;
}

/**
 * working_pattern.changed carries the whole pattern of (therapist, clinic): it replaces what
 * is held, shifts the event no longer lists included, unless the row reflects a newer event.
 * Shifts are kept in a stable order (weekday, start, effectiveFrom), whatever the event's.
 */
export function replaceWorkingPattern(
  current: WorkingPatternProjectionState | undefined,
  change: EventData<typeof WorkingPatternChangedV1>,
  stamp: EventStamp,
): WorkingPatternProjectionState | undefined {
  if (isStale(stamp.occurredAt, current?.lastEventAt)) {
    return undefined;
  }
  return {
    therapistId: change.therapistId,
    clinicId: change.clinicId,
    timezone: change.timezone,
    changedFrom: change.changedFrom,
    shifts: [...change.shifts].sort(compareShifts),
    lastEventAt: stamp.occurredAt,
    lastEventId: stamp.eventId,
  };
}

const WEEKDAY_ORDER: Record<PatternShift['weekday'], number> = {
  monday: 1,
  tuesday: 2,
  wednesday: 3,
  thursday: 4,
  friday: 5,
  saturday: 6,
  sunday: 7,
};

function compareShifts(a: PatternShift, b: PatternShift): number {
  return (
    WEEKDAY_ORDER[a.weekday] - WEEKDAY_ORDER[b.weekday] ||
    a.start.localeCompare(b.start) ||
    a.effectiveFrom.localeCompare(b.effectiveFrom) ||
    a.shiftId.localeCompare(b.shiftId)
  );
}
