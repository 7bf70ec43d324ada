import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Waitlist entries whose window passed while waiting are closed as `expired` by a job;
 * the partial index finds the waiting entries by their last date.
 */
export class WaitlistExpiry1763920800000 implements MigrationInterface {
  name = 'WaitlistExpiry1763920800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE waitlist_entry DROP CONSTRAINT waitlist_entry_status_check`,
    );
    await queryRunner.query(`
      ALTER TABLE waitlist_entry ADD CONSTRAINT waitlist_entry_status_check
        CHECK (status IN ('waiting', 'offered', 'booked', 'offer_expired', 'offer_declined',
                          'left', 'expired'))`);
    await queryRunner.query(`
      CREATE INDEX waitlist_entry_waiting_to_date
        ON waitlist_entry (to_date, id) WHERE status = 'waiting'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX IF EXISTS waitlist_entry_waiting_to_date`);
    // The old constraint has no `expired`: such entries become `left` (closed either way).
    await queryRunner.query(`UPDATE waitlist_entry SET status = 'left' WHERE status = 'expired'`);
    await queryRunner.query(
      `ALTER TABLE waitlist_entry DROP CONSTRAINT waitlist_entry_status_check`,
    );
    await queryRunner.query(`
      ALTER TABLE waitlist_entry ADD CONSTRAINT waitlist_entry_status_check
        CHECK (status IN ('waiting', 'offered', 'booked', 'offer_expired', 'offer_declined', 'left'))`);
  }
}
