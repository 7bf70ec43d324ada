import fc from 'fast-check';
import {
  isKnownTimezone,
  offsetAt,
  offsetLabel,
  utcIso,
  wallLabel,
  wallToUtcMs,
  zoneTimeline,
} from './zone-timeline';

const at = (iso: string): number => Date.parse(iso);
const minutes = (time: string): number => Number(time.slice(0, 2)) * 60 + Number(time.slice(3));
const utc = (zone: string, date: string, time: string): string =>
  new Date(wallToUtcMs(zoneTimeline(zone, date, date), date, minutes(time))).toISOString();

describe(zoneTimeline.name, () => {
  it('has one offset over a month without a clock change', () => {
    const timeline = zoneTimeline('Europe/London', '2026-07-01', '2026-07-31');

    expect(timeline.segments.map((s) => s.offsetMs)).toEqual([3_600_000]);
  });

  it('finds the spring change in London at 01:00Z on 2027-03-28', () => {
    const timeline = zoneTimeline('Europe/London', '2027-03-20', '2027-04-10');

    expect(timeline.segments.map((s) => [new Date(s.endMs).toISOString(), s.offsetMs])).toEqual([
      ['2027-03-28T01:00:00.000Z', 0],
      ['2027-04-13T00:00:00.000Z', 3_600_000],
    ]);
  });

  it('finds the autumn change in London at 01:00Z on 2026-10-25', () => {
    const timeline = zoneTimeline('Europe/London', '2026-10-25', '2026-10-25');

    expect(timeline.segments.map((s) => new Date(s.startMs).toISOString())).toEqual([
      '2026-10-24T00:00:00.000Z',
      '2026-10-25T01:00:00.000Z',
    ]);
    expect(offsetAt(timeline, at('2026-10-25T00:59:00Z'))).toBe(3_600_000);
    expect(offsetAt(timeline, at('2026-10-25T01:00:00Z'))).toBe(0);
  });

  it('finds a half-hour change (Lord Howe Island)', () => {
    const timeline = zoneTimeline('Australia/Lord_Howe', '2026-10-04', '2026-10-04');

    expect(timeline.segments.map((s) => s.offsetMs / 60_000)).toEqual([630, 660]);
  });
});

describe(wallToUtcMs.name, () => {
  it.each([
    ['Europe/London', '2026-07-01', '09:00', '2026-07-01T08:00:00.000Z'],
    ['Europe/London', '2026-12-01', '09:00', '2026-12-01T09:00:00.000Z'],
    ['Europe/London', '2026-07-01', '24:00', '2026-07-01T23:00:00.000Z'],
    // spring gap: 01:00–01:59 never happens; moved forward by the gap (roster's rule)
    ['Europe/London', '2027-03-28', '00:59', '2027-03-28T00:59:00.000Z'],
    ['Europe/London', '2027-03-28', '01:30', '2027-03-28T01:30:00.000Z'],
    ['Europe/London', '2027-03-28', '02:00', '2027-03-28T01:00:00.000Z'],
    // autumn: 01:00–01:59 happens twice; the earlier instant (still BST)
    ['Europe/London', '2026-10-25', '00:59', '2026-10-24T23:59:00.000Z'],
    ['Europe/London', '2026-10-25', '01:30', '2026-10-25T00:30:00.000Z'],
    ['Europe/London', '2026-10-25', '02:00', '2026-10-25T02:00:00.000Z'],
    ['America/New_York', '2026-03-08', '02:30', '2026-03-08T07:30:00.000Z'],
    ['America/New_York', '2026-11-01', '01:30', '2026-11-01T05:30:00.000Z'],
    ['Asia/Kolkata', '2026-07-01', '09:00', '2026-07-01T03:30:00.000Z'],
  ])('puts %s %s %s at %s', (zone, date, time, expected) => {
    expect(utc(zone, date, time)).toBe(expected);
  });
});

describe(wallLabel.name, () => {
  it('writes the wall clock of an instant under an offset', () => {
    expect(wallLabel(at('2026-10-25T00:30:00Z'), 3_600_000)).toBe('2026-10-25T01:30');
    expect(wallLabel(at('2026-10-25T01:30:00Z'), 0)).toBe('2026-10-25T01:30');
  });
});

describe(offsetLabel.name, () => {
  it.each([
    [3_600_000, '+01:00'],
    [0, '+00:00'],
    [-18_000_000, '-05:00'],
    [19_800_000, '+05:30'],
  ])('writes %p ms as %s', (offset, label) => {
    expect(offsetLabel(offset)).toBe(label);
  });
});

describe(isKnownTimezone.name, () => {
  it('knows IANA zones and not made-up ones', () => {
    expect(isKnownTimezone('Europe/London')).toBe(true);
    expect(isKnownTimezone('Europe/Atlantis')).toBe(false);
  });
});

describe(utcIso.name, () => {
  it('writes any instant exactly as Date.prototype.toISOString does', () => {
    const instants = fc.oneof(
      fc.integer({ min: 0, max: 5_000_000 }).map((m) => Date.UTC(2020, 0, 1) + m * 60_000),
      fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2100, 0, 1) }),
    );
    fc.assert(
      fc.property(instants, (ms) => {
        expect(utcIso(ms)).toBe(new Date(ms).toISOString());
      }),
    );
  });
});

describe('wall-clock conversion (property)', () => {
  const MINUTE = 60_000;
  const formatter = (zone: string): Intl.DateTimeFormat =>
    new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
  /** The wall clock of an instant straight from Intl: "YYYY-MM-DDTHH:MM". */
  const intlLabel = (ms: number, zone: string): string => {
    const p = formatter(zone).formatToParts(new Date(ms));
    const get = (type: string): string => p.find((x) => x.type === type)?.value ?? '';
    return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}`;
  };

  it('round-trips every instant around clock changes: the label names a wall time that maps back no later', () => {
    const zones = fc.constantFrom('Europe/London', 'America/New_York', 'Australia/Lord_Howe');
    const dates = fc.constantFrom(
      '2026-03-29',
      '2026-10-25',
      '2027-03-28',
      '2026-03-08',
      '2026-11-01',
      '2026-10-04',
      '2026-04-05',
    );
    fc.assert(
      fc.property(
        zones,
        dates,
        fc.integer({ min: -24 * 60, max: 48 * 60 }),
        (zone, date, minute) => {
          const timeline = zoneTimeline(zone, date, date);
          const instant = Date.parse(`${date}T00:00:00Z`) + minute * MINUTE;
          const label = wallLabel(instant, offsetAt(timeline, instant));
          expect(label).toBe(intlLabel(instant, zone));
          if (label.slice(0, 10) === date) {
            const back = wallToUtcMs(
              timeline,
              date,
              Number(label.slice(11, 13)) * 60 + Number(label.slice(14)),
            );
            // the earlier pass of a repeated time, else the instant itself
            expect(back <= instant && intlLabel(back, zone) === label).toBe(true);
          }
        },
      ),
    );
  });
});
