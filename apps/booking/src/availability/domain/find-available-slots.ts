import { AvailabilityError, AvailabilityErrorCode } from './availability-error';
import type {
  AvailabilityClinic,
  AvailabilityQuery,
  AvailabilityShift,
  UtcPeriod,
} from './availability-query';
import type { AvailableSlot } from './available-slot';
import {
  addDays,
  datesInclusive,
  eachDate,
  isIsoDate,
  wallMidnightMs,
  weekdayOf,
} from './calendar-date';
import { holdsAllOn } from './certification-validity';
import { Interval, intersect, isFree, normalise, subtract } from './utc-intervals';
import { wallEndMinutes, wallStartMinutes, WallTimeRange } from './wall-time';
import {
  isKnownTimezone,
  offsetAt,
  offsetLabel,
  utcIso,
  wallLabel,
  wallToUtcMs,
  ZoneTimeline,
  zoneTimeline,
} from './zone-timeline';

/** The longest search, in clinic-local dates. */
export const MAX_SEARCH_DAYS = 31;
export const DEFAULT_MINIMUM_NOTICE_MINUTES = 120;
export const DEFAULT_SLOT_GRID_MINUTES = 15;

const MINUTE_MS = 60_000;
const MINUTES_PER_DAY = 24 * 60;
const DAY_MS = MINUTES_PER_DAY * MINUTE_MS;

/**
 * The bookable slots for one treatment at one clinic over a range of clinic-local dates.
 * Pure: no clock, no I/O; everything comes in `query`.
 *
 * A slot [start, end) with end = start + duration, occupying the therapist and a room for
 * [start, end + buffer), is offered when ALL of these hold:
 * - the start is on the slot grid of the clinic's wall clock (10:00, 10:15, ...; the grid
 *   divides an hour, so slots are aligned to the hour), and it is at or after now + notice;
 * - [start, end + buffer) lies within the clinic's opening hours on that date (a dated
 *   exception replaces the weekday's hours) AND within the therapist's shifts effective on
 *   that date: the buffer must fit before closing and before the shift ends, because the
 *   therapist and the room are still in use. Back-to-back ranges count as one (a shift
 *   09:00–13:00 followed by 13:00–17:00 can hold a 12:30–13:30 treatment);
 * - [start, end + buffer) overlaps none of the therapist's time off and none of their busy
 *   periods (which include the buffers of existing bookings);
 * - an active room is free for [start, end + buffer); the FIRST such room by id is offered,
 *   so there is one slot per (start, therapist) and results stay small and deterministic;
 * - on the clinic-local date of the start (the appointment date, which must lie in the range;
 *   the treatment may run past midnight into the next day's hours), the therapist holds every required certification
 *   (verified, issued, not expired, not revoked) and has not left the network.
 *
 * Clock changes follow therapist-roster: wall times become instants with "compatible"
 * disambiguation. A wall time in the spring-forward gap never starts a slot (there is no
 * such instant on the clock); in the hour the clocks go back both passes of the hour are
 * real time, so each grid time can start two slots with distinct UTC instants, told apart by
 * `utcOffset`. An opening or shift edge written inside the gap moves forward by the gap, as
 * roster's expansion does (01:30 on 2027-03-28 in London is 02:30 BST).
 *
 * Sorted by start, then therapist id. Throws an `AvailabilityError` for a range over 31
 * days, a reversed or malformed range, an unknown timezone, a grid that does not divide an
 * hour, a negative notice, or a treatment without a positive whole-minute duration.
 */
export function findAvailableSlots(query: AvailabilityQuery): AvailableSlot[] {
  const { gridMinutes, noticeMinutes } = validate(query);
  const { clinic, treatment, range } = query;
  const dates = eachDate(range.fromDate, range.toDate);
  // Hours and shifts of the day after the range too: a slot starting late on the last date
  // may end after midnight. Slots START only on dates in the range.
  const spanDates = [...dates, addDays(range.toDate, 1)];
  const timeline = zoneTimeline(clinic.timezone, range.fromDate, range.toDate);

  const opening = normalise(
    spanDates.flatMap((date) => wallRangesToUtc(openingRangesOn(clinic, date), date, timeline)),
  );
  const rooms = [...new Set(query.rooms.filter((room) => room.active).map((room) => room.id))].sort(
    compareIds,
  );
  if (opening.length === 0 || rooms.length === 0) {
    return [];
  }

  const therapists = query.therapists
    .filter((t) => query.therapistId === undefined || t.id === query.therapistId)
    .sort((a, b) => compareIds(a.id, b.id));
  const wanted = new Set(therapists.map((t) => t.id));
  const roomIndex = new Map(rooms.map((id, index) => [id, index]));
  const busyByTherapist = new Map<string, Interval[]>();
  const busyByRoom: Interval[][] = rooms.map(() => []);
  for (const period of query.busy) {
    const interval = toInterval(period);
    if (period.therapistId !== null && wanted.has(period.therapistId)) {
      const list = busyByTherapist.get(period.therapistId);
      if (list === undefined) {
        busyByTherapist.set(period.therapistId, [interval]);
      } else {
        list.push(interval);
      }
    }
    const index = period.roomId === null ? undefined : roomIndex.get(period.roomId);
    if (index !== undefined) {
      busyByRoom[index].push(interval);
    }
  }
  const roomBusy = busyByRoom.map(normalise);

  const durationMs = treatment.durationMinutes * MINUTE_MS;
  const occupiedMs = durationMs + treatment.bufferAfterMinutes * MINUTE_MS;
  const gridMs = gridMinutes * MINUTE_MS;
  const startWindow: Interval = {
    start: Math.max(
      query.now.getTime() + noticeMinutes * MINUTE_MS,
      wallToUtcMs(timeline, range.fromDate, 0),
    ),
    end: wallToUtcMs(timeline, range.toDate, MINUTES_PER_DAY),
  };

  const found: { startMs: number; offsetMs: number; therapistId: string; roomId: string }[] = [];
  for (const therapist of therapists) {
    // The appointment date is the clinic-local date of the start.
    const bookableDays = new Set(
      dates
        .filter(
          (date) =>
            (therapist.leftOn === null || date < therapist.leftOn) &&
            holdsAllOn(therapist.certifications, treatment.requiredCertifications, date),
        )
        .map((date) => wallMidnightMs(date) / DAY_MS),
    );
    if (bookableDays.size === 0) {
      continue;
    }
    const shifts = normalise(
      spanDates.flatMap((date) =>
        wallRangesToUtc(shiftRangesOn(therapist.shifts, date), date, timeline),
      ),
    );
    const free = subtract(
      subtract(intersect(opening, shifts), normalise(therapist.timeOff.map(toInterval))),
      normalise(busyByTherapist.get(therapist.id) ?? []),
    );
    for (const interval of free) {
      forEachGridStart(interval, occupiedMs, startWindow, gridMs, timeline, (start, offset) => {
        if (!bookableDays.has(Math.floor((start + offset) / DAY_MS))) {
          return;
        }
        const room = roomBusy.findIndex((busy) => isFree(busy, start, start + occupiedMs));
        if (room >= 0) {
          found.push({
            startMs: start,
            offsetMs: offset,
            therapistId: therapist.id,
            roomId: rooms[room],
          });
        }
      });
    }
  }

  found.sort((a, b) => a.startMs - b.startMs || compareIds(a.therapistId, b.therapistId));
  return found.map(({ startMs, offsetMs, therapistId, roomId }) => {
    const endMs = startMs + durationMs;
    return {
      startsAt: utcIso(startMs),
      endsAt: utcIso(endMs),
      localStart: wallLabel(startMs, offsetMs),
      localEnd: wallLabel(endMs, offsetAt(timeline, endMs)),
      utcOffset: offsetLabel(offsetMs),
      therapistId,
      roomId,
    };
  });
}

function validate(query: AvailabilityQuery): { gridMinutes: number; noticeMinutes: number } {
  const { fromDate, toDate } = query.range;
  if (!isIsoDate(fromDate) || !isIsoDate(toDate)) {
    throw new AvailabilityError(
      AvailabilityErrorCode.InvalidDateRange,
      `"${fromDate}" to "${toDate}" is not a date range; give clinic-local dates as YYYY-MM-DD`,
      { fromDate, toDate },
    );
  }
  if (toDate < fromDate) {
    throw new AvailabilityError(
      AvailabilityErrorCode.InvalidDateRange,
      `the range ends (${toDate}) before it starts (${fromDate}); give fromDate first`,
      { fromDate, toDate },
    );
  }
  const days = datesInclusive(fromDate, toDate);
  if (days > MAX_SEARCH_DAYS) {
    throw new AvailabilityError(
      AvailabilityErrorCode.DateRangeTooLong,
      `${fromDate} to ${toDate} covers ${days} days; search at most ${MAX_SEARCH_DAYS} days at a time`,
      { fromDate, toDate, days, maxDays: MAX_SEARCH_DAYS },
    );
  }
  const timezone = query.clinic.timezone;
  if (!isKnownTimezone(timezone)) {
    throw new AvailabilityError(
      AvailabilityErrorCode.InvalidTimezone,
      `the clinic's timezone "${timezone}" is not an IANA zone this server knows, e.g. "Europe/London"`,
      { timezone },
    );
  }
  const gridMinutes = query.slotGridMinutes ?? DEFAULT_SLOT_GRID_MINUTES;
  if (!Number.isInteger(gridMinutes) || gridMinutes < 1 || 60 % gridMinutes !== 0) {
    throw new AvailabilityError(
      AvailabilityErrorCode.InvalidSlotGrid,
      `a slot grid of ${gridMinutes} minutes does not divide an hour; use 5, 10, 15, 20, 30 or 60`,
      { slotGridMinutes: gridMinutes },
    );
  }
  const noticeMinutes = query.minimumNoticeMinutes ?? DEFAULT_MINIMUM_NOTICE_MINUTES;
  if (!Number.isInteger(noticeMinutes) || noticeMinutes < 0) {
    throw new AvailabilityError(
      AvailabilityErrorCode.InvalidMinimumNotice,
      `a minimum notice of ${noticeMinutes} minutes is not possible; use a whole number of minutes, 0 or more`,
      { minimumNoticeMinutes: noticeMinutes },
    );
  }
  const { id, durationMinutes, bufferAfterMinutes } = query.treatment;
  if (
    !Number.isInteger(durationMinutes) ||
    durationMinutes < 1 ||
    !Number.isInteger(bufferAfterMinutes) ||
    bufferAfterMinutes < 0
  ) {
    throw new AvailabilityError(
      AvailabilityErrorCode.InvalidTreatmentTiming,
      `treatment ${id} lasts ${durationMinutes} minutes with a ${bufferAfterMinutes}-minute buffer; it needs a duration of whole minutes above 0 and a buffer of 0 or more`,
      { treatmentId: id, durationMinutes, bufferAfterMinutes },
    );
  }
  return { gridMinutes, noticeMinutes };
}

/** The clinic's opening ranges on a date: the dated exception if any, else the weekday's. */
function openingRangesOn(clinic: AvailabilityClinic, date: string): readonly WallTimeRange[] {
  const exception = clinic.hoursExceptions.find((e) => e.date === date);
  return exception !== undefined ? exception.ranges : clinic.weeklyHours[weekdayOf(date)];
}

/** The shifts of a working pattern that apply on a date: its weekday, within their period. */
function shiftRangesOn(shifts: readonly AvailabilityShift[], date: string): AvailabilityShift[] {
  const weekday = weekdayOf(date);
  return shifts.filter(
    (s) =>
      s.weekday === weekday &&
      s.effectiveFrom <= date &&
      (s.effectiveTo === null || date <= s.effectiveTo),
  );
}

/**
 * Wall-clock ranges on a date as UTC intervals. Malformed ranges are skipped: projections are
 * validated against the event schemas before they are stored.
 */
function wallRangesToUtc(
  ranges: readonly WallTimeRange[],
  date: string,
  timeline: ZoneTimeline,
): Interval[] {
  const result: Interval[] = [];
  for (const range of ranges) {
    const start = wallStartMinutes(range.start);
    const end = wallEndMinutes(range.end);
    if (start !== undefined && end !== undefined && start < end) {
      result.push({
        start: wallToUtcMs(timeline, date, start),
        end: wallToUtcMs(timeline, date, end),
      });
    }
  }
  return result;
}

function toInterval(period: UtcPeriod): Interval {
  return { start: period.startsAt.getTime(), end: period.endsAt.getTime() };
}

/**
 * Calls `visit` for every instant in `interval` at which something `occupiedMs` long can start
 * and still end inside it, within the start window, on the wall-clock grid. The grid
 * is wall-clock: under offset o an instant t is on it when (t + o) is a multiple of the grid
 * (local midnight is a multiple of a day, and the grid divides an hour).
 */
function forEachGridStart(
  interval: Interval,
  occupiedMs: number,
  startWindow: Interval,
  gridMs: number,
  timeline: ZoneTimeline,
  visit: (startMs: number, offsetMs: number) => void,
): void {
  const latestStart = Math.min(interval.end - occupiedMs, startWindow.end - 1);
  const first = Math.max(interval.start, startWindow.start);
  if (latestStart < first) {
    return;
  }
  for (const segment of timeline.segments) {
    const lo = Math.max(first, segment.startMs);
    const hi = Math.min(latestStart, segment.endMs - 1);
    if (lo > hi) {
      continue;
    }
    const offset = segment.offsetMs;
    for (let t = Math.ceil((lo + offset) / gridMs) * gridMs - offset; t <= hi; t += gridMs) {
      visit(t, offset);
    }
  }
}

/** Ids compared by code unit, so the order does not depend on a locale. */
function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
