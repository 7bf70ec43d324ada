import { weekdayOf } from '../../clinics/domain/iso-date';
import { endMinutes, startMinutes } from '../../clinics/domain/local-time';
import type { ClinicSchedule, TimeRange } from '../../clinics/domain/opening-hours';
import { openingRangesOn } from '../../clinics/domain/opening-ranges-on';
import { eachDate } from './calendar-date';
import type { PatternShift } from './pattern-shift';
import type { RosterShift } from './roster-shift';
import { wallTimeOn } from './wall-time-on';
import { zonedTimeToUtc } from './zoned-time';

function minutesToTime(minutes: number): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

/** The parts of [start, end) inside the given ranges, in wall-clock minutes. */
function clip(start: number, end: number, ranges: readonly TimeRange[]): [number, number][] {
  return ranges
    .map((r): [number, number] => [
      Math.max(start, startMinutes(r.start) ?? 0),
      Math.min(end, endMinutes(r.end) ?? 0),
    ])
    .filter(([s, e]) => s < e);
}

/**
 * The concrete shifts of a clinic's working patterns on each date in [from, to] (clinic-local
 * dates, both included), with wall-clock and UTC times.
 *
 * - A shift applies on dates of its weekday within its effective period.
 * - Shifts are cut down to the clinic's opening ranges that date (`openingRangesOn`): its
 *   current weekly hours, or the dated exception that replaces them. A closed day (no ranges,
 *   e.g. a bank holiday) removes every shift, and a shift set before the weekly hours were
 *   narrowed never shows while the clinic is closed.
 * - Wall times become instants with `zonedTimeToUtc`, so 09:00–17:00 in London is 08:00Z–16:00Z
 *   in summer and 09:00Z–17:00Z in winter, 8 hours either way, also on clock-change days.
 *   A shift that lies wholly in the spring-forward gap (01:00–02:00 in London on the last
 *   Sunday of March) lasts no time and is dropped; one that straddles the gap is shortened
 *   by the lost hour, and its local start shows the clocks' time (e.g. 02:00, not 01:30).
 */
export function expandPatterns(
  shifts: readonly PatternShift[],
  schedule: ClinicSchedule,
  from: string,
  to: string,
): RosterShift[] {
  const zone = schedule.timezone;
  const result: RosterShift[] = [];
  for (const date of eachDate(from, to)) {
    const weekday = weekdayOf(date);
    const ranges = openingRangesOn(schedule, date);
    for (const shift of shifts) {
      if (
        shift.clinicId !== schedule.clinicId ||
        shift.weekday !== weekday ||
        date < shift.effectiveFrom ||
        (shift.effectiveTo !== null && date > shift.effectiveTo)
      ) {
        continue;
      }
      const start = startMinutes(shift.start) ?? 0;
      const end = endMinutes(shift.end) ?? 0;
      for (const [windowStart, windowEnd] of clip(start, end, ranges)) {
        const startsAt = zonedTimeToUtc(date, minutesToTime(windowStart), zone);
        const endsAt = zonedTimeToUtc(date, minutesToTime(windowEnd), zone);
        if (endsAt.getTime() <= startsAt.getTime()) {
          continue;
        }
        result.push({
          patternShiftId: shift.id,
          therapistId: shift.therapistId,
          clinicId: shift.clinicId,
          timezone: zone,
          date,
          weekday,
          localStart: wallTimeOn(startsAt, date, zone),
          localEnd: wallTimeOn(endsAt, date, zone),
          startsAt,
          endsAt,
        });
      }
    }
  }
  return result.sort(
    (a, b) =>
      a.startsAt.getTime() - b.startsAt.getTime() || a.therapistId.localeCompare(b.therapistId),
  );
}
