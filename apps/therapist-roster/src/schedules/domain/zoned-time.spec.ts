import { utcToZoned, zonedTimeToUtc, zoneOffsetMs } from './zoned-time';

const LONDON = 'Europe/London';
const iso = (date: Date): string => date.toISOString();

describe(zonedTimeToUtc.name, () => {
  it('reads London winter time as UTC', () => {
    expect(iso(zonedTimeToUtc('2026-01-15', '09:00', LONDON))).toBe('2026-01-15T09:00:00.000Z');
  });

  it('reads London summer time as one hour ahead of UTC', () => {
    expect(iso(zonedTimeToUtc('2026-07-01', '09:00', LONDON))).toBe('2026-07-01T08:00:00.000Z');
  });

  it('uses summer time on the spring-forward day after the change (2026-03-29)', () => {
    expect(iso(zonedTimeToUtc('2026-03-29', '00:30', LONDON))).toBe('2026-03-29T00:30:00.000Z');
    expect(iso(zonedTimeToUtc('2026-03-29', '09:00', LONDON))).toBe('2026-03-29T08:00:00.000Z');
  });

  it('moves a wall time in the spring gap forward by the hour the clocks skip', () => {
    expect(iso(zonedTimeToUtc('2026-03-29', '01:00', LONDON))).toBe('2026-03-29T01:00:00.000Z');
    expect(iso(zonedTimeToUtc('2026-03-29', '01:30', LONDON))).toBe('2026-03-29T01:30:00.000Z');
    expect(iso(zonedTimeToUtc('2026-03-29', '02:00', LONDON))).toBe('2026-03-29T01:00:00.000Z');
  });

  it('uses winter time on the fall-back day after the change (2026-10-25)', () => {
    expect(iso(zonedTimeToUtc('2026-10-25', '09:00', LONDON))).toBe('2026-10-25T09:00:00.000Z');
    expect(iso(zonedTimeToUtc('2026-10-25', '00:30', LONDON))).toBe('2026-10-24T23:30:00.000Z');
  });

  it('takes the earlier instant for a wall time the autumn change repeats', () => {
    expect(iso(zonedTimeToUtc('2026-10-25', '01:30', LONDON))).toBe('2026-10-25T00:30:00.000Z');
    expect(iso(zonedTimeToUtc('2026-10-25', '02:00', LONDON))).toBe('2026-10-25T02:00:00.000Z');
  });

  it('reads 24:00 as midnight at the end of the date', () => {
    expect(iso(zonedTimeToUtc('2026-07-01', '24:00', LONDON))).toBe('2026-07-01T23:00:00.000Z');
  });

  it('does not assume London: other zones use their own rules', () => {
    expect(iso(zonedTimeToUtc('2026-07-01', '09:00', 'America/New_York'))).toBe(
      '2026-07-01T13:00:00.000Z',
    );
    expect(iso(zonedTimeToUtc('2026-07-01', '09:00', 'Asia/Kolkata'))).toBe(
      '2026-07-01T03:30:00.000Z',
    );
    expect(iso(zonedTimeToUtc('2026-07-01', '09:00', 'UTC'))).toBe('2026-07-01T09:00:00.000Z');
  });

  it('refuses a malformed date or time, or an unknown zone', () => {
    expect(() => zonedTimeToUtc('2026-02-30', '09:00', LONDON)).toThrow(RangeError);
    expect(() => zonedTimeToUtc('2026-03-01', '9am', LONDON)).toThrow(RangeError);
    expect(() => zonedTimeToUtc('2026-03-01', '09:00', 'Europe/Atlantis')).toThrow(RangeError);
  });
});

describe(utcToZoned.name, () => {
  it('shows an instant as the clinic clocks show it, in summer and in winter', () => {
    expect(utcToZoned(new Date('2026-07-01T08:00:00Z'), LONDON)).toEqual({
      date: '2026-07-01',
      time: '09:00',
    });
    expect(utcToZoned(new Date('2026-12-31T23:30:00Z'), LONDON)).toEqual({
      date: '2026-12-31',
      time: '23:30',
    });
  });

  it('round-trips every half hour across both 2026 clock changes', () => {
    for (const start of ['2026-03-28T22:00:00Z', '2026-10-24T22:00:00Z']) {
      for (let i = 0; i < 16; i += 1) {
        const instant = new Date(Date.parse(start) + i * 30 * 60_000);
        const local = utcToZoned(instant, LONDON);
        // The earlier of a repeated wall time maps back; the later one is the second pass.
        const back = zonedTimeToUtc(local.date, local.time, LONDON);
        expect([0, 3_600_000]).toContain(instant.getTime() - back.getTime());
      }
    }
  });
});

describe(zoneOffsetMs.name, () => {
  it('is one hour in London summer and zero in winter', () => {
    expect(zoneOffsetMs(new Date('2026-07-01T12:00:00Z'), LONDON)).toBe(3_600_000);
    expect(zoneOffsetMs(new Date('2026-01-01T12:00:00Z'), LONDON)).toBe(0);
  });
});
