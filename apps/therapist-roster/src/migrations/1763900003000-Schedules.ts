import { MigrationInterface, QueryRunner } from 'typeorm';

export class Schedules1763900003000 implements MigrationInterface {
  name = 'Schedules1763900003000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE working_pattern_shift (
        id              uuid PRIMARY KEY,
        therapist_id    uuid NOT NULL REFERENCES therapist (id),
        clinic_id       uuid NOT NULL REFERENCES clinic (id),
        weekday         text NOT NULL CHECK (weekday IN
                          ('monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday')),
        start_time      text NOT NULL CHECK (start_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
        end_time        text NOT NULL CHECK (end_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$'),
        effective_from  date NOT NULL,
        effective_to    date,
        created_at      timestamptz NOT NULL DEFAULT now(),
        CHECK (start_time < end_time),
        CHECK (effective_to IS NULL OR effective_to >= effective_from)
      )`);
    await queryRunner.query(
      `CREATE INDEX working_pattern_shift_therapist_idx ON working_pattern_shift (therapist_id, clinic_id)`,
    );
    await queryRunner.query(
      `CREATE INDEX working_pattern_shift_clinic_idx ON working_pattern_shift (clinic_id, effective_from)`,
    );
    await queryRunner.query(`
      CREATE TABLE time_off (
        id            uuid PRIMARY KEY,
        therapist_id  uuid NOT NULL REFERENCES therapist (id),
        kind          text NOT NULL CHECK (kind IN ('holiday', 'sickness', 'training')),
        status        text NOT NULL CHECK (status IN ('requested', 'approved', 'rejected', 'cancelled')),
        starts_at     timestamptz NOT NULL,
        ends_at       timestamptz NOT NULL,
        note          text,
        requested_by  text NOT NULL,
        decided_by    text,
        decided_at    timestamptz,
        created_at    timestamptz NOT NULL DEFAULT now(),
        updated_at    timestamptz NOT NULL DEFAULT now(),
        CHECK (ends_at > starts_at)
      )`);
    await queryRunner.query(
      `CREATE INDEX time_off_therapist_period_idx ON time_off (therapist_id, starts_at, ends_at)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE time_off`);
    await queryRunner.query(`DROP TABLE working_pattern_shift`);
  }
}
