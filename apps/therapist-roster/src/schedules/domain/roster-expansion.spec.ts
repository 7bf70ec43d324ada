import { expandPatterns } from './roster-expansion';
import { aSchedule, aShift, NINE_TO_FIVE_WEEKDAYS } from './schedule.fixtures';
import type { RosterShift } from './roster-shift';

const hours = (s: RosterShift): number => (s.endsAt.getTime() - s.startsAt.getTime()) / 3_600_000;
const brief = (s: RosterShift) => ({
  date: s.date,
  local: `${s.localStart}–${s.localEnd}`,
  utc: `${s.startsAt.toISOString()}/${s.endsAt.toISOString()}`,
});

describe(expandPatterns.name, () => {
  it('turns a weekly shift into one shift per matching date', () => {
    const shifts = expandPatterns([aShift()], aSchedule(), '2026-01-05', '2026-01-18');
    expect(shifts.map((s) => s.date)).toEqual(['2026-01-05', '2026-01-12']);
    expect(shifts[0]).toMatchObject({ weekday: 'monday', timezone: 'Europe/London' });
  });

  it('gives 09:00 local as 09:00Z in winter and 08:00Z in summer', () => {
    const [winter] = expandPatterns([aShift()], aSchedule(), '2026-01-05', '2026-01-05');
    const [summer] = expandPatterns([aShift()], aSchedule(), '2026-07-06', '2026-07-06');
    expect(winter && brief(winter)).toEqual({
      date: '2026-01-05',
      local: '09:00–17:00',
      utc: '2026-01-05T09:00:00.000Z/2026-01-05T17:00:00.000Z',
    });
    expect(summer && brief(summer)).toEqual({
      date: '2026-07-06',
      local: '09:00–17:00',
      utc: '2026-07-06T08:00:00.000Z/2026-07-06T16:00:00.000Z',
    });
  });

  it('keeps a 09:00–17:00 shift at 8 hours on the spring-forward day (2026-03-29)', () => {
    const [shift] = expandPatterns(
      [aShift({ weekday: 'sunday' })],
      aSchedule(),
      '2026-03-29',
      '2026-03-29',
    );
    expect(shift && brief(shift)).toEqual({
      date: '2026-03-29',
      local: '09:00–17:00',
      utc: '2026-03-29T08:00:00.000Z/2026-03-29T16:00:00.000Z',
    });
    expect(shift && hours(shift)).toBe(8);
  });

  it('keeps a 09:00–17:00 shift at 8 hours on the fall-back day (2026-10-25)', () => {
    const [shift] = expandPatterns(
      [aShift({ weekday: 'sunday' })],
      aSchedule(),
      '2026-10-25',
      '2026-10-25',
    );
    expect(shift && brief(shift)).toEqual({
      date: '2026-10-25',
      local: '09:00–17:00',
      utc: '2026-10-25T09:00:00.000Z/2026-10-25T17:00:00.000Z',
    });
    expect(shift && hours(shift)).toBe(8);
  });

  it('switches offset across a week that contains the change', () => {
    const shifts = expandPatterns(
      [aShift({ weekday: 'saturday', end: '13:00' }), aShift({ id: 'mon' })],
      aSchedule(),
      '2026-03-28',
      '2026-03-30',
    );
    expect(shifts.map((s) => s.startsAt.toISOString())).toEqual([
      '2026-03-28T09:00:00.000Z',
      '2026-03-30T08:00:00.000Z',
    ]);
  });

  it('drops a shift lying wholly in the hour the clocks skip in spring', () => {
    const gap = aShift({ weekday: 'sunday', start: '01:00', end: '02:00' });
    expect(expandPatterns([gap], aSchedule(), '2026-03-29', '2026-03-29')).toEqual([]);
    // The same shift on an ordinary Sunday is an hour long.
    expect(expandPatterns([gap], aSchedule(), '2026-04-05', '2026-04-05').map(hours)).toEqual([1]);
  });

  it('shortens a shift straddling the spring gap by the lost hour', () => {
    const night = aShift({ weekday: 'sunday', start: '00:00', end: '04:00' });
    const [shift] = expandPatterns([night], aSchedule(), '2026-03-29', '2026-03-29');
    expect(shift && hours(shift)).toBe(3);
    expect(shift && brief(shift).local).toBe('00:00–04:00');
  });

  it('lengthens a shift spanning the repeated hour in autumn by that hour', () => {
    const night = aShift({ weekday: 'sunday', start: '00:00', end: '04:00' });
    const [shift] = expandPatterns([night], aSchedule(), '2026-10-25', '2026-10-25');
    expect(shift && hours(shift)).toBe(5);
  });

  it('shows a shift ending at midnight as ending at 24:00', () => {
    const late = aShift({ weekday: 'sunday', start: '18:00', end: '24:00' });
    const [shift] = expandPatterns([late], aSchedule(), '2026-07-05', '2026-07-05');
    expect(shift && brief(shift)).toEqual({
      date: '2026-07-05',
      local: '18:00–24:00',
      utc: '2026-07-05T17:00:00.000Z/2026-07-05T23:00:00.000Z',
    });
  });

  it('applies a shift only within its effective period', () => {
    const shifts = expandPatterns(
      [aShift({ effectiveFrom: '2026-01-12', effectiveTo: '2026-01-19' })],
      aSchedule(),
      '2026-01-01',
      '2026-01-31',
    );
    expect(shifts.map((s) => s.date)).toEqual(['2026-01-12', '2026-01-19']);
  });

  it('removes shifts on a day the clinic is closed by a dated exception (a bank holiday)', () => {
    const schedule = aSchedule({
      exceptions: [{ date: '2026-05-04', ranges: [], reason: 'Early May bank holiday' }],
    });
    const shifts = expandPatterns([aShift()], schedule, '2026-05-04', '2026-05-11');
    expect(shifts.map((s) => s.date)).toEqual(['2026-05-11']);
  });

  it('cuts shifts down to special hours on an exception date', () => {
    const schedule = aSchedule({
      exceptions: [
        { date: '2026-12-24', ranges: [{ start: '10:00', end: '13:00' }], reason: 'Christmas Eve' },
      ],
    });
    const [shift] = expandPatterns(
      [aShift({ weekday: 'thursday' })],
      schedule,
      '2026-12-24',
      '2026-12-24',
    );
    expect(shift && brief(shift).local).toBe('10:00–13:00');
  });

  it('cuts shifts down to the weekly hours after they were narrowed', () => {
    const schedule = aSchedule({
      weekly: { ...NINE_TO_FIVE_WEEKDAYS, monday: [{ start: '09:00', end: '13:00' }] },
    });
    const shifts = expandPatterns([aShift()], schedule, '2026-01-05', '2026-01-05');
    expect(shifts.map((s) => brief(s).local)).toEqual(['09:00–13:00']);
  });

  it('splits a shift around a closure inside the day, and drops it on a now-closed weekday', () => {
    const schedule = aSchedule({
      weekly: {
        ...NINE_TO_FIVE_WEEKDAYS,
        monday: [],
        tuesday: [
          { start: '09:00', end: '12:00' },
          { start: '13:00', end: '17:00' },
        ],
      },
    });
    const shifts = expandPatterns(
      [aShift(), aShift({ id: 'tue', weekday: 'tuesday' })],
      schedule,
      '2026-01-05',
      '2026-01-06',
    );
    expect(shifts.map((s) => `${s.date} ${brief(s).local}`)).toEqual([
      '2026-01-06 09:00–12:00',
      '2026-01-06 13:00–17:00',
    ]);
  });

  it("ignores other clinics' shifts", () => {
    expect(
      expandPatterns([aShift({ clinicId: 'york' })], aSchedule(), '2026-01-05', '2026-01-05'),
    ).toEqual([]);
  });

  it('uses the clinic timezone, not London', () => {
    const [shift] = expandPatterns(
      [aShift()],
      aSchedule({ timezone: 'America/New_York' }),
      '2026-07-06',
      '2026-07-06',
    );
    expect(shift?.startsAt.toISOString()).toBe('2026-07-06T13:00:00.000Z');
  });
});
