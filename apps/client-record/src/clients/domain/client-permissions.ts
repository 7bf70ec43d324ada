import { Caller, canActForClinic } from '@app/auth';

export type Permission =
  { readonly allowed: true } | { readonly allowed: false; readonly reason: string };

const ALLOW: Permission = { allowed: true };

function deny(reason: string): Permission {
  return { allowed: false, reason };
}

/**
 * Who may register a client at `clinicId`: head office administration, the clinic's
 * manager or receptionist, or the client themself (self-registration online, with the
 * client id the identity provider minted at sign-up).
 */
export function mayRegisterAt(caller: Caller, clinicId: string): Permission {
  switch (caller.role) {
    case 'head_office_admin':
      return ALLOW;
    case 'clinic_manager':
    case 'receptionist':
      return canActForClinic(caller, clinicId)
        ? ALLOW
        : deny(
            `your login does not work at clinic ${clinicId}; register the client at your own clinic`,
          );
    case 'client':
      return caller.clientId === undefined
        ? deny('a client token must carry client_id; sign up again through the clinic website')
        : ALLOW;
    case 'clinical_lead':
    case 'therapist':
    case 'integrator':
      return deny(
        `a ${caller.role} may not register clients; ask the clinic's reception or manager`,
      );
    default: {
      const unreachable: never = caller.role;
      throw new Error(`unknown role ${String(unreachable)}`);
    }
  }
}

/**
 * Who may record that an existing client also attends `clinicId`: head office
 * administration, that clinic's manager or receptionist (e.g. after registration reported
 * a likely duplicate at another clinic), or the client themself.
 */
export function mayAddClinic(caller: Caller, clientId: string, clinicId: string): Permission {
  switch (caller.role) {
    case 'head_office_admin':
      return ALLOW;
    case 'clinic_manager':
    case 'receptionist':
      return canActForClinic(caller, clinicId)
        ? ALLOW
        : deny(
            `your login does not work at clinic ${clinicId}; only its own staff add clients to it`,
          );
    case 'client':
      return caller.clientId === clientId ? ALLOW : deny('you may change only your own record');
    case 'clinical_lead':
    case 'therapist':
    case 'integrator':
      return deny(`a ${caller.role} may not add clinics to a client; ask the clinic's reception`);
    default: {
      const unreachable: never = caller.role;
      throw new Error(`unknown role ${String(unreachable)}`);
    }
  }
}

/**
 * How much of a client a caller sees once allowed to see the client at all: integrators
 * get the id only (their grant is ids and eligibility status); everyone else the profile.
 */
export type ClientView = 'profile' | 'id_only';

export function clientViewFor(caller: Caller): ClientView {
  return caller.role === 'integrator' ? 'id_only' : 'profile';
}
