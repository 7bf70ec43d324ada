import { MigrationInterface, QueryRunner } from 'typeorm';
import { CLIENT_RECORD_APP_ROLE } from '../client-record.role';

/**
 * Clients' registration facts, the clinic projection (from roster events) and the consent
 * ledger. The ledger is append-only for the running service: every grant or withdrawal is a
 * new row; the app role may insert, read and (for the retention purge) delete, never update.
 */
export class ClientsAndConsent1763910100000 implements MigrationInterface {
  name = 'ClientsAndConsent1763910100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE client
        ADD COLUMN registered_via        text CHECK (registered_via IN ('staff', 'online')),
        ADD COLUMN registered_clinic_id  uuid,
        ADD COLUMN registered_by_subject text,
        ADD COLUMN registered_by_role    text`);
    await queryRunner.query(
      `CREATE INDEX client_list_order_idx ON client (lower(family_name), lower(given_name), id)`,
    );
    await queryRunner.query(`
      CREATE TABLE clinic_projection (
        id             uuid PRIMARY KEY,
        code           text NOT NULL,
        name           text NOT NULL,
        timezone       text NOT NULL,
        status         text NOT NULL,
        as_of          timestamptz NOT NULL,
        last_event_id  uuid NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE consent_entry (
        id                   uuid PRIMARY KEY,
        seq                  bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
        client_id            uuid NOT NULL REFERENCES client (id) ON DELETE CASCADE,
        kind                 text NOT NULL CHECK (kind IN ('treatment', 'service_messages', 'marketing')),
        channel              text CHECK (channel IN ('email', 'sms')),
        granted              boolean NOT NULL,
        form_version_id      uuid REFERENCES consent_form (id),
        method               text NOT NULL CHECK (method IN ('in_person', 'online', 'paper', 'phone')),
        effective_at         timestamptz NOT NULL,
        recorded_at          timestamptz NOT NULL DEFAULT now(),
        recorded_by_subject  text NOT NULL,
        recorded_by_role     text NOT NULL,
        CHECK ((kind = 'treatment') = (channel IS NULL)),
        CHECK (NOT (kind = 'treatment' AND granted) OR form_version_id IS NOT NULL)
      )`);
    await queryRunner.query(
      `CREATE INDEX consent_entry_client_idx ON consent_entry (client_id, kind, channel, seq DESC)`,
    );
    await queryRunner.query(`REVOKE UPDATE ON consent_entry FROM ${CLIENT_RECORD_APP_ROLE}`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE consent_entry`);
    await queryRunner.query(`DROP TABLE clinic_projection`);
    await queryRunner.query(`DROP INDEX client_list_order_idx`);
    await queryRunner.query(`
      ALTER TABLE client
        DROP COLUMN registered_via, DROP COLUMN registered_clinic_id,
        DROP COLUMN registered_by_subject, DROP COLUMN registered_by_role`);
  }
}
