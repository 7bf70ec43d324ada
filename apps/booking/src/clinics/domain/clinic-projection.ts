import type { EventData, ClinicHoursChangedV1 } from '@app/contracts';
import { EventStamp, isStale } from '../../projections/domain/event-stamp';

export type WeeklyHours = EventData<typeof ClinicHoursChangedV1>['weeklyHours'];
export type HoursException = EventData<typeof ClinicHoursChangedV1>['hoursExceptions'][number];

/**
 * Booking's view of a clinic. Three aspects change independently (details, hours, status),
 * each remembering the event time it reflects, so a late event about one aspect is still
 * applied when a newer event only touched another.
 */
export interface ClinicProjectionState {
  readonly id: string;
  readonly code: string;
  readonly name: string;
  readonly timezone: string;
  readonly weeklyHours: WeeklyHours;
  readonly hoursExceptions: readonly HoursException[];
  readonly status: string;
  readonly detailsEventAt: Date | null;
  readonly hoursEventAt: Date | null;
  readonly statusEventAt: Date | null;
  readonly lastEventId: string;
}

export type ClinicChange =
  /** clinic.opened / clinic.updated: the clinic's full public state. */
  | {
      readonly kind: 'full';
      readonly id: string;
      readonly code: string;
      readonly name: string;
      readonly status: string;
      readonly timezone: string;
      readonly weeklyHours: WeeklyHours;
      readonly hoursExceptions: readonly HoursException[];
    }
  /** clinic.hours_changed: timezone, weekly hours and every exception. */
  | {
      readonly kind: 'hours';
      readonly id: string;
      readonly timezone: string;
      readonly weeklyHours: WeeklyHours;
      readonly hoursExceptions: readonly HoursException[];
    }
  /** clinic.status_changed. */
  | {
      readonly kind: 'status';
      readonly id: string;
      readonly code: string;
      readonly status: string;
    };

/**
 * The clinic row after `change`, or undefined when nothing is to be written: every aspect
 * the change touches already reflects a newer event, or a partial change names a clinic
 * booking has not seen opened (roster sends clinic.opened first, on the same partition).
 */
export function applyClinicChange(
  current: ClinicProjectionState | undefined,
  change: ClinicChange,
  stamp: EventStamp,
): ClinicProjectionState | undefined {
  const at = stamp.occurredAt;
  switch (change.kind) {
    case 'full': {
      const base: ClinicProjectionState = current ?? {
        ...change,
        detailsEventAt: null,
        hoursEventAt: null,
        statusEventAt: null,
        lastEventId: stamp.eventId,
      };
      const details = !isStale(at, base.detailsEventAt);
      const hours = !isStale(at, base.hoursEventAt);
      const status = !isStale(at, base.statusEventAt);
      if (!details && !hours && !status) {
        return undefined;
      }
      return {
        ...base,
        ...(details ? { code: change.code, name: change.name, detailsEventAt: at } : {}),
        ...(hours
          ? {
              timezone: change.timezone,
              weeklyHours: change.weeklyHours,
              hoursExceptions: change.hoursExceptions,
              hoursEventAt: at,
            }
          : {}),
        ...(status ? { status: change.status, statusEventAt: at } : {}),
        lastEventId: stamp.eventId,
      };
    }
    case 'hours':
      if (current === undefined || isStale(at, current.hoursEventAt)) {
        return undefined;
      }
      return {
        ...current,
        timezone: change.timezone,
        weeklyHours: change.weeklyHours,
        hoursExceptions: change.hoursExceptions,
        hoursEventAt: at,
        lastEventId: stamp.eventId,
      };
    case 'status':
      if (current === undefined || isStale(at, current.statusEventAt)) {
        return undefined;
      }
      return { ...current, status: change.status, statusEventAt: at, lastEventId: stamp.eventId };
    default: {
      const unreachable: never = change;
      return unreachable;
    }
  }
}
