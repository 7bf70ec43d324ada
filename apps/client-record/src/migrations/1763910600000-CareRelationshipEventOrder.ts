import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `care_relationship.last_event_at`: the `occurredAt` of the newest booking event applied to
 * the row. An older event (out-of-order or redelivered) never overwrites the therapist,
 * clinic or start of a newer one, so a stale `booking.rescheduled` cannot hand a treated
 * client's record to the previous therapist. NULL on rows written before this column (and
 * by test fixtures): the next event, whatever its time, sets the fields and the column.
 */
export class CareRelationshipEventOrder1763910600000 implements MigrationInterface {
  name = 'CareRelationshipEventOrder1763910600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE care_relationship ADD COLUMN last_event_at timestamptz`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE care_relationship DROP COLUMN last_event_at`);
  }
}
