import { ClinicError, ClinicErrorCode } from './clinics.errors';
import { AddressDraft, checkAddress, ClinicAddress, POSTCODE_FIELD } from './domain/clinic-address';
import { checkContact, ClinicContact, ContactDraft } from './domain/clinic-contact';
import type { HoursException, WeeklyHours } from './domain/opening-hours';
import {
  checkHoursException,
  checkHoursExceptions,
  checkWeeklyHours,
} from './domain/opening-hours-rules';
import type { Checked } from './domain/problem';
import { activeRoomNamed, normaliseRoomName, Room } from './domain/room';

/**
 * Runs the domain checks on a mutation's input and turns a broken rule into a ClinicError
 * with a stable code, the field at fault and what to fix. Returns the normalised value.
 */
function orThrow<T>(checked: Checked<T>, code: ClinicErrorCode): T {
  if (!checked.ok) {
    throw new ClinicError(code, checked.problem.message, { field: checked.problem.field });
  }
  return checked.value;
}

const MAX_NAME = 100;

/** True when an optional GraphQL input was given (neither omitted nor null). */
export function given<T>(value: T | null | undefined): value is T {
  return value !== undefined && value !== null;
}

export function clinicName(raw: string): string {
  const name = raw.trim().replace(/\s+/g, ' ');
  if (name.length === 0 || name.length > MAX_NAME) {
    throw new ClinicError(
      ClinicErrorCode.InvalidClinicName,
      `give the clinic a name of 1–${MAX_NAME} characters, e.g. "Leeds City"`,
      { field: 'name' },
    );
  }
  return name;
}

export function clinicAddress(draft: AddressDraft): ClinicAddress {
  const checked = checkAddress(draft);
  if (!checked.ok && checked.problem.field === POSTCODE_FIELD) {
    return orThrow(checked, ClinicErrorCode.InvalidPostcode);
  }
  return orThrow(checked, ClinicErrorCode.InvalidAddress);
}

export function clinicContact(draft: ContactDraft): ClinicContact | null {
  return orThrow(checkContact(draft), ClinicErrorCode.InvalidContact);
}

export function weeklyHours(weekly: WeeklyHours): WeeklyHours {
  return orThrow(checkWeeklyHours(weekly), ClinicErrorCode.InvalidOpeningHours);
}

export function hoursException(exception: HoursException): HoursException {
  return orThrow(checkHoursException(exception), ClinicErrorCode.InvalidHoursException);
}

export function hoursExceptions(exceptions: readonly HoursException[]): readonly HoursException[] {
  return orThrow(checkHoursExceptions(exceptions), ClinicErrorCode.InvalidHoursException);
}

export function roomName(raw: string, clinicCode?: string): string {
  const name = normaliseRoomName(raw);
  if (name === undefined) {
    throw new ClinicError(
      ClinicErrorCode.InvalidRoomName,
      `give the room${clinicCode === undefined ? '' : ` at ${clinicCode}`} a name of 1–60 characters, e.g. "Room 1"`,
      { field: 'name' },
    );
  }
  return name;
}

/** Room names for a new clinic: each valid, no two the same (ignoring case). */
export function roomNames(raw: readonly string[]): string[] {
  const names: string[] = [];
  for (const entry of raw) {
    const name = roomName(entry);
    requireFreeRoomName(
      names.map((n) => ({ name: n, status: 'active' })),
      name,
    );
    names.push(name);
  }
  return names;
}

export function requireFreeRoomName(
  rooms: readonly Pick<Room, 'name' | 'status'>[],
  name: string,
): void {
  const taken = activeRoomNamed(rooms, name);
  if (taken !== undefined) {
    throw new ClinicError(
      ClinicErrorCode.RoomNameTaken,
      `the clinic already has an active room called "${taken.name}"; choose another name or retire that room first`,
      { field: 'name' },
    );
  }
}
