import type {
  AvailabilityCertification,
  AvailabilityClinic,
  AvailabilityQuery,
  AvailabilityShift,
  AvailabilityTherapist,
  BusyPeriod,
} from './availability-query';
import { WEEKDAYS, Weekday } from './calendar-date';
import type { WallTimeRange } from './wall-time';

/** Test values for availability: a valid query in one line, changed only where a test needs. */

export const LONDON = 'Europe/London';

export function everyDay(ranges: readonly WallTimeRange[]): Record<Weekday, WallTimeRange[]> {
  return Object.fromEntries(WEEKDAYS.map((day) => [day, [...ranges]])) as Record<
    Weekday,
    WallTimeRange[]
  >;
}

/** A London clinic open 09:00–17:00 every day. */
export function clinic(overrides: Partial<AvailabilityClinic> = {}): AvailabilityClinic {
  return {
    timezone: LONDON,
    weeklyHours: everyDay([{ start: '09:00', end: '17:00' }]),
    hoursExceptions: [],
    ...overrides,
  };
}

/** A shift on every weekday, effective for ever. */
export function shiftsEveryDay(start: string, end: string): AvailabilityShift[] {
  return WEEKDAYS.map((weekday) => ({
    weekday,
    start,
    end,
    effectiveFrom: '2020-01-01',
    effectiveTo: null,
  }));
}

export function certification(
  type: string,
  overrides: Partial<AvailabilityCertification> = {},
): AvailabilityCertification {
  return {
    type,
    issuedOn: '2020-01-01',
    expiresOn: null,
    revokedOn: null,
    verified: true,
    ...overrides,
  };
}

/** A therapist working 09:00–17:00 every day, holding pnf_level_1, with no time off. */
export function therapist(
  id: string,
  overrides: Partial<Omit<AvailabilityTherapist, 'id'>> = {},
): AvailabilityTherapist {
  return {
    id,
    shifts: shiftsEveryDay('09:00', '17:00'),
    timeOff: [],
    certifications: [certification('pnf_level_1')],
    leftOn: null,
    ...overrides,
  };
}

export function busy(
  startsAt: string,
  endsAt: string,
  owner: { therapistId?: string | null; roomId?: string | null },
): BusyPeriod {
  return {
    startsAt: new Date(startsAt),
    endsAt: new Date(endsAt),
    therapistId: owner.therapistId ?? null,
    roomId: owner.roomId ?? null,
  };
}

/**
 * One therapist "t1", one room "r1", a 60-minute treatment needing pnf_level_1 with no buffer,
 * on Wednesday 2026-07-01 (BST), searched a month before.
 */
export function query(overrides: Partial<AvailabilityQuery> = {}): AvailabilityQuery {
  return {
    clinic: clinic(),
    rooms: [{ id: 'r1', active: true }],
    treatment: {
      id: 'pnf-60',
      durationMinutes: 60,
      bufferAfterMinutes: 0,
      requiredCertifications: ['pnf_level_1'],
    },
    therapists: [therapist('t1')],
    busy: [],
    range: { fromDate: '2026-07-01', toDate: '2026-07-01' },
    now: new Date('2026-06-01T00:00:00Z'),
    ...overrides,
  };
}
