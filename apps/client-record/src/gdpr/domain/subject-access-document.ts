/** The format tag of a subject access export, bumped if its shape ever changes. */
export const SUBJECT_ACCESS_FORMAT = 'client-record.subject-access.v1';

/** Everything client-record holds on one client, as the subject access export returns it. */
export interface SubjectAccessDocument {
  readonly format: typeof SUBJECT_ACCESS_FORMAT;
  readonly exportId: string;
  readonly clientId: string;
  readonly generatedAt: string;
  /** Who asked for the export (the client, head office or their clinic's manager). */
  readonly generatedFor: { readonly subject: string; readonly role: string };
  /** The names of the sections under `data`, in the order they were registered. */
  readonly sections: readonly string[];
  /** Each context's part (profile, consents, screenings, care plans, session records, ...). */
  readonly data: Readonly<Record<string, unknown>>;
  /** The bookings that link the client to a therapist (booked, treated or released). */
  readonly careRelationships: readonly unknown[];
  /** The erasure request, if the client asked for one. */
  readonly erasure: {
    readonly requestedAt: string;
    readonly retentionUntil: string;
    readonly purgedAt: string | null;
  } | null;
  /** Who read or changed the record, when and how: the data subject is entitled to know. */
  readonly auditTrail: readonly unknown[];
}
