import { Injectable } from '@nestjs/common';
import type { Tx } from '@app/database';
import type { AuditActor, AuditRecord } from './domain/audit-entry';

/** The only code that touches audit_log. Insert and read: the database refuses the rest. */
@Injectable()
export class AuditRepository {
  async insert(
    tx: Tx,
    actor: AuditActor,
    correlationId: string,
    records: readonly AuditRecord[],
  ): Promise<void> {
    for (const record of records) {
      await tx.query(
        `INSERT INTO audit_log (actor_subject, actor_role, actor_therapist_id, clinic_id, client_id,
                                record_type, record_id, action, correlation_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [
          actor.subject,
          actor.role,
          actor.therapistId ?? null,
          record.clinicId ?? null,
          record.clientId,
          record.recordType,
          record.recordId ?? null,
          record.action,
          correlationId,
        ],
      );
    }
  }
}
