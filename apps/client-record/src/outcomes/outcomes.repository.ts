import { Injectable } from '@nestjs/common';
import type { Tx } from '@app/database';
import type { ClinicPainRating } from './domain/outcome-summary';

/** A session's pre-session rating, with where the session was. */
export type SessionRating = ClinicPainRating;

/** What outcome summaries need about one client. */
export interface ClientRatings {
  readonly clientId: string;
  readonly conditions: readonly string[];
  /** The client's rated sessions in the summary's scope, each with its clinic. */
  readonly ratings: readonly SessionRating[];
}

interface RatingRow {
  started_at: Date;
  pain_before: number;
  clinic_id: string;
}

interface ClientRatingsRow {
  client_id: string;
  conditions: string[];
  started: Date[];
  pains: number[];
  clinics: string[];
}

/**
 * Reads (never writes) what other contexts recorded: session records (the latest version
 * of each recorded session: `session_record_version.version = session_record.current_version`),
 * the clinics a client attends, and the conditions of their latest screening.
 */
@Injectable()
export class OutcomesRepository {
  async ratingsOf(tx: Tx, clientId: string): Promise<SessionRating[]> {
    const rows = await tx.query<RatingRow[]>(
      `SELECT sr.started_at, v.pain_before, sr.clinic_id
         FROM session_record sr
         JOIN session_record_version v ON v.record_id = sr.id AND v.version = sr.current_version
        WHERE sr.client_id = $1 AND sr.status = 'recorded'
        ORDER BY sr.started_at, sr.id`,
      [clientId],
    );
    return rows.map((row) => ({
      at: row.started_at,
      painBefore: row.pain_before,
      clinicId: row.clinic_id,
    }));
  }

  /**
   * Every client with a recorded session at one of `clinicIds` (anywhere when undefined),
   * with those sessions only, and, when `condition` is given, whose latest screening lists
   * it. Sessions count where they took place (`session_record.clinic_id`), not at the
   * clinics the client attends: a clinic manager never sees another clinic's sessions.
   */
  async clientsWithRatings(
    tx: Tx,
    clinicIds: readonly string[] | undefined,
    condition: string | undefined,
  ): Promise<ClientRatings[]> {
    const rows = await tx.query<ClientRatingsRow[]>(
      `WITH rated AS (
         SELECT sr.client_id,
                array_agg(sr.started_at ORDER BY sr.started_at, sr.id) AS started,
                array_agg(v.pain_before ORDER BY sr.started_at, sr.id) AS pains,
                array_agg(sr.clinic_id::text ORDER BY sr.started_at, sr.id) AS clinics
           FROM session_record sr
           JOIN session_record_version v ON v.record_id = sr.id AND v.version = sr.current_version
          WHERE sr.status = 'recorded'
            AND ($1::text[] IS NULL OR sr.clinic_id::text = ANY ($1::text[]))
          GROUP BY sr.client_id
       ), described AS (
         SELECT r.client_id, r.started, r.pains, r.clinics,
                COALESCE((SELECT s.conditions FROM screening s WHERE s.client_id = r.client_id
                           ORDER BY s.sequence DESC LIMIT 1), '{}'::text[]) AS conditions
           FROM rated r
       )
       SELECT client_id, conditions, started, pains, clinics
         FROM described
        WHERE ($2::text IS NULL OR $2::text = ANY (conditions))
        ORDER BY client_id`,
      [clinicIds === undefined ? null : [...clinicIds], condition ?? null],
    );
    return rows.map((row) => ({
      clientId: row.client_id,
      conditions: row.conditions,
      ratings: row.started.map((at, index) => ({
        at,
        painBefore: row.pains[index] ?? null,
        clinicId: row.clinics[index] ?? '',
      })),
    }));
  }
}
