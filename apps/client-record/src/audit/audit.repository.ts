import { Injectable } from '@nestjs/common';
import type { Tx } from '@app/database';
import type { AuditActor, AuditEntry, AuditRecord } from './domain/audit-entry';
import type { AuditTrailFilter } from './domain/audit-trail-filter';

interface AuditRow {
  id: string;
  occurred_at: Date;
  actor_subject: string;
  actor_role: string;
  actor_therapist_id: string | null;
  clinic_id: string | null;
  client_id: string | null;
  record_type: AuditEntry['recordType'];
  record_id: string | null;
  action: AuditEntry['action'];
  correlation_id: string;
}

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

  /**
   * Audit rows matching `filter`, newest first (by id: the order rows were written), at most
   * `limit`, strictly before the row `beforeId` when given.
   */
  async list(
    tx: Tx,
    filter: AuditTrailFilter,
    limit: number,
    beforeId: string | undefined,
  ): Promise<AuditEntry[]> {
    const conditions: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown): void => {
      params.push(value);
      conditions.push(sql.replace('?', `$${params.length}`));
    };
    if (filter.clientId !== undefined) {
      add('client_id = ?', filter.clientId);
    }
    if (filter.clinicId !== undefined) {
      add('clinic_id = ?', filter.clinicId);
    }
    if (filter.actorSubject !== undefined) {
      add('actor_subject = ?', filter.actorSubject);
    }
    if (filter.recordType !== undefined) {
      add('record_type = ?', filter.recordType);
    }
    if (filter.action !== undefined) {
      add('action = ?', filter.action);
    }
    if (filter.from !== undefined) {
      add('occurred_at >= ?', filter.from);
    }
    if (filter.to !== undefined) {
      add('occurred_at < ?', filter.to);
    }
    if (beforeId !== undefined) {
      add('id < ?::bigint', beforeId);
    }
    params.push(limit);
    const rows = await tx.query<AuditRow[]>(
      `SELECT id::text AS id, occurred_at, actor_subject, actor_role, actor_therapist_id, clinic_id,
              client_id, record_type, record_id, action, correlation_id
         FROM audit_log
        ${conditions.length === 0 ? '' : `WHERE ${conditions.join(' AND ')}`}
        ORDER BY audit_log.id DESC
        LIMIT $${params.length}`,
      params,
    );
    return rows.map((row) => ({
      id: row.id,
      occurredAt: row.occurred_at,
      actorSubject: row.actor_subject,
      actorRole: row.actor_role,
      actorTherapistId: row.actor_therapist_id,
      clinicId: row.clinic_id,
      clientId: row.client_id,
      recordType: row.record_type,
      recordId: row.record_id,
      action: row.action,
      correlationId: row.correlation_id,
    }));
  }
}
