import { isIsoDate } from '../../clinics/domain/iso-date';

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;
const WALL_TIME = /^([01]\d|2[0-3]):([0-5]\d)$|^24:00$/;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

interface WallClock {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

function wallClockAt(instantMs: number, zone: string): WallClock {
  const parts = formatterFor(zone).formatToParts(new Date(instantMs));
  const part = (type: Intl.DateTimeFormatPartTypes): number =>
    Number(parts.find((p) => p.type === type)?.value ?? Number.NaN);
  return {
    year: part('year'),
    month: part('month'),
    day: part('day'),
    hour: part('hour'),
    minute: part('minute'),
    second: part('second'),
  };
}

/** The zone's offset from UTC at an instant, in milliseconds (Europe/London in summer: +1 h). */
export function zoneOffsetMs(instant: Date, zone: string): number {
  const ms = Math.floor(instant.getTime() / 1000) * 1000;
  const wall = wallClockAt(ms, zone);
  const wallAsUtc = Date.UTC(
    wall.year,
    wall.month - 1,
    wall.day,
    wall.hour,
    wall.minute,
    wall.second,
  );
  return wallAsUtc - ms;
}

/**
 * The UTC instant of a wall-clock date and time in an IANA zone, e.g.
 * `zonedTimeToUtc('2026-07-01', '09:00', 'Europe/London')` is 08:00Z. "24:00" is midnight at
 * the end of the date.
 *
 * Clock changes are resolved as Temporal's "compatible" disambiguation does:
 * - a wall time that happens twice (autumn, 01:00–01:59 in London on 2026-10-25) is the
 *   EARLIER of the two instants (still on summer time);
 * - a wall time that never happens (spring, 01:00–01:59 in London on 2026-03-29) is moved
 *   forward by the length of the gap: 01:30 becomes 02:30 BST, i.e. 01:30Z.
 * So a shift written 01:00–02:00 on the spring-forward day starts and ends at the same
 * instant (01:00Z): it lasts no time at all, and expansion drops it.
 *
 * Throws a RangeError for a malformed date or time, or an unknown zone.
 */
export function zonedTimeToUtc(date: string, time: string, zone: string): Date {
  const match = WALL_TIME.exec(time);
  if (!isIsoDate(date) || match === null) {
    throw new RangeError(`"${date} ${time}" is not a wall-clock time; use YYYY-MM-DD and HH:MM`);
  }
  const [hour, minute] = time === '24:00' ? [24, 0] : [Number(match[1]), Number(match[2])];
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const wallAsUtc = Date.UTC(year, month - 1, day, hour, minute);

  // The offsets in force a day either side; a zone changes its offset at most once a day.
  const before = zoneOffsetMs(new Date(wallAsUtc - DAY_MS), zone);
  const after = zoneOffsetMs(new Date(wallAsUtc + DAY_MS), zone);
  const candidates = [...new Set([before, after])]
    .map((offset) => wallAsUtc - offset)
    .filter((instant) => wallAsUtc - zoneOffsetMs(new Date(instant), zone) === instant)
    .sort((a, b) => a - b);
  const earliest = candidates[0];
  if (earliest !== undefined) {
    return new Date(earliest);
  }
  // In a gap: keep the offset from before the change, which moves the time forward.
  return new Date(wallAsUtc - before);
}

/** The wall-clock date ("YYYY-MM-DD") and time ("HH:MM") of an instant in an IANA zone. */
export function utcToZoned(instant: Date, zone: string): { date: string; time: string } {
  const wall = wallClockAt(instant.getTime(), zone);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return {
    date: `${wall.year}-${pad(wall.month)}-${pad(wall.day)}`,
    time: `${pad(wall.hour)}:${pad(wall.minute)}`,
  };
}
