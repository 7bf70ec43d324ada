import { Caller, canActForClinic, hasScope } from '@app/auth';
import type { ClientScope } from './client-scope';

/**
 * What a caller wants to do with one client's record:
 * - `profile:*`: demographics (name, date of birth, contact, address, GP, emergency contact)
 * - `consent:*`: the consent ledger
 * - `eligibility:read`: the screening outcome's status only (cleared, GP clearance, ...)
 * - `clinical:*`: screening detail, care plans, session records, outcomes, adverse events
 * - `export`: a subject access export; `erase`: an erasure request
 */
export type ClientPurpose =
  | 'profile:read'
  | 'profile:write'
  | 'consent:read'
  | 'consent:write'
  | 'eligibility:read'
  | 'clinical:read'
  | 'clinical:write'
  | 'export'
  | 'erase';

/** The scope an integrator needs to read client ids and eligibility status. */
export const CLIENTS_READ_SCOPE = 'clients:read';

export type AccessDecision =
  { readonly allowed: true } | { readonly allowed: false; readonly reason: string };

const ALLOW: AccessDecision = { allowed: true };

function deny(reason: string): AccessDecision {
  return { allowed: false, reason };
}

const RECEPTION_PURPOSES: readonly ClientPurpose[] = [
  'profile:read',
  'profile:write',
  'consent:read',
  'consent:write',
  'eligibility:read',
];

const TREATING_THERAPIST_PURPOSES: readonly ClientPurpose[] = [
  'profile:read',
  'consent:read',
  'eligibility:read',
  'clinical:read',
  'clinical:write',
];

const OWN_RECORD_PURPOSES: readonly ClientPurpose[] = [
  'profile:read',
  'profile:write',
  'consent:read',
  'consent:write',
  'eligibility:read',
  'clinical:read',
  'export',
  'erase',
];

function attendsCallersClinic(caller: Caller, scope: ClientScope): boolean {
  return scope.clinicIds.some((clinicId) => canActForClinic(caller, clinicId));
}

/**
 * Who may do what with a client's record (issue 4's table). Head office (admin and
 * clinical lead) may do everything, audited like everyone else; a clinic manager
 * everything for clients of their clinics; a receptionist demographics, consent and
 * eligibility status of their clinics' clients, never clinical data; a therapist the
 * clinical record of clients they are booked to treat or have treated; a client their own
 * record, export and erasure; an integrator with `clients:read` eligibility status of
 * clients of its clinics.
 */
export function decideClientAccess(
  caller: Caller,
  scope: ClientScope,
  purpose: ClientPurpose,
): AccessDecision {
  switch (caller.role) {
    case 'head_office_admin':
    case 'clinical_lead':
      return ALLOW;
    case 'clinic_manager':
      return attendsCallersClinic(caller, scope)
        ? ALLOW
        : deny(`client ${scope.clientId} does not attend a clinic your login manages`);
    case 'receptionist':
      if (!attendsCallersClinic(caller, scope)) {
        return deny(`client ${scope.clientId} does not attend a clinic your login works at`);
      }
      return RECEPTION_PURPOSES.includes(purpose)
        ? ALLOW
        : deny(
            `reception may see demographics, consent and eligibility status only, not ${purpose}; ask the treating therapist or the clinic manager`,
          );
    case 'therapist':
      if (
        caller.therapistId === undefined ||
        !scope.careTherapistIds.includes(caller.therapistId)
      ) {
        return deny(
          `you have not treated client ${scope.clientId} and are not booked to; therapists see only their own clients' records`,
        );
      }
      return TREATING_THERAPIST_PURPOSES.includes(purpose)
        ? ALLOW
        : deny(`a treating therapist may not ${purpose} a client's record; ask the clinic manager`);
    case 'client':
      if (caller.clientId !== scope.clientId) {
        return deny('you may see only your own record');
      }
      return OWN_RECORD_PURPOSES.includes(purpose)
        ? ALLOW
        : deny(
            `clients may not ${purpose} their record; clinical entries are written by the clinic`,
          );
    case 'integrator':
      if (!hasScope(caller, CLIENTS_READ_SCOPE)) {
        return deny(`integrators need the scope ${CLIENTS_READ_SCOPE} to read clients`);
      }
      if (!attendsCallersClinic(caller, scope)) {
        return deny(`client ${scope.clientId} does not attend a clinic in your grant`);
      }
      return purpose === 'eligibility:read'
        ? ALLOW
        : deny('integrators may read client ids and eligibility status only');
    default: {
      const unreachable: never = caller.role;
      throw new Error(`unknown role ${String(unreachable)}`);
    }
  }
}

/** Which clients a caller may list or search (before per-client checks). */
export type ClientListScope =
  | { readonly kind: 'all' }
  | { readonly kind: 'clinics'; readonly clinicIds: readonly string[] }
  | { readonly kind: 'therapist'; readonly therapistId: string }
  | { readonly kind: 'self'; readonly clientId: string }
  | { readonly kind: 'none'; readonly reason: string };

export function clientListScope(caller: Caller): ClientListScope {
  switch (caller.role) {
    case 'head_office_admin':
    case 'clinical_lead':
      return { kind: 'all' };
    case 'clinic_manager':
    case 'receptionist':
      return { kind: 'clinics', clinicIds: caller.clinicIds };
    case 'integrator':
      return hasScope(caller, CLIENTS_READ_SCOPE)
        ? { kind: 'clinics', clinicIds: caller.clinicIds }
        : { kind: 'none', reason: `integrators need the scope ${CLIENTS_READ_SCOPE}` };
    case 'therapist':
      return caller.therapistId === undefined
        ? { kind: 'none', reason: 'a therapist token must carry therapist_id' }
        : { kind: 'therapist', therapistId: caller.therapistId };
    case 'client':
      return caller.clientId === undefined
        ? { kind: 'none', reason: 'a client token must carry client_id' }
        : { kind: 'self', clientId: caller.clientId };
    default: {
      const unreachable: never = caller.role;
      throw new Error(`unknown role ${String(unreachable)}`);
    }
  }
}
