import type { Role } from '@app/auth';

export interface OverrideCaller {
  readonly role: Role;
  /** The caller's profession as the roster last said (therapists only). */
  readonly profession: string | undefined;
  /** True when the caller is a therapist booked to treat, or who has treated, the client. */
  readonly treatsClient: boolean;
}

export type OverrideDecision =
  { readonly allowed: true } | { readonly allowed: false; readonly reason: string };

/**
 * Only a clinician qualified to judge a red flag may override a screening's outcome: a
 * clinical lead, or a physiotherapist treating the client. Sports and stretch therapists,
 * clinic managers, reception, head office admins and integrators may not.
 */
export function decideOverride(caller: OverrideCaller): OverrideDecision {
  if (caller.role === 'clinical_lead') {
    return { allowed: true };
  }
  if (caller.role !== 'therapist') {
    return {
      allowed: false,
      reason: `only a physiotherapist treating the client or a clinical lead may override eligibility; your role is ${caller.role}`,
    };
  }
  if (caller.profession !== 'physiotherapist') {
    return {
      allowed: false,
      reason: `only a physiotherapist (or a clinical lead) may override eligibility; the roster lists you as ${caller.profession ?? 'an unknown profession'}. Ask a physiotherapist or the clinical lead`,
    };
  }
  if (!caller.treatsClient) {
    return {
      allowed: false,
      reason:
        'you do not treat this client; only their treating physiotherapist or a clinical lead may override',
    };
  }
  return { allowed: true };
}
