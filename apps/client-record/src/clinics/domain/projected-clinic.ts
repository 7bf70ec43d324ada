/** What client-record knows of a clinic, built only from roster events. */
export interface ProjectedClinic {
  readonly id: string;
  readonly code: string;
  readonly name: string;
  readonly timezone: string;
  /** Roster's status: opening, active, suspended or closed. */
  readonly status: string;
  /** When roster published the state held (older events change nothing). */
  readonly asOf: Date;
}

export type RegistrationRefusal = 'not_found' | 'closed';

/**
 * Whether clients may be registered at (or added to) the clinic: not when client-record has
 * never heard of it, nor when it is closed. An opening clinic takes registrations ahead of
 * its first day; a suspended one keeps its clients and may take new ones.
 */
export function registrationRefusal(
  clinic: Pick<ProjectedClinic, 'status'> | undefined,
): RegistrationRefusal | undefined {
  if (clinic === undefined) {
    return 'not_found';
  }
  return clinic.status === 'closed' ? 'closed' : undefined;
}
