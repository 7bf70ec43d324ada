import type { AvailabilityQuery, AvailabilityTherapist } from './availability-query';
import type { AvailableSlot } from './available-slot';
import { WEEKDAYS } from './calendar-date';
import {
  DEFAULT_MINIMUM_NOTICE_MINUTES,
  DEFAULT_SLOT_GRID_MINUTES,
  findAvailableSlots,
} from './find-available-slots';
import { isKnownTimezone, offsetLabel, wallLabel, zoneOffsetMs } from './zone-timeline';

/** One slot a booking asks for. */
export interface RequestedSlot {
  readonly therapistId: string;
  readonly startsAt: Date;
  /** A specific room; otherwise the first free active room by id. */
  readonly roomId?: string;
}

/** Why a well-formed, on-grid, future slot cannot be booked, in the order they are checked. */
export type UnbookableCause =
  | 'MINIMUM_NOTICE'
  | 'OUTSIDE_OPENING_HOURS'
  | 'THERAPIST_NOT_AT_CLINIC'
  | 'NO_SHIFT'
  | 'THERAPIST_LEFT'
  | 'TIME_OFF'
  | 'THERAPIST_BUSY'
  | 'NOT_CERTIFIED'
  | 'NO_ROOM';

export type RequestedSlotCheck =
  | { readonly ok: true; readonly slot: AvailableSlot }
  | {
      readonly ok: false;
      readonly code: 'START_IN_PAST' | 'OFF_SLOT_GRID';
      readonly reason: string;
    }
  | {
      readonly ok: false;
      readonly code: 'SLOT_NOT_BOOKABLE';
      readonly cause: UnbookableCause;
      readonly reason: string;
    };

const MINUTE_MS = 60_000;
const PROBE_ROOM = '\u0000probe-room';

/**
 * Decides whether one requested slot is bookable with exactly the rules of
 * `findAvailableSlots` (it runs that function over the slot's clinic-local date), and when it
 * is not, names the first rule it breaks: the search is re-run with the rules added one at a
 * time (opening hours, the therapist's shifts, leaving date, time off, their bookings, their
 * certifications, then the rooms), so the reason is always consistent with the search.
 *
 * `query.range` and `query.therapistId` are ignored (the slot decides them); the query must
 * hold the clinic's inputs for the slot's date (busy periods, time off overlapping it).
 */
export function checkRequestedSlot(
  query: AvailabilityQuery,
  request: RequestedSlot,
): RequestedSlotCheck {
  const startMs = request.startsAt.getTime();
  const zone = query.clinic.timezone;
  const offsetMs = isKnownTimezone(zone) ? zoneOffsetMs(startMs, zone) : 0;
  const localStart = wallLabel(startMs, offsetMs);
  const at = `${localStart.replace('T', ' ')} (UTC${offsetLabel(offsetMs)})`;
  const grid = query.slotGridMinutes ?? DEFAULT_SLOT_GRID_MINUTES;
  const notice = query.minimumNoticeMinutes ?? DEFAULT_MINIMUM_NOTICE_MINUTES;

  if (startMs < query.now.getTime()) {
    return {
      ok: false,
      code: 'START_IN_PAST',
      reason: `${at} has already passed; choose a start in the future`,
    };
  }
  const wallMinutes = Math.floor((startMs + offsetMs) / MINUTE_MS);
  if (startMs % MINUTE_MS !== 0 || wallMinutes % grid !== 0) {
    return {
      ok: false,
      code: 'OFF_SLOT_GRID',
      reason: `${at} is not on the ${grid}-minute slot grid; start on the hour or a multiple of ${grid} minutes past it`,
    };
  }
  if (startMs < query.now.getTime() + notice * MINUTE_MS) {
    return refuse(
      'MINIMUM_NOTICE',
      `${at} is less than ${notice} minutes from now; book at least ${notice} minutes ahead`,
    );
  }

  const date = localStart.slice(0, 10);
  const base: AvailabilityQuery = {
    ...query,
    range: { fromDate: date, toDate: date },
    therapistId: request.therapistId,
  };
  const offered = (q: AvailabilityQuery): AvailableSlot | undefined =>
    findAvailableSlots(q).find(
      (slot) => slot.therapistId === request.therapistId && Date.parse(slot.startsAt) === startMs,
    );
  const until = `${at} plus ${query.treatment.durationMinutes} minutes and ${query.treatment.bufferAfterMinutes} minutes after`;
  const real = query.therapists.find((t) => t.id === request.therapistId);
  const anyDay: AvailabilityTherapist = {
    id: request.therapistId,
    shifts: WEEKDAYS.map((weekday) => ({
      weekday,
      start: '00:00',
      end: '24:00',
      effectiveFrom: '0001-01-01',
      effectiveTo: null,
    })),
    timeOff: [],
    certifications: [],
    leftOn: null,
  };
  const probe = (therapist: AvailabilityTherapist, busyToo: boolean): AvailableSlot | undefined =>
    offered({
      ...base,
      rooms: [{ id: PROBE_ROOM, active: true }],
      treatment: { ...query.treatment, requiredCertifications: [] },
      therapists: [therapist],
      busy: busyToo
        ? query.busy
            .filter((period) => period.therapistId === request.therapistId)
            .map((period) => ({ ...period, roomId: null }))
        : [],
    });

  if (probe(anyDay, false) === undefined) {
    return refuse(
      'OUTSIDE_OPENING_HOURS',
      `the clinic is not open for the whole of ${until}; choose a time within its opening hours`,
    );
  }
  if (real === undefined) {
    return refuse(
      'THERAPIST_NOT_AT_CLINIC',
      `therapist ${request.therapistId} does not work at this clinic; choose one of its therapists`,
    );
  }
  const steps: {
    cause: UnbookableCause;
    therapist: AvailabilityTherapist;
    busy: boolean;
    reason: string;
  }[] = [
    {
      cause: 'NO_SHIFT',
      therapist: { ...anyDay, shifts: real.shifts },
      busy: false,
      reason: `therapist ${real.id} has no shift at this clinic covering ${until}; choose a time in their shifts`,
    },
    {
      cause: 'THERAPIST_LEFT',
      therapist: { ...anyDay, shifts: real.shifts, leftOn: real.leftOn },
      busy: false,
      reason: `therapist ${real.id} has left the network as of ${real.leftOn ?? ''}; choose another therapist`,
    },
    {
      cause: 'TIME_OFF',
      therapist: { ...anyDay, shifts: real.shifts, leftOn: real.leftOn, timeOff: real.timeOff },
      busy: false,
      reason: `therapist ${real.id} has approved time off during ${until}; choose another time or therapist`,
    },
    {
      cause: 'THERAPIST_BUSY',
      therapist: { ...real, certifications: [] },
      busy: true,
      reason: `therapist ${real.id} already has a booking (or its buffer) during ${until}; choose another time or therapist`,
    },
  ];
  for (const step of steps) {
    if (probe(step.therapist, step.busy) === undefined) {
      return refuse(step.cause, step.reason);
    }
  }
  const certified = offered({
    ...base,
    rooms: [{ id: PROBE_ROOM, active: true }],
    therapists: [real],
    busy: query.busy
      .filter((period) => period.therapistId === request.therapistId)
      .map((period) => ({ ...period, roomId: null })),
  });
  if (certified === undefined) {
    return refuse(
      'NOT_CERTIFIED',
      `therapist ${real.id} does not hold every certification this treatment needs (${query.treatment.requiredCertifications.join(', ')}) on ${date}; choose a certified therapist`,
    );
  }
  const rooms =
    request.roomId === undefined
      ? query.rooms
      : query.rooms.filter((room) => room.id === request.roomId);
  const slot = offered({ ...base, rooms });
  if (slot === undefined) {
    return refuse(
      'NO_ROOM',
      request.roomId === undefined
        ? `no treatment room is free for ${until}; choose another time`
        : `room ${request.roomId} is not an active room of this clinic free for ${until}; choose another room or time`,
    );
  }
  return { ok: true, slot };
}

function refuse(cause: UnbookableCause, reason: string): RequestedSlotCheck {
  return { ok: false, code: 'SLOT_NOT_BOOKABLE', cause, reason };
}
