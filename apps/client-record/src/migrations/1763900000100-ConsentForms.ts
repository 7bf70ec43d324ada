import { MigrationInterface, QueryRunner } from 'typeorm';

export class ConsentForms1763900000100 implements MigrationInterface {
  name = 'ConsentForms1763900000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE consent_form (
        id            uuid PRIMARY KEY,
        kind          text NOT NULL CHECK (kind IN ('treatment', 'service_messages', 'marketing')),
        version       integer NOT NULL CHECK (version > 0),
        title         text NOT NULL,
        summary       text NOT NULL,
        published_at  timestamptz NOT NULL DEFAULT now(),
        UNIQUE (kind, version)
      )`);
    await queryRunner.query(`
      INSERT INTO consent_form (id, kind, version, title, summary) VALUES
        ('0c0f5e10-0000-4000-8000-000000000001', 'treatment', 1, 'Consent to assessment and assisted stretching',
         'I agree to a physiotherapy assessment and to PNF assisted stretching, having been told what it involves, its usual side effects (mild soreness) and that I can stop at any time.'),
        ('0c0f5e10-0000-4000-8000-000000000002', 'service_messages', 1, 'Appointment messages',
         'I agree to receive confirmations, reminders and follow-up messages about my appointments by the channels I choose.'),
        ('0c0f5e10-0000-4000-8000-000000000003', 'marketing', 1, 'News and offers',
         'I would like to hear about news and offers from the clinic network. I can withdraw at any time.')`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE consent_form`);
  }
}
