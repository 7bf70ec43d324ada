/** The kinds of record an audit row can be about. */
export const AUDIT_RECORD_TYPES = [
  'client',
  'consent',
  'screening',
  'eligibility',
  'care_plan',
  'session_record',
  'outcome',
  'adverse_event',
  'subject_access_export',
  'erasure',
  'audit_trail',
] as const;
export type AuditRecordType = (typeof AUDIT_RECORD_TYPES)[number];

/** What was done. */
export const AUDIT_ACTIONS = [
  'read',
  'search',
  'create',
  'amend',
  'override',
  'export',
  'erase',
  'purge',
  'follow_up',
  'review',
  /** A clinic starts attending a client already registered elsewhere (attendClinic). */
  'link',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Who acted: a person's or integrator's login, or the service itself (a scheduled job). */
export interface AuditActor {
  readonly subject: string;
  readonly role: string;
  readonly therapistId?: string;
}

export const SYSTEM_AUDIT_ACTOR: AuditActor = { subject: 'system:client-record', role: 'system' };

/** One audited read or write, as the service records it. */
export interface AuditRecord {
  readonly clientId: string | null;
  readonly clinicId?: string | null;
  readonly recordType: AuditRecordType;
  readonly recordId?: string | null;
  readonly action: AuditAction;
}

/** An audit row as head office reads it. */
export interface AuditEntry extends Required<AuditRecord> {
  readonly id: string;
  readonly occurredAt: Date;
  readonly actorSubject: string;
  readonly actorRole: string;
  readonly actorTherapistId: string | null;
  readonly correlationId: string;
}
