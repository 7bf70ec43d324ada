import { Injectable } from '@nestjs/common';
import type { Tx } from '@app/database';
import type { ConsentChannel, ConsentEntry, ConsentKind, ConsentMethod } from './domain/consent';

interface ConsentSqlRow {
  id: string;
  client_id: string;
  kind: ConsentKind;
  channel: ConsentChannel | null;
  granted: boolean;
  form_version_id: string | null;
  method: ConsentMethod;
  effective_at: Date;
  recorded_at: Date;
  recorded_by_subject: string;
  recorded_by_role: string;
}

const COLUMNS = `id, client_id, kind, channel, granted, form_version_id, method, effective_at,
  recorded_at, recorded_by_subject, recorded_by_role`;

/** The consent ledger: insert and read only (the app role cannot update it). */
@Injectable()
export class ConsentRepository {
  /** Serialises consent changes of one client (so "unchanged" and "not granted" hold). */
  async lockClientLedger(tx: Tx, clientId: string): Promise<void> {
    await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [
      `consent-ledger:${clientId}`,
    ]);
  }

  async insert(tx: Tx, entry: ConsentEntry): Promise<void> {
    await tx.query(
      `INSERT INTO consent_entry (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        entry.id,
        entry.clientId,
        entry.kind,
        entry.channel,
        entry.granted,
        entry.formVersionId,
        entry.method,
        entry.effectiveAt,
        entry.recordedAt,
        entry.recordedBySubject,
        entry.recordedByRole,
      ],
    );
  }

  /** Every entry of the client, newest first. */
  async history(tx: Tx, clientId: string): Promise<ConsentEntry[]> {
    const rows = await tx.query<ConsentSqlRow[]>(
      `SELECT ${COLUMNS} FROM consent_entry WHERE client_id = $1 ORDER BY seq DESC`,
      [clientId],
    );
    return rows.map(toEntry);
  }

  /** The newest entry of one kind and channel, if any. */
  async current(
    tx: Tx,
    clientId: string,
    kind: ConsentKind,
    channel: ConsentChannel | null,
  ): Promise<ConsentEntry | undefined> {
    const rows = await tx.query<ConsentSqlRow[]>(
      `SELECT ${COLUMNS} FROM consent_entry
        WHERE client_id = $1 AND kind = $2 AND channel IS NOT DISTINCT FROM $3
        ORDER BY seq DESC LIMIT 1`,
      [clientId, kind, channel],
    );
    return rows[0] === undefined ? undefined : toEntry(rows[0]);
  }

  async deleteByClient(tx: Tx, clientId: string): Promise<void> {
    await tx.query('DELETE FROM consent_entry WHERE client_id = $1', [clientId]);
  }
}

function toEntry(row: ConsentSqlRow): ConsentEntry {
  return {
    id: row.id,
    clientId: row.client_id,
    kind: row.kind,
    channel: row.channel,
    granted: row.granted,
    formVersionId: row.form_version_id,
    method: row.method,
    effectiveAt: row.effective_at,
    recordedAt: row.recorded_at,
    recordedBySubject: row.recorded_by_subject,
    recordedByRole: row.recorded_by_role,
  };
}
