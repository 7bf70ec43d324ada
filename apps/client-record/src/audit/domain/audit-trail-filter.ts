import type { AuditAction, AuditRecordType } from './audit-entry';

/** What head office narrows the audit trail by; every field optional. `to` is exclusive. */
export interface AuditTrailFilter {
  readonly clientId?: string;
  readonly clinicId?: string;
  readonly actorSubject?: string;
  readonly recordType?: AuditRecordType;
  readonly action?: AuditAction;
  readonly from?: Date;
  readonly to?: Date;
}
