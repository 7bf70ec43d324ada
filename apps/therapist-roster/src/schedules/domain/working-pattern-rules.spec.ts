import { ScheduleErrorCode } from '../schedules.errors';
import { DEFAULT_SCHEDULE_POLICY } from './schedule-policy';
import { aShift, NINE_TO_FIVE_WEEKDAYS } from './schedule.fixtures';
import { checkWorkingPattern, WorkingPatternCheck } from './working-pattern-rules';
import type { PatternShift } from './pattern-shift';

function check(shifts: PatternShift[], otherShifts: PatternShift[] = []): string[] {
  const input: WorkingPatternCheck = {
    shifts,
    otherShifts,
    weekly: NINE_TO_FIVE_WEEKDAYS,
    therapistName: 'Ada',
    clinicName: (id) => id,
    policy: DEFAULT_SCHEDULE_POLICY,
  };
  return checkWorkingPattern(input).map((p) => `${p.field} ${p.code}`);
}

describe(checkWorkingPattern.name, () => {
  it('accepts a valid pattern, and an empty one (the therapist stops working there)', () => {
    expect(check([aShift(), aShift({ id: 's2', weekday: 'tuesday' })])).toEqual([]);
    expect(check([])).toEqual([]);
  });

  it('reports each broken shift by its position', () => {
    expect(
      check([
        aShift(),
        aShift({ id: 's2', weekday: 'tuesday', start: '17:00', end: '09:00' }),
        aShift({ id: 's3', weekday: 'thursday', start: '07:00', end: '12:00' }),
      ]),
    ).toEqual([
      `shifts[1].end ${ScheduleErrorCode.ShiftEndBeforeStart}`,
      `shifts[2] ${ScheduleErrorCode.ShiftOutsideOpeningHours}`,
    ]);
  });

  it('rejects two shifts of the new pattern that overlap', () => {
    expect(
      check([aShift({ end: '13:00' }), aShift({ id: 's2', start: '12:00', end: '17:00' })]),
    ).toEqual([`shifts[1] ${ScheduleErrorCode.ShiftOverlap}`]);
  });

  it("rejects a shift too close to the therapist's shift at another clinic", () => {
    expect(
      check([aShift({ end: '12:00' })], [aShift({ id: 'york', clinicId: 'york', start: '12:10' })]),
    ).toEqual([`shifts[0] ${ScheduleErrorCode.ShiftOverlap}`]);
  });
});
