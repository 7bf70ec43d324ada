import { isIsoDate } from '../../clinics/domain/iso-date';
import { endMinutes, startMinutes } from '../../clinics/domain/local-time';
import { ScheduleErrorCode } from '../schedules.errors';
import type { ScheduleProblem } from './schedule-problem';
import { zonedTimeToUtc } from './zoned-time';

/**
 * A time-off period as asked for: either two instants, or clinic-local dates with optional
 * times (a missing start time is the start of the day, a missing end time the end of the
 * end date), so "2026-08-03 to 2026-08-07" is five whole days and "2026-08-03 13:00 to
 * 2026-08-03 17:00" an afternoon.
 */
export interface TimeOffPeriodInput {
  readonly startsAt?: Date | null;
  readonly endsAt?: Date | null;
  readonly startDate?: string | null;
  readonly startTime?: string | null;
  readonly endDate?: string | null;
  readonly endTime?: string | null;
}

export interface TimeOffPeriod {
  readonly startsAt: Date;
  readonly endsAt: Date;
}

/** Longest time off one request may cover; longer absences are several requests. */
export const MAX_TIME_OFF_DAYS = 366;

type Resolved =
  | { readonly ok: true; readonly period: TimeOffPeriod }
  | { readonly ok: false; readonly problem: ScheduleProblem };

function invalid(field: string, message: string): Resolved {
  return { ok: false, problem: { code: ScheduleErrorCode.InvalidTimeOffPeriod, field, message } };
}

const given = <T>(value: T | null | undefined): value is T => value !== null && value !== undefined;

/**
 * Turns the request into UTC instants. `zone` is the therapist's clinics' timezone, or
 * undefined when their clinics do not share one (then only instants are accepted).
 */
export function resolveTimeOffPeriod(
  input: TimeOffPeriodInput,
  zone: string | undefined,
): Resolved {
  const instants = given(input.startsAt) || given(input.endsAt);
  const local =
    given(input.startDate) ||
    given(input.endDate) ||
    given(input.startTime) ||
    given(input.endTime);
  if (instants && local) {
    return invalid(
      'startsAt',
      'give the period either as startsAt/endsAt instants or as local startDate/endDate (with optional times), not both',
    );
  }
  let period: TimeOffPeriod;
  if (instants) {
    if (!given(input.startsAt) || !given(input.endsAt)) {
      return invalid('endsAt', 'give both startsAt and endsAt');
    }
    period = { startsAt: input.startsAt, endsAt: input.endsAt };
  } else {
    if (!given(input.startDate) || !given(input.endDate)) {
      return invalid(
        'startDate',
        'give the period as startDate and endDate (YYYY-MM-DD, optional startTime/endTime HH:MM), or as startsAt and endsAt',
      );
    }
    for (const [field, value] of [
      ['startDate', input.startDate],
      ['endDate', input.endDate],
    ] as const) {
      if (!isIsoDate(value)) {
        return invalid(field, `${field} "${value}" is not a calendar date; use YYYY-MM-DD`);
      }
    }
    const startTime = input.startTime ?? '00:00';
    const endTime = input.endTime ?? '24:00';
    if (startMinutes(startTime) === undefined) {
      return invalid('startTime', `startTime "${startTime}" is not a time; use HH:MM, e.g. 13:00`);
    }
    if (endMinutes(endTime) === undefined) {
      return invalid('endTime', `endTime "${endTime}" is not a time; use HH:MM up to 24:00`);
    }
    if (zone === undefined) {
      return invalid(
        'startDate',
        "the therapist's clinics are in different timezones, so local dates are ambiguous; give startsAt and endsAt as instants",
      );
    }
    period = {
      startsAt: zonedTimeToUtc(input.startDate, startTime, zone),
      endsAt: zonedTimeToUtc(input.endDate, endTime, zone),
    };
  }
  if (period.endsAt.getTime() <= period.startsAt.getTime()) {
    return invalid(
      'endsAt',
      'time off must end after it starts; make the end later than the start',
    );
  }
  if (period.endsAt.getTime() - period.startsAt.getTime() > MAX_TIME_OFF_DAYS * 86_400_000) {
    return invalid(
      'endsAt',
      `time off may cover at most ${MAX_TIME_OFF_DAYS} days in one request; split it into several`,
    );
  }
  return { ok: true, period };
}
