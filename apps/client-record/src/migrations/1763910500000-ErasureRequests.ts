import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * UK GDPR erasure requests: one per client, kept after the purge as the record that the
 * erasure was done (ids and dates only; the free-text reason is cleared at the purge).
 * The retention purge job finds due requests through the partial index.
 */
export class ErasureRequests1763910500000 implements MigrationInterface {
  name = 'ErasureRequests1763910500000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE erasure_request (
        id                    uuid PRIMARY KEY,
        client_id             uuid NOT NULL UNIQUE,
        requested_at          timestamptz NOT NULL,
        requested_by_subject  text NOT NULL,
        requested_by_role     text NOT NULL,
        reason                text,
        last_treatment_on     date,
        retention_rule        text NOT NULL,
        retention_until       date NOT NULL,
        purged_at             timestamptz,
        CHECK (last_treatment_on IS NULL OR retention_until >= last_treatment_on)
      )`);
    await queryRunner.query(
      `CREATE INDEX erasure_request_due_idx ON erasure_request (retention_until) WHERE purged_at IS NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE erasure_request`);
  }
}
