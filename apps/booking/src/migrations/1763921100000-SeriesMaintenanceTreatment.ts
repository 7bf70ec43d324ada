import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Booking series: the maintenance sessions' own treatment (e.g. the 45-minute maintenance
 * session after a course of 60-minute sessions). Series booked before it placed their
 * maintenance sessions as the series' treatment, which is what they get. Null exactly when
 * there are no maintenance sessions.
 */
export class SeriesMaintenanceTreatment1763921100000 implements MigrationInterface {
  name = 'SeriesMaintenanceTreatment1763921100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE booking_series ADD COLUMN maintenance_treatment_id uuid`);
    await queryRunner.query(`
      UPDATE booking_series SET maintenance_treatment_id = treatment_id
       WHERE maintenance_sessions > 0`);
    await queryRunner.query(`
      ALTER TABLE booking_series
        ADD CONSTRAINT booking_series_maintenance_treatment
          CHECK ((maintenance_sessions = 0) = (maintenance_treatment_id IS NULL))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE booking_series
        DROP CONSTRAINT IF EXISTS booking_series_maintenance_treatment,
        DROP COLUMN IF EXISTS maintenance_treatment_id`);
  }
}
