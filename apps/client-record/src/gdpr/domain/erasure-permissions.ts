import type { Caller } from '@app/auth';

/** Who may ask for an erasure (on top of `decideClientAccess(..., 'erase')`). */
export const ERASURE_REQUESTER_ROLES = ['client', 'head_office_admin', 'clinic_manager'] as const;

/**
 * An erasure is a data-protection decision, not a clinical one: the client themself, head
 * office administration, or the manager of a clinic the client attends (the clinic
 * check is decideClientAccess's). A clinical lead sees everything but does not erase.
 * Returns the reason for a denial, or undefined when the role may ask.
 */
export function erasureDenialFor(caller: Caller): string | undefined {
  return (ERASURE_REQUESTER_ROLES as readonly string[]).includes(caller.role)
    ? undefined
    : `an erasure may be requested by the client, head office administration or the client's clinic manager; your login has the role ${caller.role}`;
}
