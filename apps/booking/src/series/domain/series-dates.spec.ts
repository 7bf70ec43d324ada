import { patternProblem, resolveFrequency, wantedSessions } from './series-dates';

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
