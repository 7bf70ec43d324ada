import { Caller, isHeadOffice } from '@app/auth';
import type { AuditEntry, AuditRecord } from './audit-entry';

/** Only head office (admin and clinical lead) reads the audit trail. */
export function mayReadAuditTrail(caller: Caller): boolean {
  return isHeadOffice(caller.role);
}

/**
 * Reading the audit trail about a client is itself audited: one row for the client the
 * filter names, or else one per client whose rows the page showed.
 */
export function auditTrailReads(
  filter: { readonly clientId?: string; readonly clinicId?: string },
  page: readonly Pick<AuditEntry, 'clientId'>[],
): AuditRecord[] {
  const clientIds =
    filter.clientId !== undefined
      ? [filter.clientId]
      : [
          ...new Set(
            page
              .map((entry) => entry.clientId)
              .filter((clientId): clientId is string => clientId !== null),
          ),
        ];
  return clientIds.map((clientId) => ({
    clientId,
    clinicId: filter.clinicId ?? null,
    recordType: 'audit_trail',
    recordId: null,
    action: 'read',
  }));
}
