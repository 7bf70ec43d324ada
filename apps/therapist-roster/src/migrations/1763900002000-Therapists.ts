import { MigrationInterface, QueryRunner } from 'typeorm';

export class Therapists1763900002000 implements MigrationInterface {
  name = 'Therapists1763900002000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE therapist (
        id           uuid PRIMARY KEY,
        given_name   text NOT NULL CHECK (length(given_name) BETWEEN 1 AND 100),
        family_name  text NOT NULL CHECK (length(family_name) BETWEEN 1 AND 100),
        email        text NOT NULL,
        phone        text,
        profession   text NOT NULL
                     CHECK (profession IN ('physiotherapist', 'sports_therapist', 'stretch_therapist')),
        hcpc_number  text CONSTRAINT therapist_hcpc_number_key UNIQUE
                     CHECK (hcpc_number ~ '^PH[0-9]{5,6}$'),
        specialties  text[] NOT NULL DEFAULT '{}'
                     CHECK (specialties <@ ARRAY['lower_back_pain', 'sciatica', 'neck_shoulder',
                            'fibromyalgia', 'osteoarthritis', 'sports_injury']::text[]),
        status       text NOT NULL CHECK (status IN ('active', 'on_leave', 'left')),
        left_on      date,
        created_at   timestamptz NOT NULL DEFAULT now(),
        updated_at   timestamptz NOT NULL DEFAULT now(),
        CHECK (profession <> 'physiotherapist' OR hcpc_number IS NOT NULL),
        CHECK ((status = 'left') = (left_on IS NOT NULL))
      )`);
    // The list order (and cursor position) of the therapists query.
    await queryRunner.query(
      `CREATE INDEX therapist_list_order_idx ON therapist (family_name, given_name, id)`,
    );
    await queryRunner.query(`
      CREATE TABLE therapist_clinic (
        therapist_id  uuid NOT NULL REFERENCES therapist (id),
        clinic_id     uuid NOT NULL REFERENCES clinic (id),
        assigned_at   timestamptz NOT NULL DEFAULT clock_timestamp(),
        PRIMARY KEY (therapist_id, clinic_id)
      )`);
    await queryRunner.query(
      `CREATE INDEX therapist_clinic_clinic_idx ON therapist_clinic (clinic_id)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE therapist_clinic`);
    await queryRunner.query(`DROP TABLE therapist`);
  }
}
