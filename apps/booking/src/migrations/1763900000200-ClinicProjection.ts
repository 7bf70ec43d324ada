import { MigrationInterface, QueryRunner } from 'typeorm';

export class ClinicProjection1763900000200 implements MigrationInterface {
  name = 'ClinicProjection1763900000200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE clinic_projection (
        id             uuid PRIMARY KEY,
        code           text NOT NULL,
        name           text NOT NULL,
        timezone       text NOT NULL,
        status         text NOT NULL,
        last_event_id  uuid NOT NULL,
        projected_at   timestamptz NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE clinic_projection`);
  }
}
