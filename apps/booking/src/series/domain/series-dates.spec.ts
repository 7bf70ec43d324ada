import type { Weekday } from '../../availability/domain/calendar-date';
import {
  clinicToday,
  maintenanceDates,
  patternProblem,
  resolveFrequency,
  wantedSessions,
} from './series-dates';

const base = {
  sessionsPerWeek: 2,
  weeks: 6,
  preferredWeekdays: ['tuesday', 'thursday'] as const,
  preferredTime: '10:00',
  startsOn: '2027-03-15',
  timezone: 'Europe/London',
};

describe('wantedSessions', () => {
  it('places twice a week on Tuesday and Thursday at 10:00 for six weeks', () => {
    const sessions = wantedSessions({ ...base, preferredWeekdays: ['tuesday', 'thursday'] });
    expect(sessions).toHaveLength(12);
    expect(sessions.map((s) => s.date)).toEqual([
      '2027-03-16',
      '2027-03-18',
      '2027-03-23',
      '2027-03-25',
      '2027-03-30',
      '2027-04-01',
      '2027-04-06',
      '2027-04-08',
      '2027-04-13',
      '2027-04-15',
      '2027-04-20',
      '2027-04-22',
    ]);
    expect(sessions.every((s) => s.localStart.endsWith('T10:00'))).toBe(true);
  });

  it('keeps 10:00 local across the clock change of 2027-03-28 (the UTC instant moves)', () => {
    const sessions = wantedSessions({
      ...base,
      startsOn: '2027-03-22',
      weeks: 2,
      sessionsPerWeek: 1,
      preferredWeekdays: ['thursday'],
    });
    expect(sessions.map((s) => [s.localStart, s.startsAt.toISOString()])).toEqual([
      ['2027-03-25T10:00', '2027-03-25T10:00:00.000Z'], // GMT
      ['2027-04-01T10:00', '2027-04-01T09:00:00.000Z'], // BST
    ]);
  });

  it('keeps the wall time across the autumn change too (2027-10-31)', () => {
    const sessions = wantedSessions({
      ...base,
      startsOn: '2027-10-25',
      weeks: 2,
      sessionsPerWeek: 1,
      preferredWeekdays: ['monday'],
    });
    expect(sessions.map((s) => s.startsAt.toISOString())).toEqual([
      '2027-10-25T09:00:00.000Z',
      '2027-11-01T10:00:00.000Z',
    ]);
  });

  it('moves a wall time that never happens (the spring gap) forward by the gap', () => {
    const [session] = wantedSessions({
      ...base,
      startsOn: '2027-03-28',
      weeks: 1,
      sessionsPerWeek: 1,
      preferredWeekdays: ['sunday'],
      preferredTime: '01:30',
    });
    expect(session.startsAt.toISOString()).toBe('2027-03-28T01:30:00.000Z');
    expect(session.localStart).toBe('2027-03-28T02:30');
  });

  it('counts weeks from startsOn, so a start mid-week wraps into the next calendar week', () => {
    const sessions = wantedSessions({
      ...base,
      startsOn: '2027-03-18', // a Thursday
      weeks: 1,
      preferredWeekdays: ['tuesday', 'thursday'],
    });
    expect(sessions.map((s) => s.date)).toEqual(['2027-03-18', '2027-03-23']);
  });
});

describe('patternProblem', () => {
  const valid = { ...base, preferredWeekdays: ['tuesday', 'thursday'] as const };

  it('accepts a valid pattern', () => {
    expect(patternProblem({ ...valid, preferredWeekdays: [...valid.preferredWeekdays] })).toBe(
      undefined,
    );
  });

  it.each([
    [{ preferredWeekdays: ['tuesday'] }, 'give exactly 2 preferred weekdays'],
    [{ preferredWeekdays: ['tuesday', 'thursday', 'friday'] }, 'give exactly 2'],
    [{ preferredWeekdays: ['tuesday', 'tuesday'] }, 'must not repeat'],
    [{ preferredWeekdays: ['tuesday', 'someday'] }, 'weekday names'],
    [{ sessionsPerWeek: 0 }, 'sessionsPerWeek'],
    [{ sessionsPerWeek: 6 }, 'at most 5'],
    [{ weeks: 27 }, 'weeks'],
    [{ weeks: 0 }, 'weeks'],
    [{ preferredTime: '10:10' }, '15-minute grid'],
    [{ preferredTime: '25:00' }, '"HH:MM"'],
    [{ startsOn: '2027-02-30' }, 'calendar date'],
    [{ maintenance: { sessions: 13, everyWeeks: 2 } }, 'maintenanceSessions'],
    [{ maintenance: { sessions: 2, everyWeeks: 0 } }, 'maintenance interval'],
  ])('refuses %j', (change, message) => {
    const pattern = { ...valid, preferredWeekdays: [...valid.preferredWeekdays], ...change };
    expect(patternProblem(pattern as Parameters<typeof patternProblem>[0])).toContain(message);
  });
});

describe('resolveFrequency', () => {
  const plan = { sessionsPerWeek: 2, weeks: 6 };

  it('takes the frequency from the care plan when there is one', () => {
    expect(resolveFrequency({}, plan)).toEqual(plan);
    expect(resolveFrequency({ sessionsPerWeek: 2, weeks: 6 }, plan)).toEqual(plan);
  });

  it('refuses a request that contradicts the care plan', () => {
    expect(resolveFrequency({ sessionsPerWeek: 3 }, plan)).toEqual({
      problem: expect.stringContaining('care plan says 2') as unknown,
    });
    expect(resolveFrequency({ weeks: 4 }, plan)).toEqual({
      problem: expect.stringContaining('runs for 6') as unknown,
    });
  });

  it('takes the request without a care plan, and needs both numbers', () => {
    expect(resolveFrequency({ sessionsPerWeek: 1, weeks: 4 }, undefined)).toEqual({
      sessionsPerWeek: 1,
      weeks: 4,
    });
    expect(resolveFrequency({ sessionsPerWeek: 1 }, undefined)).toHaveProperty('problem');
    expect(resolveFrequency({ weeks: 4, sessionsPerWeek: null }, undefined)).toHaveProperty(
      'problem',
    );
  });
});

describe('maintenanceDates', () => {
  const intensive = {
    sessionsPerWeek: 2,
    weeks: 6,
    preferredWeekdays: ['tuesday', 'thursday'] as Weekday[],
    preferredTime: '10:00',
    startsOn: '2027-03-15', // a Monday
  };

  it('counts from the first preferred weekday of the last intensive week', () => {
    // Last intensive Tuesday: 2027-04-20.
    expect(maintenanceDates({ ...intensive, maintenance: { sessions: 2, everyWeeks: 4 } })).toEqual(
      ['2027-05-18', '2027-06-15'],
    );
  });

  it('takes the first weekday as given, not the earliest in the week', () => {
    const dates = maintenanceDates({
      ...intensive,
      preferredWeekdays: ['thursday', 'tuesday'],
      maintenance: { sessions: 1, everyWeeks: 1 },
    });
    expect(dates).toEqual(['2027-04-29']); // last intensive Thursday 2027-04-22, plus a week
  });

  it('wraps a mid-week start like the intensive weeks do', () => {
    // Weeks run Thursday to Wednesday; the last (second) week's Tuesday is 2027-03-30.
    const dates = maintenanceDates({
      ...intensive,
      startsOn: '2027-03-18',
      weeks: 2,
      maintenance: { sessions: 1, everyWeeks: 2 },
    });
    expect(dates).toEqual(['2027-04-13']);
  });

  it('has none without a maintenance phase or with zero sessions', () => {
    expect(maintenanceDates(intensive)).toEqual([]);
    expect(maintenanceDates({ ...intensive, maintenance: { sessions: 0, everyWeeks: 2 } })).toEqual(
      [],
    );
  });
});

describe('wantedSessions with a maintenance phase', () => {
  it('places maintenance sessions after the intensive ones, at the same wall time across the spring change', () => {
    const sessions = wantedSessions({
      ...base,
      startsOn: '2027-03-01', // Monday
      weeks: 2,
      preferredWeekdays: ['monday', 'wednesday'],
      maintenance: { sessions: 2, everyWeeks: 2 },
    });
    expect(sessions.map((s) => [s.phase, s.localStart, s.startsAt.toISOString()])).toEqual([
      ['intensive', '2027-03-01T10:00', '2027-03-01T10:00:00.000Z'],
      ['intensive', '2027-03-03T10:00', '2027-03-03T10:00:00.000Z'],
      ['intensive', '2027-03-08T10:00', '2027-03-08T10:00:00.000Z'],
      ['intensive', '2027-03-10T10:00', '2027-03-10T10:00:00.000Z'],
      ['maintenance', '2027-03-22T10:00', '2027-03-22T10:00:00.000Z'], // GMT
      ['maintenance', '2027-04-05T10:00', '2027-04-05T09:00:00.000Z'], // BST after 2027-03-28
    ]);
  });

  it('keeps the wall time across the autumn change (2027-10-31)', () => {
    const sessions = wantedSessions({
      ...base,
      startsOn: '2027-10-11', // Monday
      weeks: 1,
      sessionsPerWeek: 1,
      preferredWeekdays: ['monday'],
      preferredTime: '09:00',
      maintenance: { sessions: 3, everyWeeks: 1 },
    });
    expect(
      sessions.filter((s) => s.phase === 'maintenance').map((s) => s.startsAt.toISOString()),
    ).toEqual([
      '2027-10-18T08:00:00.000Z', // BST
      '2027-10-25T08:00:00.000Z', // BST
      '2027-11-01T09:00:00.000Z', // GMT
    ]);
    expect(sessions.every((s) => s.localStart.endsWith('T09:00'))).toBe(true);
  });
});

describe('clinicToday', () => {
  it('is the clinic-local date, which differs from the UTC date just after local midnight', () => {
    expect(clinicToday(new Date('2027-06-30T23:30:00Z'), 'Europe/London')).toBe('2027-07-01');
    expect(clinicToday(new Date('2027-12-31T23:30:00Z'), 'Europe/London')).toBe('2027-12-31');
  });
});
