import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Booking's local projections, built only from roster and client-record events: clinic
 * hours and rooms, therapists and certifications, working patterns and time off, client
 * eligibility, care plans and erasures. Rows keep the time of the event they reflect, so a
 * late, older event is ignored. No foreign keys: events of different aggregates arrive in
 * any order, and `rebuild-projections` truncates these tables and replays the topics.
 * Clinic rows projected before this migration have no hours until that rebuild runs.
 */
export class BookingProjections1763920000000 implements MigrationInterface {
  name = 'BookingProjections1763920000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE clinic_projection
        ADD COLUMN weekly_hours     jsonb NOT NULL DEFAULT '{"monday":[],"tuesday":[],"wednesday":[],"thursday":[],"friday":[],"saturday":[],"sunday":[]}',
        ADD COLUMN hours_exceptions jsonb NOT NULL DEFAULT '[]',
        ADD COLUMN details_event_at timestamptz,
        ADD COLUMN hours_event_at   timestamptz,
        ADD COLUMN status_event_at  timestamptz`);
    await queryRunner.query(`
      CREATE TABLE clinic_room_projection (
        room_id        uuid PRIMARY KEY,
        clinic_id      uuid NOT NULL,
        name           text NOT NULL,
        status         text NOT NULL CHECK (status IN ('active', 'retired')),
        added_at       timestamptz,
        retired_at     timestamptz,
        last_event_at  timestamptz NOT NULL,
        last_event_id  uuid NOT NULL
      )`);
    await queryRunner.query(
      `CREATE INDEX clinic_room_projection_clinic_idx ON clinic_room_projection (clinic_id)`,
    );
    await queryRunner.query(`
      CREATE TABLE therapist_projection (
        id             uuid PRIMARY KEY,
        profession     text NOT NULL,
        specialties    text[] NOT NULL,
        clinic_ids     uuid[] NOT NULL,
        status         text NOT NULL,
        left_on        date,
        last_event_at  timestamptz NOT NULL,
        last_event_id  uuid NOT NULL
      )`);
    await queryRunner.query(
      `CREATE INDEX therapist_projection_clinic_ids_idx ON therapist_projection USING gin (clinic_ids)`,
    );
    await queryRunner.query(`
      CREATE TABLE certification_projection (
        id             uuid PRIMARY KEY,
        therapist_id   uuid NOT NULL,
        type           text NOT NULL,
        issued_on      date NOT NULL,
        expires_on     date,
        verified       boolean NOT NULL,
        status         text NOT NULL,
        status_on      date NOT NULL,
        revoked_on     date,
        last_event_at  timestamptz NOT NULL,
        last_event_id  uuid NOT NULL
      )`);
    await queryRunner.query(
      `CREATE INDEX certification_projection_therapist_idx ON certification_projection (therapist_id, type)`,
    );
    await queryRunner.query(`
      CREATE TABLE working_pattern_projection (
        therapist_id   uuid NOT NULL,
        clinic_id      uuid NOT NULL,
        timezone       text NOT NULL,
        changed_from   date NOT NULL,
        shifts         jsonb NOT NULL,
        last_event_at  timestamptz NOT NULL,
        last_event_id  uuid NOT NULL,
        PRIMARY KEY (therapist_id, clinic_id)
      )`);
    await queryRunner.query(
      `CREATE INDEX working_pattern_projection_clinic_idx ON working_pattern_projection (clinic_id)`,
    );
    await queryRunner.query(`
      CREATE TABLE time_off_projection (
        id             uuid PRIMARY KEY,
        therapist_id   uuid NOT NULL,
        starts_at      timestamptz NOT NULL,
        ends_at        timestamptz NOT NULL,
        status         text NOT NULL CHECK (status IN ('approved', 'cancelled')),
        last_event_at  timestamptz NOT NULL,
        last_event_id  uuid NOT NULL
      )`);
    await queryRunner.query(
      `CREATE INDEX time_off_projection_therapist_idx ON time_off_projection (therapist_id, starts_at)`,
    );
    await queryRunner.query(`
      CREATE TABLE client_eligibility_projection (
        client_id      uuid PRIMARY KEY,
        clinic_ids     uuid[] NOT NULL,
        screening_id   uuid NOT NULL,
        status         text NOT NULL,
        valid_until    date NOT NULL,
        cause          text NOT NULL,
        last_event_at  timestamptz NOT NULL,
        last_event_id  uuid NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE care_plan_projection (
        id                       uuid PRIMARY KEY,
        client_id                uuid NOT NULL,
        clinic_id                uuid NOT NULL,
        version                  integer NOT NULL,
        status                   text NOT NULL,
        sessions_per_week        integer NOT NULL,
        weeks                    integer NOT NULL,
        maintenance_every_weeks  integer,
        starts_on                date NOT NULL,
        preferred_therapist_id   uuid,
        last_event_id            uuid NOT NULL
      )`);
    await queryRunner.query(
      `CREATE INDEX care_plan_projection_client_idx ON care_plan_projection (client_id)`,
    );
    await queryRunner.query(`
      CREATE TABLE client_erasure_projection (
        client_id        uuid PRIMARY KEY,
        clinic_ids       uuid[] NOT NULL,
        erased_at        timestamptz NOT NULL,
        retention_until  date NOT NULL,
        last_event_id    uuid NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE client_erasure_projection`);
    await queryRunner.query(`DROP TABLE care_plan_projection`);
    await queryRunner.query(`DROP TABLE client_eligibility_projection`);
    await queryRunner.query(`DROP TABLE time_off_projection`);
    await queryRunner.query(`DROP TABLE working_pattern_projection`);
    await queryRunner.query(`DROP TABLE certification_projection`);
    await queryRunner.query(`DROP TABLE therapist_projection`);
    await queryRunner.query(`DROP TABLE clinic_room_projection`);
    await queryRunner.query(`
      ALTER TABLE clinic_projection
        DROP COLUMN weekly_hours,
        DROP COLUMN hours_exceptions,
        DROP COLUMN details_event_at,
        DROP COLUMN hours_event_at,
        DROP COLUMN status_event_at`);
  }
}
