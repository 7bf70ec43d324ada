import type { TherapistStatus } from '../../therapists/domain/therapist-status';

/** What schedules needs to know about a therapist: no contact details. */
export interface TherapistSummary {
  readonly id: string;
  readonly displayName: string;
  readonly status: TherapistStatus;
  /** Clinics the therapist works at. */
  readonly clinicIds: readonly string[];
  /** The day they left the network (status `left`); null while they work in it. */
  readonly leftOn: string | null;
}

/**
 * The therapists context as schedules sees it. Implemented by an adapter over
 * TherapistsService; throws the therapists context's not-found / invalid-id errors.
 */
export interface TherapistDirectoryPort {
  requireTherapist(therapistId: string): Promise<TherapistSummary>;
}

export const THERAPIST_DIRECTORY = Symbol('THERAPIST_DIRECTORY');
