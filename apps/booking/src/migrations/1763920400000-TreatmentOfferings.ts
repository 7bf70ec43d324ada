import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Catalogue rules in the database too (duration 15–180 in steps of 5, buffer 0–60), the
 * treatment kind (the initial assessment is the `assessment`, which never needs screening
 * clearance), and each clinic's offering and price override.
 */
export class TreatmentOfferings1763920400000 implements MigrationInterface {
  name = 'TreatmentOfferings1763920400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE treatment
        ADD COLUMN kind text NOT NULL DEFAULT 'treatment'
          CONSTRAINT treatment_kind_check CHECK (kind IN ('assessment', 'treatment'))`);
    await queryRunner.query(`
      UPDATE treatment SET kind = 'assessment', requires_screening_clearance = false
       WHERE id = '6f1d2c10-0000-4000-8000-000000000001'`);
    await queryRunner.query(`
      ALTER TABLE treatment
        ALTER COLUMN kind DROP DEFAULT,
        ADD CONSTRAINT treatment_assessment_needs_no_clearance
          CHECK (kind <> 'assessment' OR NOT requires_screening_clearance),
        ADD CONSTRAINT treatment_duration_range
          CHECK (duration_minutes BETWEEN 15 AND 180 AND duration_minutes % 5 = 0),
        ADD CONSTRAINT treatment_buffer_range CHECK (buffer_after_minutes BETWEEN 0 AND 60)`);
    await queryRunner.query(`
      CREATE TABLE clinic_treatment_offering (
        clinic_id     uuid NOT NULL,
        treatment_id  uuid NOT NULL REFERENCES treatment (id),
        offered       boolean NOT NULL,
        price_pence   integer CHECK (price_pence >= 0),
        updated_at    timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (clinic_id, treatment_id)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE clinic_treatment_offering`);
    await queryRunner.query(`
      ALTER TABLE treatment
        DROP CONSTRAINT treatment_buffer_range,
        DROP CONSTRAINT treatment_duration_range,
        DROP CONSTRAINT treatment_assessment_needs_no_clearance,
        DROP COLUMN kind`);
  }
}
