import type { Caller } from './caller';
import { isHeadOffice } from './roles';

/** Which clinics a query may touch: every one (head office) or the listed ones. */
export type ClinicScope =
  { readonly all: true } | { readonly all: false; readonly clinicIds: readonly string[] };

/**
 * The clinic filter every service applies to reads: head office sees all clinics, everyone
 * else only the clinics in their token. A caller with no clinics gets an empty list, which
 * must match nothing (never "no filter").
 */
export function clinicScope(caller: Caller): ClinicScope {
  if (isHeadOffice(caller.role)) {
    return { all: true };
  }
  return { all: false, clinicIds: caller.clinicIds };
}

/** True when the caller may act for `clinicId` (head office may act for every clinic). */
export function canActForClinic(caller: Caller, clinicId: string): boolean {
  const scope = clinicScope(caller);
  return scope.all || scope.clinicIds.includes(clinicId.toLowerCase());
}

/** True when the caller's token grants `scope` (e.g. an integrator's `events:read`). */
export function hasScope(caller: Caller, scope: string): boolean {
  return caller.scopes.includes(scope);
}
