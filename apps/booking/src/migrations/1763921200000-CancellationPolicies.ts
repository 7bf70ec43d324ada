import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each clinic's late-cancellation policy (no row: the network policy, 24 h and 50%), and on
 * each booking cancelled by a client or the clinic the policy that judged it. Null: not
 * cancelled, cancelled before this migration (not recorded then), or cancelled by a client's
 * erasure, which no policy judges.
 */
export class CancellationPolicies1763921200000 implements MigrationInterface {
  name = 'CancellationPolicies1763921200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE clinic_cancellation_policy (
        clinic_id          uuid PRIMARY KEY,
        late_fee_percent   integer NOT NULL CHECK (late_fee_percent BETWEEN 0 AND 100),
        late_window_hours  integer NOT NULL CHECK (late_window_hours BETWEEN 1 AND 72),
        updated_at         timestamptz NOT NULL
      )`);
    await queryRunner.query(`
      ALTER TABLE booking
        ADD COLUMN late_fee_percent integer
          CONSTRAINT booking_late_fee_percent_range CHECK (late_fee_percent BETWEEN 0 AND 100),
        ADD COLUMN late_window_hours integer
          CONSTRAINT booking_late_window_hours_range CHECK (late_window_hours BETWEEN 1 AND 72)`);
    await queryRunner.query(`
      ALTER TABLE booking
        ADD CONSTRAINT booking_applied_policy_whole
          CHECK ((late_fee_percent IS NULL) = (late_window_hours IS NULL))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE booking
        DROP CONSTRAINT IF EXISTS booking_applied_policy_whole,
        DROP COLUMN IF EXISTS late_window_hours,
        DROP COLUMN IF EXISTS late_fee_percent`);
    await queryRunner.query(`DROP TABLE IF EXISTS clinic_cancellation_policy`);
  }
}
