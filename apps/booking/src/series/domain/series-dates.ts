import {
  addDays,
  isIsoDate,
  WEEKDAYS,
  Weekday,
  weekdayOf,
} from '../../availability/domain/calendar-date';
import {
  offsetAt,
  wallLabel,
  wallToUtcMs,
  zoneOffsetMs,
  zoneTimeline,
} from '../../availability/domain/zone-timeline';

export const MAX_SESSIONS_PER_WEEK = 5;
export const MAX_SERIES_WEEKS = 26;
export const MAX_MAINTENANCE_SESSIONS = 12;
/** A care plan's maintenance interval is 1–12 weeks (client-record's rule). */
export const MAX_MAINTENANCE_EVERY_WEEKS = 12;
/** Series start on the clinic's 15-minute slot grid. */
const GRID_MINUTES = 15;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** How often: from the care plan when one is given, else from the request. */
export interface SeriesFrequency {
  readonly sessionsPerWeek: number;
  readonly weeks: number;
}

/** After the intensive weeks: `sessions` sessions, one every `everyWeeks` weeks. */
export interface MaintenancePlan {
  readonly sessions: number;
  readonly everyWeeks: number;
}

export interface SeriesPattern extends SeriesFrequency {
  /** Clinic-local date of the first week's first day, YYYY-MM-DD. */
  readonly startsOn: string;
  /** Exactly sessionsPerWeek distinct weekdays. */
  readonly preferredWeekdays: readonly Weekday[];
  /** Clinic-local wall clock "HH:MM" on the 15-minute grid. */
  readonly preferredTime: string;
  /** The clinic's IANA timezone. */
  readonly timezone: string;
  /** The maintenance phase after the intensive weeks; none when absent. */
  readonly maintenance?: MaintenancePlan;
}

export type SessionPhase = 'intensive' | 'maintenance';

/** One wanted session: the clinic-local date and wall time, and its UTC instant. */
export interface WantedSession {
  readonly date: string;
  readonly localStart: string;
  readonly startsAt: Date;
  readonly phase: SessionPhase;
}

/** Why a pattern is not a valid series (a message that says what to fix), or undefined. */
export function patternProblem(pattern: Omit<SeriesPattern, 'timezone'>): string | undefined {
  const { sessionsPerWeek, weeks, preferredWeekdays, preferredTime, startsOn } = pattern;
  if (!Number.isInteger(sessionsPerWeek) || sessionsPerWeek < 1) {
    return 'sessionsPerWeek must be a whole number from 1 to 5';
  }
  if (sessionsPerWeek > MAX_SESSIONS_PER_WEEK) {
    return `sessionsPerWeek must be at most ${MAX_SESSIONS_PER_WEEK}`;
  }
  if (!Number.isInteger(weeks) || weeks < 1 || weeks > MAX_SERIES_WEEKS) {
    return `weeks must be a whole number from 1 to ${MAX_SERIES_WEEKS}`;
  }
  if (preferredWeekdays.some((day) => !(WEEKDAYS as readonly string[]).includes(day))) {
    return `preferredWeekdays must be weekday names (${WEEKDAYS.join(', ')})`;
  }
  if (new Set(preferredWeekdays).size !== preferredWeekdays.length) {
    return 'preferredWeekdays must not repeat a day';
  }
  if (preferredWeekdays.length !== sessionsPerWeek) {
    return `give exactly ${sessionsPerWeek} preferred weekday${sessionsPerWeek === 1 ? '' : 's'} for ${sessionsPerWeek} session${sessionsPerWeek === 1 ? '' : 's'} a week (got ${preferredWeekdays.length})`;
  }
  const time = TIME.exec(preferredTime);
  if (time === null) {
    return 'preferredTime must be a clinic-local time "HH:MM", e.g. "10:00"';
  }
  if (Number(time[2]) % GRID_MINUTES !== 0) {
    return `preferredTime must be on the ${GRID_MINUTES}-minute grid (:00, :15, :30 or :45)`;
  }
  if (!isIsoDate(startsOn)) {
    return 'startsOn must be a calendar date YYYY-MM-DD';
  }
  return maintenanceProblem(pattern.maintenance);
}

function maintenanceProblem(maintenance: MaintenancePlan | undefined): string | undefined {
  if (maintenance === undefined) {
    return undefined;
  }
  const { sessions, everyWeeks } = maintenance;
  if (!Number.isInteger(sessions) || sessions < 0 || sessions > MAX_MAINTENANCE_SESSIONS) {
    return `maintenanceSessions must be a whole number from 0 to ${MAX_MAINTENANCE_SESSIONS}`;
  }
  if (!Number.isInteger(everyWeeks) || everyWeeks < 1 || everyWeeks > MAX_MAINTENANCE_EVERY_WEEKS) {
    return `the maintenance interval must be 1 to ${MAX_MAINTENANCE_EVERY_WEEKS} weeks; correct the care plan`;
  }
  return undefined;
}

/**
 * The wanted sessions of a series, in order: in each of `weeks` consecutive 7-day weeks from
 * `startsOn`, the preferred weekdays, at `preferredTime` on the clinic's wall clock (so 10:00
 * stays 10:00 local across a clock change; the UTC instant moves). A wall time that never
 * happens (the spring gap) moves forward by the gap. Then the maintenance sessions, if any
 * (maintenanceDates), at the same wall time. Assumes a valid pattern (patternProblem).
 */
export function wantedSessions(pattern: SeriesPattern): WantedSession[] {
  const wanted = new Set<Weekday>(pattern.preferredWeekdays);
  const dates: { date: string; phase: SessionPhase }[] = [];
  for (let i = 0; i < pattern.weeks * 7; i++) {
    const date = addDays(pattern.startsOn, i);
    if (wanted.has(weekdayOf(date))) {
      dates.push({ date, phase: 'intensive' });
    }
  }
  for (const date of maintenanceDates(pattern)) {
    dates.push({ date, phase: 'maintenance' });
  }
  if (dates.length === 0) {
    return [];
  }
  const timeline = zoneTimeline(pattern.timezone, pattern.startsOn, dates[dates.length - 1].date);
  const [hours, minutes] = pattern.preferredTime.split(':').map(Number);
  const wallMinutes = hours * 60 + minutes;
  return dates.map(({ date, phase }) => {
    const startMs = wallToUtcMs(timeline, date, wallMinutes);
    const offsetMs = offsetAt(timeline, startMs);
    return { date, localStart: wallLabel(startMs, offsetMs), startsAt: new Date(startMs), phase };
  });
}

/**
 * The clinic-local dates of the maintenance sessions: on the FIRST of `preferredWeekdays` (as
 * given), counted from that weekday's date in the last intensive week, one every `everyWeeks`
 * weeks: e.g. 6 intensive weeks from Monday 2027-03-15 on Tuesday and Thursday, then 2
 * sessions every 4 weeks: Tuesday 2027-04-20 is the last intensive Tuesday, so 2027-05-18 and
 * 2027-06-15.
 */
export function maintenanceDates(pattern: Omit<SeriesPattern, 'timezone'>): string[] {
  const { maintenance } = pattern;
  if (maintenance === undefined || maintenance.sessions === 0) {
    return [];
  }
  const lastWeek = addDays(pattern.startsOn, (pattern.weeks - 1) * 7);
  const anchor = [0, 1, 2, 3, 4, 5, 6]
    .map((day) => addDays(lastWeek, day))
    .find((date) => weekdayOf(date) === pattern.preferredWeekdays[0]);
  if (anchor === undefined) {
    return [];
  }
  return Array.from({ length: maintenance.sessions }, (_, i) =>
    addDays(anchor, (i + 1) * maintenance.everyWeeks * 7),
  );
}

/** The clinic-local date (YYYY-MM-DD) at an instant. */
export function clinicToday(now: Date, timezone: string): string {
  const ms = now.getTime();
  return wallLabel(ms, zoneOffsetMs(ms, timezone)).slice(0, 10);
}

/**
 * The frequency to place: the care plan's when the series comes from one (a request that
 * also gives a different frequency is refused rather than silently overridden), else the
 * request's (both needed). Returns a problem message instead when neither is usable.
 */
export function resolveFrequency(
  requested: { sessionsPerWeek?: number | null; weeks?: number | null },
  plan: SeriesFrequency | undefined,
): SeriesFrequency | { problem: string } {
  const sessionsPerWeek = requested.sessionsPerWeek ?? undefined;
  const weeks = requested.weeks ?? undefined;
  if (plan !== undefined) {
    if (sessionsPerWeek !== undefined && sessionsPerWeek !== plan.sessionsPerWeek) {
      return {
        problem: `the care plan says ${plan.sessionsPerWeek} session(s) a week; leave sessionsPerWeek out or send ${plan.sessionsPerWeek}`,
      };
    }
    if (weeks !== undefined && weeks !== plan.weeks) {
      return {
        problem: `the care plan runs for ${plan.weeks} week(s); leave weeks out or send ${plan.weeks}`,
      };
    }
    return { sessionsPerWeek: plan.sessionsPerWeek, weeks: plan.weeks };
  }
  if (sessionsPerWeek === undefined || weeks === undefined) {
    return {
      problem: 'give sessionsPerWeek and weeks, or a carePlanId to take them from the care plan',
    };
  }
  return { sessionsPerWeek, weeks };
}
