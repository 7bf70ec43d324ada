import { addDays, wallMidnightMs } from './calendar-date';

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

/** A stretch of time [startMs, endMs) over which a zone keeps one UTC offset. */
export interface OffsetSegment {
  readonly startMs: number;
  readonly endMs: number;
  /** Wall clock minus UTC, in milliseconds (Europe/London in summer: 3_600_000). */
  readonly offsetMs: number;
}

/**
 * A zone's UTC offsets over a stretch of dates, found once with `Intl` so that every
 * wall-clock ↔ UTC conversion after that is arithmetic. Same rules as therapist-roster's
 * `zonedTimeToUtc` (Temporal's "compatible" disambiguation): a repeated wall time is the
 * earlier instant, a skipped one moves forward by the length of the gap.
 *
 * Assumes, like roster, that a zone changes its offset at most once in 24 hours.
 */
export interface ZoneTimeline {
  readonly zone: string;
  /** Sorted, contiguous, covering the dates asked for with a day's margin either side. */
  readonly segments: readonly OffsetSegment[];
}

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

/** True for an IANA timezone name this runtime knows, e.g. "Europe/London". */
export function isKnownTimezone(zone: string): boolean {
  try {
    formatterFor(zone);
    return true;
  } catch {
    return false;
  }
}

/** The zone's offset from UTC at an instant, in milliseconds (whole seconds). */
export function zoneOffsetMs(instantMs: number, zone: string): number {
  const ms = Math.floor(instantMs / 1000) * 1000;
  const parts = formatterFor(zone).formatToParts(new Date(ms));
  const part = (type: Intl.DateTimeFormatPartTypes): number =>
    Number(parts.find((p) => p.type === type)?.value ?? Number.NaN);
  const wallAsUtc = Date.UTC(
    part('year'),
    part('month') - 1,
    part('day'),
    part('hour'),
    part('minute'),
    part('second'),
  );
  return wallAsUtc - ms;
}

/** The first whole minute in (fromMs, toMs] at which the offset is no longer `offset`. */
function changeBetween(fromMs: number, toMs: number, offset: number, zone: string): number {
  let lo = fromMs;
  let hi = toMs;
  while (hi - lo > MINUTE_MS) {
    const mid = lo + Math.floor((hi - lo) / 2 / MINUTE_MS) * MINUTE_MS;
    if (zoneOffsetMs(mid, zone) === offset) {
      lo = mid;
    } else {
      hi = mid;
    }
  }
  return hi;
}

/**
 * The offsets of `zone` from a day before `fromDate` to three days after `toDate` (clinic-local
 * dates), enough to convert any wall time from `fromDate` to the day after `toDate` and to
 * label an appointment that runs past midnight. One `Intl` call a day, plus a short search on a clock-change day.
 * Throws a RangeError for an unknown zone or a malformed date.
 */
export function zoneTimeline(zone: string, fromDate: string, toDate: string): ZoneTimeline {
  const startMs = wallMidnightMs(addDays(fromDate, -1));
  const endMs = wallMidnightMs(addDays(toDate, 3));
  const segments: OffsetSegment[] = [];
  let segmentStart = startMs;
  let offset = zoneOffsetMs(startMs, zone);
  for (let at = startMs; at < endMs; at += DAY_MS) {
    const next = Math.min(at + DAY_MS, endMs);
    const nextOffset = zoneOffsetMs(next, zone);
    if (nextOffset !== offset) {
      const change = changeBetween(at, next, offset, zone);
      segments.push({ startMs: segmentStart, endMs: change, offsetMs: offset });
      segmentStart = change;
      offset = nextOffset;
    }
  }
  segments.push({ startMs: segmentStart, endMs, offsetMs: offset });
  return { zone, segments };
}

/** The offset in force at an instant (the nearest segment's outside the timeline). */
export function offsetAt(timeline: ZoneTimeline, instantMs: number): number {
  const { segments } = timeline;
  for (const segment of segments) {
    if (instantMs < segment.endMs) {
      return segment.offsetMs;
    }
  }
  return segments.length === 0 ? 0 : segments[segments.length - 1].offsetMs;
}

/**
 * The UTC instant of a wall-clock time, given as minutes after midnight of a clinic-local
 * date (1440 is midnight at its end). A time that happens twice (autumn) is the earlier
 * instant; a time that never happens (spring) moves forward by the gap: 01:30 in London on
 * 2027-03-28 is 01:30Z, i.e. 02:30 BST.
 */
export function wallToUtcMs(timeline: ZoneTimeline, date: string, minutes: number): number {
  const wallMs = wallMidnightMs(date) + minutes * MINUTE_MS;
  const { segments } = timeline;
  for (const segment of segments) {
    const instant = wallMs - segment.offsetMs;
    if (instant >= segment.startMs && instant < segment.endMs) {
      return instant;
    }
  }
  // In a gap: keep the offset from before the change, which moves the time forward.
  for (let i = 0; i + 1 < segments.length; i++) {
    const before = segments[i];
    const after = segments[i + 1];
    if (wallMs - before.offsetMs >= before.endMs && wallMs - after.offsetMs < after.startMs) {
      return wallMs - before.offsetMs;
    }
  }
  return wallMs - offsetAt(timeline, wallMs);
}

const datePrefixes = new Map<number, string>();
const clockTimes: string[] = Array.from(
  { length: 24 * 60 },
  (_, m) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`,
);

/**
 * "YYYY-MM-DDTHH:MM" of an epoch-millisecond value read as UTC. Called a few times per slot,
 * so dates are cached and times looked up rather than formatted each time.
 */
function minuteLabel(ms: number): string {
  const day = Math.floor(ms / DAY_MS);
  let prefix = datePrefixes.get(day);
  if (prefix === undefined) {
    prefix = new Date(day * DAY_MS).toISOString().slice(0, 11);
    datePrefixes.set(day, prefix);
  }
  return prefix + clockTimes[Math.floor((ms - day * DAY_MS) / MINUTE_MS)];
}

/** The wall clock "YYYY-MM-DDTHH:MM" of an instant given the offset in force then. */
export function wallLabel(instantMs: number, offsetMs: number): string {
  return minuteLabel(instantMs + offsetMs);
}

/** The instant in ISO 8601 UTC, as `Date.prototype.toISOString` writes it. */
export function utcIso(instantMs: number): string {
  return instantMs % MINUTE_MS === 0
    ? `${minuteLabel(instantMs)}:00.000Z`
    : new Date(instantMs).toISOString();
}

/** An offset as ISO 8601 writes it: "+01:00", "+00:00", "-05:00", "+05:30". */
export function offsetLabel(offsetMs: number): string {
  const sign = offsetMs < 0 ? '-' : '+';
  const minutes = Math.round(Math.abs(offsetMs) / MINUTE_MS);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${sign}${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}
