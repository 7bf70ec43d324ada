import { MigrationInterface, QueryRunner } from 'typeorm';

/** The network catalogue, with fixed ids so every environment names treatments alike. */
export class TreatmentCatalogue1763900000100 implements MigrationInterface {
  name = 'TreatmentCatalogue1763900000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE treatment (
        id                            uuid PRIMARY KEY,
        code                          text NOT NULL UNIQUE,
        name                          text NOT NULL,
        duration_minutes              integer NOT NULL CHECK (duration_minutes > 0),
        buffer_after_minutes          integer NOT NULL DEFAULT 0 CHECK (buffer_after_minutes >= 0),
        price_pence                   integer NOT NULL CHECK (price_pence >= 0),
        currency                      text NOT NULL DEFAULT 'GBP' CHECK (currency = 'GBP'),
        required_certifications       text[] NOT NULL DEFAULT '{}',
        requires_screening_clearance  boolean NOT NULL,
        self_bookable                 boolean NOT NULL,
        active                        boolean NOT NULL DEFAULT true
      )`);
    await queryRunner.query(`
      INSERT INTO treatment (id, code, name, duration_minutes, buffer_after_minutes, price_pence,
                             required_certifications, requires_screening_clearance, self_bookable)
      VALUES
        ('6f1d2c10-0000-4000-8000-000000000001', 'INITIAL_ASSESSMENT', 'Initial assessment', 60, 15, 6500,
         '{hcpc_registration}', false, true),
        ('6f1d2c10-0000-4000-8000-000000000002', 'PNF_STRETCH_30', 'PNF assisted stretch (30 min)', 30, 10, 3500,
         '{pnf_level_1}', true, true),
        ('6f1d2c10-0000-4000-8000-000000000003', 'PNF_STRETCH_60', 'PNF assisted stretch (60 min)', 60, 15, 6000,
         '{pnf_level_1}', true, true),
        ('6f1d2c10-0000-4000-8000-000000000004', 'MAINTENANCE_45', 'Maintenance session (45 min)', 45, 10, 4500,
         '{pnf_level_1}', true, true)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE treatment`);
  }
}
