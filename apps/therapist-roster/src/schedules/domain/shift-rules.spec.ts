import { ScheduleErrorCode } from '../schedules.errors';
import { DEFAULT_SCHEDULE_POLICY } from './schedule-policy';
import { aShift, NINE_TO_FIVE_WEEKDAYS } from './schedule.fixtures';
import { checkShiftInsideOpeningHours, checkShiftTimes, findShiftClash } from './shift-rules';

const labels = { therapist: 'Ada Lovelace', clinic: 'Leeds' };
const names = (id: string): string => ({ leeds: 'Leeds', york: 'York' })[id] ?? id;

describe(checkShiftTimes.name, () => {
  it('accepts a well-formed shift that ends after it starts, up to 24:00', () => {
    expect(
      checkShiftTimes({ weekday: 'monday', start: '09:00', end: '17:00' }, 's'),
    ).toBeUndefined();
    expect(
      checkShiftTimes({ weekday: 'monday', start: '18:00', end: '24:00' }, 's'),
    ).toBeUndefined();
  });

  it('rejects a start that is not HH:MM', () => {
    expect(checkShiftTimes({ weekday: 'monday', start: '9am', end: '17:00' }, 's')).toMatchObject({
      code: ScheduleErrorCode.InvalidShiftTime,
      field: 's.start',
    });
  });

  it('rejects an end that is not HH:MM', () => {
    expect(checkShiftTimes({ weekday: 'monday', start: '09:00', end: '25:00' }, 's')).toMatchObject(
      {
        code: ScheduleErrorCode.InvalidShiftTime,
        field: 's.end',
      },
    );
  });

  it('rejects a shift that ends before or when it starts', () => {
    const problem = checkShiftTimes({ weekday: 'monday', start: '17:00', end: '09:00' }, 's');
    expect(problem).toMatchObject({ code: ScheduleErrorCode.ShiftEndBeforeStart });
    expect(problem?.message).toContain('shift 17:00–09:00 on monday');
    expect(checkShiftTimes({ weekday: 'monday', start: '09:00', end: '09:00' }, 's')?.code).toBe(
      ScheduleErrorCode.ShiftEndBeforeStart,
    );
  });
});

describe(checkShiftInsideOpeningHours.name, () => {
  const check = (weekday: 'monday' | 'wednesday', start: string, end: string) =>
    checkShiftInsideOpeningHours(
      { weekday, start, end },
      NINE_TO_FIVE_WEEKDAYS,
      labels,
      'shifts[0]',
    );

  it('accepts a shift inside the opening hours, including one filling them exactly', () => {
    expect(check('monday', '10:00', '14:00')).toBeUndefined();
    expect(check('monday', '09:00', '17:00')).toBeUndefined();
    expect(check('wednesday', '13:00', '17:00')).toBeUndefined();
  });

  it('rejects a shift that starts before the clinic opens, naming who, where, when and the hours', () => {
    const problem = check('monday', '08:00', '12:00');
    expect(problem?.code).toBe(ScheduleErrorCode.ShiftOutsideOpeningHours);
    expect(problem?.message).toContain(
      'therapist Ada Lovelace: shift 08:00–12:00 on monday at Leeds starts before the clinic opens (09:00)',
    );
    expect(problem?.message).toContain('opening hours on monday: 09:00–17:00');
  });

  it('rejects a shift that ends after the clinic closes', () => {
    expect(check('monday', '12:00', '18:00')?.message).toContain(
      'ends after the clinic closes (17:00)',
    );
  });

  it('rejects a shift spanning a closure between two ranges of a day', () => {
    expect(check('wednesday', '10:00', '14:00')?.message).toContain(
      'spans a time the clinic is closed',
    );
  });

  it('rejects a shift on a day the clinic is closed', () => {
    const weekly = { ...NINE_TO_FIVE_WEEKDAYS, monday: [] };
    const problem = checkShiftInsideOpeningHours(
      { weekday: 'monday', start: '09:00', end: '12:00' },
      weekly,
      labels,
      'shifts[0]',
    );
    expect(problem?.message).toContain('on monday at Leeds falls on a day the clinic is closed');
  });
});

describe(findShiftClash.name, () => {
  const clash = (shift = aShift(), others = [aShift({ id: 'other' })]) =>
    findShiftClash(shift, others, DEFAULT_SCHEDULE_POLICY, names, 'Ada Lovelace', 'shifts[0]');

  it('finds overlapping shifts of one therapist at one clinic', () => {
    const problem = clash(aShift({ start: '09:00', end: '13:00' }), [
      aShift({ id: 'other', start: '12:00', end: '17:00' }),
    ]);
    expect(problem?.code).toBe(ScheduleErrorCode.ShiftOverlap);
    expect(problem?.message).toContain(
      'shift 09:00–13:00 on monday at Leeds overlaps their shift 12:00–17:00 on monday at Leeds',
    );
  });

  it('allows back-to-back shifts at the same clinic', () => {
    expect(
      clash(aShift({ start: '09:00', end: '13:00' }), [
        aShift({ id: 'other', start: '13:00', end: '17:00' }),
      ]),
    ).toBeUndefined();
  });

  it('requires the travel buffer between shifts at different clinics', () => {
    const morning = aShift({ start: '09:00', end: '12:00' });
    const tooSoon = aShift({ id: 'york', clinicId: 'york', start: '12:15', end: '16:00' });
    const problem = clash(morning, [tooSoon]);
    expect(problem?.message).toContain(
      'leaves less than 30 minutes to travel from or to their shift 12:15–16:00 on monday at York',
    );
    expect(clash(morning, [{ ...tooSoon, start: '12:30' }])).toBeUndefined();
  });

  it('uses the configured travel buffer', () => {
    const morning = aShift({ start: '09:00', end: '12:00' });
    const afternoon = aShift({ id: 'york', clinicId: 'york', start: '12:30', end: '16:00' });
    expect(
      findShiftClash(morning, [afternoon], { travelBufferMinutes: 45 }, names, 'Ada', 'f'),
    ).toBeDefined();
    expect(
      findShiftClash(morning, [afternoon], { travelBufferMinutes: 0 }, names, 'Ada', 'f'),
    ).toBeUndefined();
  });

  it('ignores other weekdays, other therapists and periods that do not overlap', () => {
    expect(clash(aShift(), [aShift({ id: 'o', weekday: 'tuesday' })])).toBeUndefined();
    expect(clash(aShift(), [aShift({ id: 'o', therapistId: 'someone-else' })])).toBeUndefined();
    expect(
      clash(aShift({ effectiveFrom: '2026-06-01' }), [
        aShift({ id: 'o', effectiveFrom: '2026-01-01', effectiveTo: '2026-05-31' }),
      ]),
    ).toBeUndefined();
  });

  it('finds a clash when an open-ended shift meets a later one', () => {
    expect(
      clash(aShift({ effectiveFrom: '2027-01-01' }), [aShift({ id: 'o', effectiveTo: null })]),
    ).toBeDefined();
  });
});
