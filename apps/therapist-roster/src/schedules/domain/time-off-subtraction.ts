import type { RosterShift } from './roster-shift';
import { wallTimeOn } from './wall-time-on';

export interface Absence {
  readonly therapistId: string;
  readonly startsAt: Date;
  readonly endsAt: Date;
}

/**
 * Removes approved time off from concrete shifts. A shift wholly inside an absence goes;
 * one partly covered is cut, possibly into two pieces (time off 11:00–13:00 leaves 09:00–11:00
 * and 13:00–17:00 of a 09:00–17:00 shift). Pieces keep their date and get their own
 * wall-clock times.
 */
export function subtractTimeOff(
  shifts: readonly RosterShift[],
  absences: readonly Absence[],
): RosterShift[] {
  const result: RosterShift[] = [];
  for (const shift of shifts) {
    let pieces: [number, number][] = [[shift.startsAt.getTime(), shift.endsAt.getTime()]];
    for (const absence of absences) {
      if (absence.therapistId !== shift.therapistId) {
        continue;
      }
      const offStart = absence.startsAt.getTime();
      const offEnd = absence.endsAt.getTime();
      pieces = pieces.flatMap(([start, end]): [number, number][] => {
        if (offEnd <= start || end <= offStart) {
          return [[start, end]];
        }
        const kept: [number, number][] = [];
        if (start < offStart) {
          kept.push([start, offStart]);
        }
        if (offEnd < end) {
          kept.push([offEnd, end]);
        }
        return kept;
      });
    }
    for (const [start, end] of pieces) {
      const startsAt = new Date(start);
      const endsAt = new Date(end);
      result.push({
        ...shift,
        startsAt,
        endsAt,
        localStart: wallTimeOn(startsAt, shift.date, shift.timezone),
        localEnd: wallTimeOn(endsAt, shift.date, shift.timezone),
      });
    }
  }
  return result;
}
