import type { WeeklyHours } from './opening-hours';
import {
  checkDayRanges,
  checkHoursException,
  checkHoursExceptions,
  checkWeeklyHours,
  CLOSED_ALL_WEEK,
} from './opening-hours-rules';

function problemOf(result: { ok: boolean; problem?: { message: string } }): string | undefined {
  return result.ok ? undefined : result.problem?.message;
}

describe(checkDayRanges.name, () => {
  it('accepts several ranges a day and returns them sorted by start', () => {
    const result = checkDayRanges(
      [
        { start: '14:00', end: '18:00' },
        { start: '09:00', end: '13:00' },
      ],
      'monday',
      'openingHours.monday',
    );
    expect(result).toEqual({
      ok: true,
      value: [
        { start: '09:00', end: '13:00' },
        { start: '14:00', end: '18:00' },
      ],
    });
  });

  it('accepts no ranges as a closed day', () => {
    expect(checkDayRanges([], 'sunday', 'f')).toEqual({ ok: true, value: [] });
  });

  it('accepts 24:00 as the end of the day and ranges that only touch', () => {
    const result = checkDayRanges(
      [
        { start: '00:00', end: '12:00' },
        { start: '12:00', end: '24:00' },
      ],
      'friday',
      'f',
    );
    expect(result.ok).toBe(true);
  });

  it.each([
    ['a single-digit hour', { start: '9:00', end: '17:00' }, 'start "9:00" is not a time'],
    ['an hour past 23 as a start', { start: '24:00', end: '24:00' }, 'start "24:00"'],
    ['minutes past 59', { start: '09:60', end: '17:00' }, 'start "09:60"'],
    ['an end past midnight', { start: '09:00', end: '24:30' }, 'end "24:30" is not a time'],
    ['an end of 00:00', { start: '09:00', end: '00:00' }, 'end "00:00" is not a time'],
    ['am/pm notation', { start: '09:00', end: '5pm' }, 'end "5pm"'],
  ])('rejects %s, saying to use HH:MM', (_case, range, expected) => {
    const message = problemOf(checkDayRanges([range], 'tuesday', 'f'));
    expect(message).toContain(expected);
    expect(message).toContain('HH:MM');
  });

  it('rejects a range that ends before it starts', () => {
    expect(problemOf(checkDayRanges([{ start: '18:00', end: '09:00' }], 'monday', 'f'))).toBe(
      'monday: 18:00–09:00 ends before it starts; the start must be before the end',
    );
  });

  it('rejects an empty range (start equal to end)', () => {
    expect(checkDayRanges([{ start: '09:00', end: '09:00' }], 'monday', 'f').ok).toBe(false);
  });

  it('rejects overlapping ranges in one day, naming both', () => {
    const message = problemOf(
      checkDayRanges(
        [
          { start: '12:00', end: '17:00' },
          { start: '09:00', end: '13:00' },
        ],
        'wednesday',
        'f',
      ),
    );
    expect(message).toBe(
      'wednesday: 09:00–13:00 overlaps 12:00–17:00; ranges in one day must not overlap',
    );
  });

  it('rejects a range inside another', () => {
    const result = checkDayRanges(
      [
        { start: '09:00', end: '18:00' },
        { start: '10:00', end: '11:00' },
      ],
      'thursday',
      'f',
    );
    expect(result.ok).toBe(false);
  });

  it('names the field at fault', () => {
    const result = checkDayRanges([{ start: 'x', end: '10:00' }], 'monday', 'openingHours.monday');
    expect(result.ok ? undefined : result.problem.field).toBe('openingHours.monday');
  });
});

describe(checkWeeklyHours.name, () => {
  const week: WeeklyHours = {
    ...CLOSED_ALL_WEEK,
    monday: [{ start: '09:00', end: '17:00' }],
    saturday: [{ start: '10:00', end: '14:00' }],
  };

  it('accepts a week with open and closed days', () => {
    expect(checkWeeklyHours(week)).toEqual({ ok: true, value: week });
  });

  it('reports the first broken day with its field', () => {
    const result = checkWeeklyHours({ ...week, friday: [{ start: '17:00', end: '09:00' }] });
    expect(result.ok ? undefined : result.problem.field).toBe('openingHours.friday');
  });
});

describe(checkHoursException.name, () => {
  it('accepts a bank holiday closure and tidies the reason', () => {
    expect(
      checkHoursException({ date: '2026-12-25', ranges: [], reason: '  Christmas   Day ' }),
    ).toEqual({ ok: true, value: { date: '2026-12-25', ranges: [], reason: 'Christmas Day' } });
  });

  it('accepts special hours on a date', () => {
    const result = checkHoursException({
      date: '2026-12-24',
      ranges: [{ start: '09:00', end: '13:00' }],
      reason: 'Christmas Eve',
    });
    expect(result.ok).toBe(true);
  });

  it.each(['2026-02-30', '25/12/2026', '2026-12-25T00:00:00Z'])(
    'rejects %s, which is not a calendar date',
    (date) => {
      const message = problemOf(checkHoursException({ date, ranges: [], reason: 'x' }));
      expect(message).toContain('YYYY-MM-DD');
    },
  );

  it('requires a reason', () => {
    expect(checkHoursException({ date: '2026-12-25', ranges: [], reason: ' ' }).ok).toBe(false);
  });

  it('checks its ranges like a weekday', () => {
    const message = problemOf(
      checkHoursException({
        date: '2026-12-24',
        ranges: [{ start: '13:00', end: '09:00' }],
        reason: 'Short day',
      }),
    );
    expect(message).toContain('2026-12-24: 13:00–09:00 ends before it starts');
  });
});

describe(checkHoursExceptions.name, () => {
  it('sorts exceptions by date', () => {
    const result = checkHoursExceptions([
      { date: '2026-12-26', ranges: [], reason: 'Boxing Day' },
      { date: '2026-12-25', ranges: [], reason: 'Christmas Day' },
    ]);
    expect(result.ok ? result.value.map((e) => e.date) : []).toEqual(['2026-12-25', '2026-12-26']);
  });

  it('allows one exception per date', () => {
    const message = problemOf(
      checkHoursExceptions([
        { date: '2026-12-25', ranges: [], reason: 'Christmas Day' },
        { date: '2026-12-25', ranges: [{ start: '10:00', end: '12:00' }], reason: 'Open briefly' },
      ]),
    );
    expect(message).toBe('2026-12-25 has more than one exception; give one exception per date');
  });
});
