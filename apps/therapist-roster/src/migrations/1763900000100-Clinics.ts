import { MigrationInterface, QueryRunner } from 'typeorm';

export class Clinics1763900000100 implements MigrationInterface {
  name = 'Clinics1763900000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE clinic (
        id          uuid PRIMARY KEY,
        code        text NOT NULL UNIQUE,
        name        text NOT NULL CHECK (length(name) > 0),
        timezone    text NOT NULL,
        status      text NOT NULL CHECK (status IN ('opening', 'active', 'suspended', 'closed')),
        created_at  timestamptz NOT NULL DEFAULT now(),
        updated_at  timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE clinic`);
  }
}
