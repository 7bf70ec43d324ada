import type { EventData } from '@app/contracts';
import { ClinicHoursChangedV1, ClinicUpdatedV1 } from '@app/contracts';
import type { Clinic } from './domain/clinic';
import type { Room } from './domain/room';

type ClinicState = EventData<typeof ClinicUpdatedV1>;
type RoomState = ClinicState['rooms'][number];

/** A clinic's full public state as events carry it: everything but its contact details. */
export function clinicState(clinic: Clinic): ClinicState {
  return {
    clinicId: clinic.id,
    code: clinic.code,
    name: clinic.name,
    timezone: clinic.timezone,
    status: clinic.status,
    address: clinic.address === null ? null : { ...clinic.address },
    weeklyHours: copyWeeklyHours(clinic),
    hoursExceptions: clinic.hoursExceptions.map((e) => ({
      date: e.date,
      ranges: e.ranges.map((r) => ({ ...r })),
      reason: e.reason,
    })),
    rooms: clinic.rooms.map(roomState),
  };
}

export function hoursState(clinic: Clinic): EventData<typeof ClinicHoursChangedV1> {
  const { clinicId, timezone, weeklyHours, hoursExceptions } = clinicState(clinic);
  return { clinicId, timezone, weeklyHours, hoursExceptions };
}

export function roomState(room: Room): RoomState {
  return {
    roomId: room.id,
    name: room.name,
    status: room.status,
    addedAt: room.addedAt.toISOString(),
    retiredAt: room.retiredAt === null ? null : room.retiredAt.toISOString(),
  };
}

function copyWeeklyHours(clinic: Clinic): ClinicState['weeklyHours'] {
  const w = clinic.weeklyHours;
  const day = (ranges: typeof w.monday): { start: string; end: string }[] =>
    ranges.map((r) => ({ start: r.start, end: r.end }));
  return {
    monday: day(w.monday),
    tuesday: day(w.tuesday),
    wednesday: day(w.wednesday),
    thursday: day(w.thursday),
    friday: day(w.friday),
    saturday: day(w.saturday),
    sunday: day(w.sunday),
  };
}
