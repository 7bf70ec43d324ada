import { Injectable } from '@nestjs/common';
import type { Tx } from '@app/database';

export interface ProjectedTherapist {
  readonly therapistId: string;
  readonly profession: string;
  readonly status: string;
  readonly asOf: Date;
}

@Injectable()
export class TherapistProfessionRepository {
  /**
   * Keeps the newest state per therapist: an event older than what is held (by occurredAt)
   * changes nothing, so a late redelivery cannot roll a profession back.
   */
  async upsert(tx: Tx, therapist: ProjectedTherapist, eventId: string): Promise<void> {
    await tx.query(
      `INSERT INTO therapist_profession (therapist_id, profession, status, as_of, event_id)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (therapist_id) DO UPDATE
         SET profession = excluded.profession, status = excluded.status,
             as_of = excluded.as_of, event_id = excluded.event_id
         WHERE therapist_profession.as_of <= excluded.as_of`,
      [therapist.therapistId, therapist.profession, therapist.status, therapist.asOf, eventId],
    );
  }

  async find(tx: Tx, therapistId: string): Promise<ProjectedTherapist | undefined> {
    const rows = await tx.query<
      { therapist_id: string; profession: string; status: string; as_of: Date }[]
    >(
      'SELECT therapist_id, profession, status, as_of FROM therapist_profession WHERE therapist_id = $1',
      [therapistId],
    );
    const row = rows[0];
    return row === undefined
      ? undefined
      : {
          therapistId: row.therapist_id,
          profession: row.profession,
          status: row.status,
          asOf: row.as_of,
        };
  }
}
