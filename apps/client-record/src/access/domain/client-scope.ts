/** How a booking links a client to a therapist (see CareRelationshipEntity). */
export type CareRelationshipStatus = 'booked' | 'treated' | 'released';

/** What access decisions need to know about one client. */
export interface ClientScope {
  readonly clientId: string;
  /** The clinics the client attends. */
  readonly clinicIds: readonly string[];
  /** Therapists booked to treat the client (an active booking) or who have treated them. */
  readonly careTherapistIds: readonly string[];
  /** Set once an erasure request removed the personal details. */
  readonly erasedAt: Date | null;
}
