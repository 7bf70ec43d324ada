import { Injectable } from '@nestjs/common';
import type { Tx } from '@app/database';
import type { CalendarDate } from './domain/calendar-date';
import type { RetentionRule } from './domain/retention';

export interface ErasureRequestRow {
  readonly id: string;
  readonly clientId: string;
  readonly requestedAt: Date;
  readonly requestedBySubject: string;
  readonly requestedByRole: string;
  readonly reason: string | null;
  readonly lastTreatmentOn: CalendarDate | null;
  readonly retentionRule: RetentionRule;
  readonly retentionUntil: CalendarDate;
  readonly purgedAt: Date | null;
}

/** One row of the audit trail about a client, as the subject access export shows it. */
export interface SubjectAuditRow {
  readonly occurredAt: string;
  readonly actorSubject: string;
  readonly actorRole: string;
  readonly actorTherapistId: string | null;
  readonly clinicId: string | null;
  readonly recordType: string;
  readonly recordId: string | null;
  readonly action: string;
  readonly correlationId: string;
}

export interface CareRelationshipExport {
  readonly bookingId: string;
  readonly therapistId: string;
  readonly clinicId: string;
  readonly status: string;
  readonly startsAt: string;
}

const PURGE_JOB_LOCK = 'client-record:retention-purge-job';

/**
 * The UK clinical records are kept in the clinic's local day; every clinic of the network
 * is in the UK, so a treatment's day is its date in Europe/London.
 */
const TREATMENT_DAY_ZONE = 'Europe/London';

interface ErasureRequestSqlRow {
  id: string;
  client_id: string;
  requested_at: Date;
  requested_by_subject: string;
  requested_by_role: string;
  reason: string | null;
  last_treatment_on: string | null;
  retention_rule: RetentionRule;
  retention_until: string;
  purged_at: Date | null;
}

const ERASURE_REQUEST_COLUMNS = `id, client_id, requested_at, requested_by_subject, requested_by_role, reason,
  last_treatment_on::text AS last_treatment_on, retention_rule,
  retention_until::text AS retention_until, purged_at`;

function toErasureRequest(row: ErasureRequestSqlRow): ErasureRequestRow {
  return {
    id: row.id,
    clientId: row.client_id,
    requestedAt: row.requested_at,
    requestedBySubject: row.requested_by_subject,
    requestedByRole: row.requested_by_role,
    reason: row.reason,
    lastTreatmentOn: row.last_treatment_on,
    retentionRule: row.retention_rule,
    retentionUntil: row.retention_until,
    purgedAt: row.purged_at,
  };
}

/**
 * Erasure requests, and what the gdpr context reads and changes in the core tables
 * (client, client_clinic, care_relationship, audit_log). The other contexts' tables are
 * reached only through their SubjectDataSections.
 */
@Injectable()
export class GdprRepository {
  /** Locks the client row for an erasure, so two requests for one client queue up. */
  async lockClientForErasure(tx: Tx, clientId: string): Promise<void> {
    await tx.query('SELECT id FROM client WHERE id = $1 FOR UPDATE', [clientId]);
  }

  async dateOfBirthOf(tx: Tx, clientId: string): Promise<CalendarDate | null> {
    const rows = await tx.query<{ date_of_birth: string | null }[]>(
      'SELECT date_of_birth::text AS date_of_birth FROM client WHERE id = $1',
      [clientId],
    );
    return rows[0]?.date_of_birth ?? null;
  }

  /** The last day a booking of the client was completed (the care relationship is `treated`). */
  async lastTreatedBookingDay(tx: Tx, clientId: string): Promise<CalendarDate | null> {
    const rows = await tx.query<{ day: string | null }[]>(
      `SELECT max((starts_at AT TIME ZONE $2)::date)::text AS day FROM care_relationship
        WHERE client_id = $1 AND status = 'treated'`,
      [clientId, TREATMENT_DAY_ZONE],
    );
    return rows[0]?.day ?? null;
  }

  async careRelationshipsOf(tx: Tx, clientId: string): Promise<CareRelationshipExport[]> {
    const rows = await tx.query<
      {
        booking_id: string;
        therapist_id: string;
        clinic_id: string;
        status: string;
        starts_at: Date;
      }[]
    >(
      `SELECT booking_id, therapist_id, clinic_id, status, starts_at FROM care_relationship
        WHERE client_id = $1 ORDER BY starts_at, booking_id`,
      [clientId],
    );
    return rows.map((row) => ({
      bookingId: row.booking_id,
      therapistId: row.therapist_id,
      clinicId: row.clinic_id,
      status: row.status,
      startsAt: row.starts_at.toISOString(),
    }));
  }

  /** Every audit row about the client, oldest first: who read or changed their record. */
  async auditTrailOf(tx: Tx, clientId: string): Promise<SubjectAuditRow[]> {
    const rows = await tx.query<
      {
        occurred_at: Date;
        actor_subject: string;
        actor_role: string;
        actor_therapist_id: string | null;
        clinic_id: string | null;
        record_type: string;
        record_id: string | null;
        action: string;
        correlation_id: string;
      }[]
    >(
      `SELECT occurred_at, actor_subject, actor_role, actor_therapist_id, clinic_id, record_type,
              record_id, action, correlation_id
         FROM audit_log WHERE client_id = $1 ORDER BY occurred_at, id`,
      [clientId],
    );
    return rows.map((row) => ({
      occurredAt: row.occurred_at.toISOString(),
      actorSubject: row.actor_subject,
      actorRole: row.actor_role,
      actorTherapistId: row.actor_therapist_id,
      clinicId: row.clinic_id,
      recordType: row.record_type,
      recordId: row.record_id,
      action: row.action,
      correlationId: row.correlation_id,
    }));
  }

  /**
   * Removes the personal details the core client table holds and marks the client erased.
   * The date of birth stays until the purge (the retention rules for children need it).
   */
  async eraseClientDetails(tx: Tx, clientId: string, erasedAt: Date): Promise<void> {
    await tx.query(
      `UPDATE client SET given_name = NULL, family_name = NULL, email = NULL, phone = NULL,
              address = NULL, gp_practice = NULL, emergency_contact = NULL,
              identity_subject = NULL, erased_at = $2, updated_at = $2, version = version + 1
        WHERE id = $1`,
      [clientId, erasedAt],
    );
  }

  async findErasureRequest(tx: Tx, clientId: string): Promise<ErasureRequestRow | undefined> {
    const rows = await tx.query<ErasureRequestSqlRow[]>(
      `SELECT ${ERASURE_REQUEST_COLUMNS} FROM erasure_request WHERE client_id = $1`,
      [clientId],
    );
    return rows[0] === undefined ? undefined : toErasureRequest(rows[0]);
  }

  async insertErasureRequest(tx: Tx, row: ErasureRequestRow): Promise<void> {
    await tx.query(
      `INSERT INTO erasure_request (id, client_id, requested_at, requested_by_subject,
              requested_by_role, reason, last_treatment_on, retention_rule, retention_until, purged_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        row.id,
        row.clientId,
        row.requestedAt,
        row.requestedBySubject,
        row.requestedByRole,
        row.reason,
        row.lastTreatmentOn,
        row.retentionRule,
        row.retentionUntil,
        row.purgedAt,
      ],
    );
  }

  /** True when this transaction now holds the purge job's lock (until it ends). */
  async tryLockPurgeJob(tx: Tx): Promise<boolean> {
    const rows = await tx.query<{ locked: boolean }[]>(
      'SELECT pg_try_advisory_xact_lock(hashtextextended($1, 0)) AS locked',
      [PURGE_JOB_LOCK],
    );
    return rows[0]?.locked === true;
  }

  /** Erasure requests whose retention ended on or before `today` and not yet purged. */
  async findDuePurges(tx: Tx, today: CalendarDate): Promise<ErasureRequestRow[]> {
    const rows = await tx.query<ErasureRequestSqlRow[]>(
      `SELECT ${ERASURE_REQUEST_COLUMNS} FROM erasure_request
        WHERE purged_at IS NULL AND retention_until <= $1::date
        ORDER BY retention_until, client_id`,
      [today],
    );
    return rows.map(toErasureRequest);
  }

  /** Locks a request still waiting for its purge; undefined when it was purged meanwhile. */
  async claimForPurge(tx: Tx, requestId: string): Promise<ErasureRequestRow | undefined> {
    const rows = await tx.query<ErasureRequestSqlRow[]>(
      `SELECT ${ERASURE_REQUEST_COLUMNS} FROM erasure_request
        WHERE id = $1 AND purged_at IS NULL FOR UPDATE`,
      [requestId],
    );
    return rows[0] === undefined ? undefined : toErasureRequest(rows[0]);
  }

  async clinicIdsOf(tx: Tx, clientId: string): Promise<string[]> {
    const rows = await tx.query<{ clinic_id: string }[]>(
      'SELECT clinic_id FROM client_clinic WHERE client_id = $1 ORDER BY since, clinic_id',
      [clientId],
    );
    return rows.map((row) => row.clinic_id);
  }

  /** Deletes the client row with its clinics and care relationships (audit rows stay). */
  async deleteClient(tx: Tx, clientId: string): Promise<void> {
    await tx.query('DELETE FROM care_relationship WHERE client_id = $1', [clientId]);
    await tx.query('DELETE FROM client_clinic WHERE client_id = $1', [clientId]);
    await tx.query('DELETE FROM client WHERE id = $1', [clientId]);
  }

  async markPurged(tx: Tx, requestId: string, purgedAt: Date): Promise<void> {
    await tx.query('UPDATE erasure_request SET purged_at = $2, reason = NULL WHERE id = $1', [
      requestId,
      purgedAt,
    ]);
  }
}
