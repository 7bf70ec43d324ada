/**
 * Every role a caller can hold. One role per token: a person with two jobs gets two logins.
 *
 * - `head_office_admin`: runs the network; sees and changes every clinic.
 * - `clinical_lead`: head-office clinical governance; sees every clinic.
 * - `clinic_manager`, `receptionist`: run the clinic(s) named in the token's `clinic_ids`.
 * - `therapist`: works at the clinic(s) in `clinic_ids`; sees their own diary and their own
 *   clients' records (the token carries `therapist_id`).
 * - `client`: a patient; sees their own bookings and data (the token carries `client_id`).
 * - `integrator`: an outside system; limited to the clinics in `clinic_ids` and the
 *   `scope`s it was granted.
 */
export const ROLES = [
  'head_office_admin',
  'clinical_lead',
  'clinic_manager',
  'receptionist',
  'therapist',
  'client',
  'integrator',
] as const;

export type Role = (typeof ROLES)[number];

/** Roles that read across the whole network, whatever `clinic_ids` says. */
export const HEAD_OFFICE_ROLES: readonly Role[] = ['head_office_admin', 'clinical_lead'];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/**
 * True for head office (`head_office_admin`, `clinical_lead`): these callers see every
 * clinic. Whether a head-office role may also *change* something is each use case's rule
 * (e.g. only `head_office_admin` edits the treatment catalogue); this answers "reads".
 */
export function isHeadOffice(role: Role): boolean {
  return HEAD_OFFICE_ROLES.includes(role);
}

/** What a token of a given role must carry besides `sub` and `role`. */
export interface RoleRequirements {
  /** At least one clinic id in `clinic_ids`. */
  readonly clinicIds: boolean;
  /** At least one scope in `scope`. */
  readonly scopes: boolean;
  /** A `therapist_id` claim: the therapist this login acts as. */
  readonly therapistId: boolean;
  /** A `client_id` claim: the client (patient) this login acts as. */
  readonly clientId: boolean;
}

export function roleRequirements(role: Role): RoleRequirements {
  const none = { clinicIds: false, scopes: false, therapistId: false, clientId: false };
  switch (role) {
    case 'head_office_admin':
    case 'clinical_lead':
      return none;
    case 'clinic_manager':
    case 'receptionist':
      return { ...none, clinicIds: true };
    case 'therapist':
      return { ...none, clinicIds: true, therapistId: true };
    case 'client':
      return { ...none, clientId: true };
    case 'integrator':
      return { ...none, clinicIds: true, scopes: true };
    default: {
      const unreachable: never = role;
      throw new Error(`unknown role ${String(unreachable)}`);
    }
  }
}
