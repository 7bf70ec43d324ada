import { Caller, canActForClinic, hasScope } from '@app/auth';

/** The integrator scope that lets an outside system create and change bookings. */
export const BOOKINGS_WRITE_SCOPE = 'bookings:write';

/** The integrator scope that lets an outside system read bookings (diaries, a client's list). */
export const BOOKINGS_READ_SCOPE = 'bookings:read';

/**
 * Why an integrator may not read bookings at all, or undefined: it needs bookings:read or
 * bookings:write (other roles are not limited by scopes).
 */
export function readScopeDenial(caller: Caller): string | undefined {
  if (
    caller.role !== 'integrator' ||
    hasScope(caller, BOOKINGS_READ_SCOPE) ||
    hasScope(caller, BOOKINGS_WRITE_SCOPE)
  ) {
    return undefined;
  }
  return `your integration needs the scope ${BOOKINGS_READ_SCOPE} or ${BOOKINGS_WRITE_SCOPE} to read bookings; ask head office to extend its grant`;
}

/** The parts of a booking a permission decision needs. */
export interface BookingParties {
  readonly clinicId: string;
  readonly clientId: string;
  readonly therapistId: string;
}

export type BookingCommand =
  'hold' | 'confirm' | 'reschedule' | 'cancel' | 'check_in' | 'complete' | 'no_show';

/**
 * Who may do what, or why not (a message that says what to do instead); undefined: allowed.
 *
 * - head_office_admin: everything, every clinic. clinical_lead: reads only.
 * - clinic_manager, receptionist: everything at their clinics.
 * - client: hold, confirm, reschedule and cancel their own bookings (self-bookable
 *   treatments are checked by the service).
 * - therapist: complete or mark a no-show for their own bookings; reception checks in.
 * - integrator with scope bookings:write: hold, confirm, reschedule, cancel at its clinics.
 */
export function denialOf(
  caller: Caller,
  command: BookingCommand,
  booking: BookingParties,
): string | undefined {
  return roleDenialOf(caller, command) ?? partyDenialOf(caller, booking);
}

/**
 * Why the caller's role (and scopes) never allow this command, whichever booking it names;
 * undefined: it may, for the right booking. The service checks this before it looks the
 * booking up, so such a caller hears what to do instead (FORBIDDEN), never BOOKING_NOT_FOUND:
 * the answer does not depend on the booking, so it reveals nothing about it.
 */
export function roleDenialOf(caller: Caller, command: BookingCommand): string | undefined {
  switch (caller.role) {
    case 'head_office_admin':
    case 'clinic_manager':
    case 'receptionist':
      return undefined;
    case 'client':
      return isClientCommand(command)
        ? undefined
        : `a client cannot ${commandWords(command)}; the clinic does that`;
    case 'therapist':
      return command === 'complete' || command === 'no_show'
        ? undefined
        : `a therapist cannot ${commandWords(command)}; ask reception`;
    case 'integrator':
      if (!isClientCommand(command)) {
        return `an integrator cannot ${commandWords(command)}; the clinic does that`;
      }
      return hasScope(caller, BOOKINGS_WRITE_SCOPE)
        ? undefined
        : `your integration needs the scope ${BOOKINGS_WRITE_SCOPE} to change bookings; ask head office to extend its grant`;
    case 'clinical_lead':
      return 'clinical leads see bookings but do not change them; ask the clinic';
    default: {
      const unreachable: never = caller.role;
      return `unknown role ${String(unreachable)}`;
    }
  }
}

/**
 * Why this caller may not act on this booking's clinic, client or therapist, or undefined
 * (head office acts everywhere; the clinical lead is refused by role).
 */
function partyDenialOf(caller: Caller, booking: BookingParties): string | undefined {
  switch (caller.role) {
    case 'clinic_manager':
    case 'receptionist':
      return canActForClinic(caller, booking.clinicId)
        ? undefined
        : `clinic ${booking.clinicId} is not one of the clinics your login works for; ask that clinic's reception`;
    case 'client':
      return sameId(caller.clientId, booking.clientId)
        ? undefined
        : 'clients may only book, move and cancel their own appointments';
    case 'therapist':
      return sameId(caller.therapistId, booking.therapistId)
        ? undefined
        : 'therapists may only complete or mark no-shows for their own appointments';
    case 'integrator':
      return canActForClinic(caller, booking.clinicId)
        ? undefined
        : `clinic ${booking.clinicId} is not in your integration's grant`;
    case 'head_office_admin':
    case 'clinical_lead':
      return undefined;
    default: {
      const unreachable: never = caller.role;
      return `unknown role ${String(unreachable)}`;
    }
  }
}

/** UUIDs compare in any letter case (tokens carry them lower-cased, inputs may not). */
function sameId(own: string | undefined, other: string): boolean {
  return own !== undefined && own.toLowerCase() === other.toLowerCase();
}

function isClientCommand(command: BookingCommand): boolean {
  return (
    command === 'hold' || command === 'confirm' || command === 'reschedule' || command === 'cancel'
  );
}

function commandWords(command: BookingCommand): string {
  switch (command) {
    case 'hold':
      return 'book appointments';
    case 'confirm':
      return 'confirm appointments';
    case 'reschedule':
      return 'move appointments';
    case 'cancel':
      return 'cancel appointments';
    case 'check_in':
      return 'check clients in';
    case 'complete':
      return 'complete appointments';
    case 'no_show':
      return 'mark no-shows';
    default: {
      const unreachable: never = command;
      return String(unreachable);
    }
  }
}

/** Who cancels, as the booking records it. */
export function cancelledByOf(caller: Caller): 'client' | 'clinic' {
  return caller.role === 'client' ? 'client' : 'clinic';
}
