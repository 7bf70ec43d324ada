import { MigrationInterface, QueryRunner } from 'typeorm';
import { CLIENT_RECORD_APP_ROLE } from '../client-record.role';

/**
 * Adverse events, their follow-ups and head office's governance review. All three are
 * append-only clinical records: a follow-up or a review is a new row, the report is never
 * changed. The service's role may not UPDATE them; DELETE stays for the purge at the end of
 * retention.
 */
export class AdverseEvents1763910400000 implements MigrationInterface {
  name = 'AdverseEvents1763910400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE adverse_event (
        id                        uuid PRIMARY KEY,
        client_id                 uuid NOT NULL,
        clinic_id                 uuid NOT NULL,
        type                      text NOT NULL CHECK (type IN
                                    ('soreness_over_48h', 'bruising', 'overstretch_injury', 'dizziness', 'other')),
        description               text CHECK (length(description) BETWEEN 1 AND 2000),
        severity                  text NOT NULL CHECK (severity IN ('mild', 'moderate', 'severe')),
        occurred_at               timestamptz NOT NULL,
        booking_id                uuid,
        actions_taken             text NOT NULL CHECK (length(actions_taken) BETWEEN 1 AND 2000),
        follow_up_required        boolean NOT NULL,
        follow_up_due_on          date,
        flagged_for_governance    boolean NOT NULL,
        reported_by_subject       text NOT NULL,
        reported_by_role          text NOT NULL,
        reported_by_therapist_id  uuid,
        reported_at               timestamptz NOT NULL,
        CHECK (type <> 'other' OR description IS NOT NULL),
        CHECK (follow_up_required = (follow_up_due_on IS NOT NULL)),
        CHECK (flagged_for_governance = (severity = 'severe'))
      )`);
    await queryRunner.query(
      `CREATE INDEX adverse_event_client_idx ON adverse_event (client_id, occurred_at DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX adverse_event_governance_idx ON adverse_event (reported_at DESC, id DESC)
         WHERE flagged_for_governance`,
    );
    await queryRunner.query(`
      CREATE TABLE adverse_event_follow_up (
        id                   uuid PRIMARY KEY,
        adverse_event_id     uuid NOT NULL REFERENCES adverse_event (id) ON DELETE CASCADE,
        followed_up_at       timestamptz NOT NULL,
        note                 text NOT NULL CHECK (length(note) BETWEEN 1 AND 2000),
        resolved             boolean NOT NULL,
        recorded_by_subject  text NOT NULL,
        recorded_by_role     text NOT NULL,
        recorded_at          timestamptz NOT NULL
      )`);
    await queryRunner.query(
      `CREATE INDEX adverse_event_follow_up_event_idx ON adverse_event_follow_up (adverse_event_id, recorded_at)`,
    );
    await queryRunner.query(`
      CREATE TABLE adverse_event_review (
        adverse_event_id     uuid PRIMARY KEY REFERENCES adverse_event (id) ON DELETE CASCADE,
        note                 text NOT NULL CHECK (length(note) BETWEEN 1 AND 2000),
        reviewed_by_subject  text NOT NULL,
        reviewed_at          timestamptz NOT NULL
      )`);
    await queryRunner.query(
      `REVOKE UPDATE ON adverse_event, adverse_event_follow_up, adverse_event_review FROM ${CLIENT_RECORD_APP_ROLE}`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE adverse_event_review`);
    await queryRunner.query(`DROP TABLE adverse_event_follow_up`);
    await queryRunner.query(`DROP TABLE adverse_event`);
  }
}
