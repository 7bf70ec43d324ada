import { MigrationInterface, QueryRunner } from 'typeorm';
import { CLIENT_RECORD_APP_ROLE } from '../client-record.role';

/**
 * Care plans, session records and the booking projection client-record keeps from
 * booking events.
 *
 * Clinical content is append-only: `care_plan_version` and `session_record_version` rows are
 * only ever inserted (an amendment is a new version with a reason); the parent rows hold ids
 * and the current version number. Only the purge at the end of retention deletes them.
 *
 * STABLE COLUMNS other contexts (outcomes, adverse events, GDPR) may read; keep them:
 * - session_record: id, booking_id (unique), client_id, therapist_id, clinic_id,
 *   session_date (clinic-local date of the booking), started_at (UTC), status
 *   ('open' = opened by booking.completed, nothing written yet; 'recorded'),
 *   current_version (0 while open), created_at, updated_at
 * - session_record_version: record_id, version (1..n), pain_before, pain_after (NPRS 0-10),
 *   rom (jsonb [{joint, movement, side, degrees}]), techniques (text[]), notes, reason
 *   (null for version 1), written_by_subject, written_by_role, written_by_therapist_id,
 *   created_at
 *   The latest version of a record: the row with version = session_record.current_version.
 * - care_plan: id, client_id, clinic_id, current_version, created_at, updated_at
 * - care_plan_version: plan_id, version, status, goals, target_conditions, ...
 */
export class CareRecords1763910300000 implements MigrationInterface {
  name = 'CareRecords1763910300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE booking_projection (
        booking_id     uuid PRIMARY KEY,
        client_id      uuid NOT NULL,
        therapist_id   uuid NOT NULL,
        clinic_id      uuid NOT NULL,
        treatment_id   uuid NOT NULL,
        status         text NOT NULL,
        starts_at      timestamptz NOT NULL,
        ends_at        timestamptz NOT NULL,
        local_start    text NOT NULL,
        timezone       text NOT NULL,
        last_event_at  timestamptz NOT NULL,
        updated_at     timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE INDEX booking_projection_client_idx ON booking_projection (client_id)`,
    );

    await queryRunner.query(`
      CREATE TABLE care_plan (
        id               uuid PRIMARY KEY,
        client_id        uuid NOT NULL,
        clinic_id        uuid NOT NULL,
        current_version  integer NOT NULL CHECK (current_version >= 1),
        created_at       timestamptz NOT NULL DEFAULT now(),
        updated_at       timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX care_plan_client_idx ON care_plan (client_id)`);
    await queryRunner.query(`
      CREATE TABLE care_plan_version (
        plan_id                  uuid NOT NULL REFERENCES care_plan (id) ON DELETE CASCADE,
        version                  integer NOT NULL CHECK (version >= 1),
        status                   text NOT NULL CHECK (status IN ('active', 'completed', 'discontinued')),
        goals                    text[] NOT NULL,
        target_conditions        text[] NOT NULL,
        sessions_per_week        integer NOT NULL CHECK (sessions_per_week BETWEEN 1 AND 5),
        weeks                    integer NOT NULL CHECK (weeks BETWEEN 1 AND 26),
        maintenance_every_weeks  integer CHECK (maintenance_every_weeks BETWEEN 1 AND 12),
        preferred_therapist_id   uuid,
        starts_on                date NOT NULL,
        review_on                date NOT NULL,
        change_note              text,
        written_by_subject       text NOT NULL,
        written_by_role          text NOT NULL,
        created_at               timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (plan_id, version)
      )`);

    await queryRunner.query(`
      CREATE TABLE session_record (
        id               uuid PRIMARY KEY,
        booking_id       uuid NOT NULL UNIQUE,
        client_id        uuid NOT NULL,
        therapist_id     uuid NOT NULL,
        clinic_id        uuid NOT NULL,
        session_date     date NOT NULL,
        started_at       timestamptz NOT NULL,
        status           text NOT NULL CHECK (status IN ('open', 'recorded')),
        current_version  integer NOT NULL DEFAULT 0 CHECK (current_version >= 0),
        created_at       timestamptz NOT NULL DEFAULT now(),
        updated_at       timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE INDEX session_record_client_idx ON session_record (client_id, session_date)`,
    );
    await queryRunner.query(
      `CREATE INDEX session_record_clinic_idx ON session_record (clinic_id, session_date)`,
    );
    await queryRunner.query(`
      CREATE TABLE session_record_version (
        record_id                uuid NOT NULL REFERENCES session_record (id) ON DELETE CASCADE,
        version                  integer NOT NULL CHECK (version >= 1),
        pain_before              integer NOT NULL CHECK (pain_before BETWEEN 0 AND 10),
        pain_after               integer NOT NULL CHECK (pain_after BETWEEN 0 AND 10),
        rom                      jsonb NOT NULL DEFAULT '[]'::jsonb,
        techniques               text[] NOT NULL,
        notes                    text NOT NULL DEFAULT '',
        reason                   text,
        written_by_subject       text NOT NULL,
        written_by_role          text NOT NULL,
        written_by_therapist_id  uuid,
        created_at               timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (record_id, version),
        CHECK ((version = 1) = (reason IS NULL))
      )`);
    // Versions are inserted, never changed: the service's role may not UPDATE them (DELETE
    // stays for the purge at the end of retention).
    await queryRunner.query(
      `REVOKE UPDATE ON session_record_version, care_plan_version FROM ${CLIENT_RECORD_APP_ROLE}`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE session_record_version`);
    await queryRunner.query(`DROP TABLE session_record`);
    await queryRunner.query(`DROP TABLE care_plan_version`);
    await queryRunner.query(`DROP TABLE care_plan`);
    await queryRunner.query(`DROP TABLE booking_projection`);
  }
}
