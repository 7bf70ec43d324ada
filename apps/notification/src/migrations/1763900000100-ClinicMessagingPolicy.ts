import { MigrationInterface, QueryRunner } from 'typeorm';

export class ClinicMessagingPolicy1763900000100 implements MigrationInterface {
  name = 'ClinicMessagingPolicy1763900000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE clinic_messaging_policy (
        clinic_id          uuid PRIMARY KEY,
        clinic_name        text NOT NULL,
        timezone           text NOT NULL,
        quiet_hours_start  text NOT NULL CHECK (quiet_hours_start ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
        quiet_hours_end    text NOT NULL CHECK (quiet_hours_end ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$')
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE clinic_messaging_policy`);
  }
}
