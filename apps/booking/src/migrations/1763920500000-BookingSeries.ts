import { MigrationInterface, QueryRunner } from 'typeorm';

/** Booking series (issue 5): sessions placed together, e.g. from a care plan. */
export class BookingSeries1763920500000 implements MigrationInterface {
  name = 'BookingSeries1763920500000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE booking_series (
        id                  uuid PRIMARY KEY,
        clinic_id           uuid NOT NULL,
        client_id           uuid NOT NULL,
        therapist_id        uuid NOT NULL,
        treatment_id        uuid NOT NULL,
        care_plan_id        uuid,
        sessions_per_week   integer NOT NULL CHECK (sessions_per_week BETWEEN 1 AND 5),
        weeks               integer NOT NULL CHECK (weeks BETWEEN 1 AND 26),
        preferred_weekdays  text[] NOT NULL,
        preferred_time      text NOT NULL,
        starts_on           date NOT NULL,
        timezone            text NOT NULL,
        status              text NOT NULL CHECK (status IN ('active', 'cancelled')),
        cancelled_at        timestamptz,
        cancellation_reason text,
        created_by_subject  text NOT NULL,
        created_by_role     text NOT NULL,
        created_at          timestamptz NOT NULL DEFAULT now(),
        updated_at          timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE INDEX booking_series_client_idx ON booking_series (client_id, starts_on)`,
    );
    await queryRunner.query(
      `CREATE INDEX booking_series_id_idx ON booking (series_id) WHERE series_id IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX IF EXISTS booking_series_id_idx`);
    await queryRunner.query(`DROP TABLE IF EXISTS booking_series`);
  }
}
