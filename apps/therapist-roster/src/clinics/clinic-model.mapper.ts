import { ClinicRoomModel } from './clinic-room.model';
import { ClinicModel } from './clinic.model';
import type { Clinic } from './domain/clinic';
import type { TimeRange } from './domain/opening-hours';
import type { Room } from './domain/room';
import { OpeningTimeRangeModel } from './opening-time-range.model';

/** The GraphQL shape of a clinic; the entity never reaches the schema. */
export function toClinicModel(clinic: Clinic): ClinicModel {
  const w = clinic.weeklyHours;
  return Object.assign(new ClinicModel(), {
    id: clinic.id,
    code: clinic.code,
    name: clinic.name,
    timezone: clinic.timezone,
    status: clinic.status,
    address: clinic.address === null ? null : { ...clinic.address },
    contact: clinic.contact === null ? null : { ...clinic.contact },
    openingHours: {
      monday: ranges(w.monday),
      tuesday: ranges(w.tuesday),
      wednesday: ranges(w.wednesday),
      thursday: ranges(w.thursday),
      friday: ranges(w.friday),
      saturday: ranges(w.saturday),
      sunday: ranges(w.sunday),
    },
    hoursExceptions: clinic.hoursExceptions.map((e) => ({
      date: e.date,
      ranges: ranges(e.ranges),
      reason: e.reason,
    })),
    rooms: clinic.rooms.map(toRoomModel),
    openedAt: clinic.openedAt,
  });
}

export function toRoomModel(room: Room): ClinicRoomModel {
  return Object.assign(new ClinicRoomModel(), room);
}

function ranges(list: readonly TimeRange[]): OpeningTimeRangeModel[] {
  return list.map((r) =>
    Object.assign(new OpeningTimeRangeModel(), { start: r.start, end: r.end }),
  );
}
