import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Health screening at intake and the eligibility decisions resting on it (both append-only:
 * a new screening or decision supersedes, history is kept), and client-record's projection
 * of therapists' professions from roster events (only a physiotherapist may override).
 */
export class Screening1763910200000 implements MigrationInterface {
  name = 'Screening1763910200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE screening (
        id                           uuid PRIMARY KEY,
        sequence                     bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
        client_id                    uuid NOT NULL REFERENCES client (id),
        clinic_id                    uuid NOT NULL,
        conditions                   text[] NOT NULL CHECK (cardinality(conditions) > 0),
        other_condition_description  text CHECK (length(other_condition_description) <= 200),
        duration                     text NOT NULL,
        baseline_pain                smallint NOT NULL CHECK (baseline_pain BETWEEN 0 AND 10),
        medications                  text[] NOT NULL DEFAULT '{}',
        red_flags                    text[] NOT NULL DEFAULT '{}',
        screened_on                  date NOT NULL,
        lapses_on                    date NOT NULL CHECK (lapses_on > screened_on),
        recorded_by                  text NOT NULL,
        recorded_by_role             text NOT NULL,
        recorded_at                  timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE INDEX screening_client_idx ON screening (client_id, sequence DESC)`,
    );
    await queryRunner.query(`
      CREATE TABLE eligibility_decision (
        id                 uuid PRIMARY KEY,
        sequence           bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
        client_id          uuid NOT NULL REFERENCES client (id),
        screening_id       uuid NOT NULL REFERENCES screening (id),
        status             text NOT NULL
          CHECK (status IN ('cleared', 'gp_clearance_required', 'not_suitable', 'lapsed')),
        cause              text NOT NULL
          CHECK (cause IN ('screening', 'override', 'gp_clearance', 'lapse')),
        reasons            text[] NOT NULL DEFAULT '{}',
        decided_at         timestamptz NOT NULL DEFAULT now(),
        decided_by         text NOT NULL,
        decided_by_role    text NOT NULL,
        override_reason    text,
        gp_cleared_on      date,
        gp_name            text,
        gp_practice        text,
        note               text,
        CHECK ((cause = 'override') = (override_reason IS NOT NULL)),
        CHECK ((cause = 'gp_clearance') = (gp_cleared_on IS NOT NULL)),
        CHECK ((cause = 'lapse') = (status = 'lapsed'))
      )`);
    await queryRunner.query(
      `CREATE INDEX eligibility_decision_client_idx ON eligibility_decision (client_id, sequence DESC)`,
    );
    // The lapse job's "once per screening": a second lapse decision for a screening is refused.
    await queryRunner.query(
      `CREATE UNIQUE INDEX eligibility_decision_one_lapse ON eligibility_decision (screening_id)
       WHERE cause = 'lapse'`,
    );
    await queryRunner.query(`CREATE INDEX screening_lapse_idx ON screening (lapses_on)`);
    await queryRunner.query(`
      CREATE TABLE therapist_profession (
        therapist_id  uuid PRIMARY KEY,
        profession    text NOT NULL,
        status        text NOT NULL,
        as_of         timestamptz NOT NULL,
        event_id      uuid NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE therapist_profession`);
    await queryRunner.query(`DROP TABLE eligibility_decision`);
    await queryRunner.query(`DROP TABLE screening`);
  }
}
