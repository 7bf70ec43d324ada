import { MigrationInterface, QueryRunner } from 'typeorm';

/** Booking series: the maintenance phase after the intensive weeks (from the care plan). */
export class SeriesMaintenance1763921000000 implements MigrationInterface {
  name = 'SeriesMaintenance1763921000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE booking_series
        ADD COLUMN maintenance_sessions integer NOT NULL DEFAULT 0
          CHECK (maintenance_sessions BETWEEN 0 AND 12),
        ADD COLUMN maintenance_every_weeks integer
          CHECK (maintenance_every_weeks BETWEEN 1 AND 12),
        ADD CONSTRAINT booking_series_maintenance_interval
          CHECK (maintenance_sessions = 0 OR maintenance_every_weeks IS NOT NULL)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE booking_series
        DROP CONSTRAINT IF EXISTS booking_series_maintenance_interval,
        DROP COLUMN IF EXISTS maintenance_every_weeks,
        DROP COLUMN IF EXISTS maintenance_sessions`);
  }
}
