import { MigrationInterface, QueryRunner } from 'typeorm';

export class Certifications1763900002100 implements MigrationInterface {
  name = 'Certifications1763900002100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE certification (
        id                  uuid PRIMARY KEY,
        therapist_id        uuid NOT NULL REFERENCES therapist (id),
        type                text NOT NULL CHECK (type ~ '^[a-z][a-z0-9]*(_[a-z0-9]+)*$'),
        issued_on           date NOT NULL,
        expires_on          date CHECK (expires_on > issued_on),
        evidence_reference  text NOT NULL CHECK (length(evidence_reference) BETWEEN 1 AND 200),
        recorded_by         text NOT NULL,
        recorded_at         timestamptz NOT NULL DEFAULT now(),
        verified_by         text,
        verified_at         timestamptz,
        revoked_on          date,
        revoked_by          text,
        revocation_reason   text,
        CHECK ((verified_by IS NULL) = (verified_at IS NULL)),
        CHECK ((revoked_on IS NULL) = (revoked_by IS NULL))
      )`);
    await queryRunner.query(
      `CREATE INDEX certification_therapist_type_idx ON certification (therapist_id, type)`,
    );
    await queryRunner.query(
      `CREATE INDEX certification_expiry_idx ON certification (expires_on) WHERE revoked_on IS NULL`,
    );
    // One row per expiry notice sent, written in the same transaction as its outbox event:
    // the primary key is what makes "never twice" hold across runs, restarts and replicas.
    await queryRunner.query(`
      CREATE TABLE certification_notice (
        certification_id  uuid NOT NULL REFERENCES certification (id),
        notice            text NOT NULL CHECK (notice IN ('expiring_30', 'expiring_7', 'expired')),
        run_for           date NOT NULL,
        sent_at           timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (certification_id, notice)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE certification_notice`);
    await queryRunner.query(`DROP TABLE certification`);
  }
}
