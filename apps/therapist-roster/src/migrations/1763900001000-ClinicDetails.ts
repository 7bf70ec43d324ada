import { MigrationInterface, QueryRunner } from 'typeorm';

/** Clinic address, contact and weekly hours; dated hours exceptions; treatment rooms. */
export class ClinicDetails1763900001000 implements MigrationInterface {
  name = 'ClinicDetails1763900001000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE clinic
        ADD COLUMN address_line1    text,
        ADD COLUMN address_line2    text,
        ADD COLUMN address_city     text,
        ADD COLUMN address_postcode text,
        ADD COLUMN contact_phone    text,
        ADD COLUMN contact_email    text,
        ADD COLUMN weekly_hours     jsonb NOT NULL DEFAULT
          '{"monday":[],"tuesday":[],"wednesday":[],"thursday":[],"friday":[],"saturday":[],"sunday":[]}',
        ADD CONSTRAINT clinic_address_complete CHECK (
          (address_line1 IS NULL) = (address_city IS NULL)
          AND (address_line1 IS NULL) = (address_postcode IS NULL)
          AND (address_line2 IS NULL OR address_line1 IS NOT NULL)
        ),
        ADD CONSTRAINT clinic_active_has_address CHECK (
          status IN ('opening', 'closed') OR address_line1 IS NOT NULL
        )`);
    await queryRunner.query(`
      CREATE TABLE clinic_hours_exception (
        clinic_id   uuid NOT NULL REFERENCES clinic (id) ON DELETE CASCADE,
        date        date NOT NULL,
        ranges      jsonb NOT NULL,
        reason      text NOT NULL CHECK (length(reason) > 0),
        created_at  timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (clinic_id, date)
      )`);
    await queryRunner.query(`
      CREATE TABLE clinic_room (
        id          uuid PRIMARY KEY,
        clinic_id   uuid NOT NULL REFERENCES clinic (id) ON DELETE CASCADE,
        name        text NOT NULL CHECK (length(name) > 0),
        added_at    timestamptz NOT NULL DEFAULT now(),
        retired_at  timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX clinic_room_clinic ON clinic_room (clinic_id)`);
    // Names are unique among a clinic's active rooms only: a retired name may be reused.
    await queryRunner.query(`
      CREATE UNIQUE INDEX clinic_room_active_name ON clinic_room (clinic_id, lower(name))
        WHERE retired_at IS NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE clinic_room`);
    await queryRunner.query(`DROP TABLE clinic_hours_exception`);
    await queryRunner.query(`
      ALTER TABLE clinic
        DROP CONSTRAINT clinic_active_has_address,
        DROP CONSTRAINT clinic_address_complete,
        DROP COLUMN weekly_hours,
        DROP COLUMN contact_email,
        DROP COLUMN contact_phone,
        DROP COLUMN address_postcode,
        DROP COLUMN address_city,
        DROP COLUMN address_line2,
        DROP COLUMN address_line1`);
  }
}
