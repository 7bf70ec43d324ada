import { Injectable } from '@nestjs/common';
import type { Tx } from '@app/database';
import type { ProjectedClinic } from './domain/projected-clinic';

interface ClinicSqlRow {
  id: string;
  code: string;
  name: string;
  timezone: string;
  status: string;
  as_of: Date;
}

@Injectable()
export class ClinicsRepository {
  /**
   * Keeps the newest full state per clinic: an event older than what is held (by
   * occurredAt) changes nothing, so a late redelivery cannot roll a clinic back.
   */
  async upsert(tx: Tx, clinic: ProjectedClinic, eventId: string): Promise<void> {
    await tx.query(
      `INSERT INTO clinic_projection (id, code, name, timezone, status, as_of, last_event_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (id) DO UPDATE
         SET code = excluded.code, name = excluded.name, timezone = excluded.timezone,
             status = excluded.status, as_of = excluded.as_of, last_event_id = excluded.last_event_id
         WHERE clinic_projection.as_of <= excluded.as_of`,
      [clinic.id, clinic.code, clinic.name, clinic.timezone, clinic.status, clinic.asOf, eventId],
    );
  }

  /** A status change of a clinic already held; false when the clinic is unknown here. */
  async updateStatus(
    tx: Tx,
    clinicId: string,
    status: string,
    asOf: Date,
    eventId: string,
  ): Promise<boolean> {
    const rows = await tx.query<{ id: string }[]>(
      `INSERT INTO clinic_projection AS c (id, code, name, timezone, status, as_of, last_event_id)
       SELECT id, code, name, timezone, $2, $3, $4 FROM clinic_projection WHERE id = $1
       ON CONFLICT (id) DO UPDATE SET status = excluded.status, as_of = excluded.as_of,
             last_event_id = excluded.last_event_id
         WHERE c.as_of <= excluded.as_of
       RETURNING c.id`,
      [clinicId, status, asOf, eventId],
    );
    return rows.length > 0;
  }

  async find(tx: Tx, clinicId: string, lock = false): Promise<ProjectedClinic | undefined> {
    const rows = await tx.query<ClinicSqlRow[]>(
      `SELECT id, code, name, timezone, status, as_of FROM clinic_projection WHERE id = $1
       ${lock ? 'FOR SHARE' : ''}`,
      [clinicId],
    );
    const row = rows[0];
    return row === undefined
      ? undefined
      : {
          id: row.id,
          code: row.code,
          name: row.name,
          timezone: row.timezone,
          status: row.status,
          asOf: row.as_of,
        };
  }

  async findMany(tx: Tx, clinicIds: readonly string[]): Promise<ProjectedClinic[]> {
    if (clinicIds.length === 0) {
      return [];
    }
    const rows = await tx.query<ClinicSqlRow[]>(
      `SELECT id, code, name, timezone, status, as_of FROM clinic_projection
        WHERE id = ANY($1::uuid[])`,
      [[...clinicIds]],
    );
    return rows.map((row) => ({
      id: row.id,
      code: row.code,
      name: row.name,
      timezone: row.timezone,
      status: row.status,
      asOf: row.as_of,
    }));
  }
}
