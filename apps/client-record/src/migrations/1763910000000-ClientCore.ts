import { MigrationInterface, QueryRunner } from 'typeorm';
import { CLIENT_RECORD_APP_ROLE } from '../client-record.role';

/**
 * The core of the client record: clients, the clinics they attend, which therapists are
 * booked to treat or have treated them (from booking events), and the append-only audit
 * trail. The running service assumes CLIENT_RECORD_APP_ROLE, which may insert and read
 * audit rows but never change or delete them (a trigger refuses it for every other role
 * too). Later migrations' tables get the role's read/write grants by default privileges;
 * a table that must be append-only revokes them explicitly, as audit_log does here.
 */
export class ClientCore1763910000000 implements MigrationInterface {
  name = 'ClientCore1763910000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE client (
        id                 uuid PRIMARY KEY,
        given_name         text,
        family_name        text,
        date_of_birth      date,
        email              text,
        phone              text,
        address            jsonb,
        gp_practice        jsonb,
        emergency_contact  jsonb,
        identity_subject   text,
        registered_at      timestamptz NOT NULL DEFAULT now(),
        updated_at         timestamptz NOT NULL DEFAULT now(),
        erased_at          timestamptz,
        version            integer NOT NULL DEFAULT 1
      )`);
    await queryRunner.query(`CREATE INDEX client_email_idx ON client (lower(email))`);
    await queryRunner.query(
      `CREATE INDEX client_name_dob_idx ON client (lower(family_name), lower(given_name), date_of_birth)`,
    );
    await queryRunner.query(`CREATE INDEX client_phone_idx ON client (phone)`);
    await queryRunner.query(`
      CREATE TABLE client_clinic (
        client_id  uuid NOT NULL REFERENCES client (id) ON DELETE CASCADE,
        clinic_id  uuid NOT NULL,
        since      timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (client_id, clinic_id)
      )`);
    await queryRunner.query(`CREATE INDEX client_clinic_clinic_idx ON client_clinic (clinic_id)`);
    await queryRunner.query(`
      CREATE TABLE care_relationship (
        booking_id    uuid PRIMARY KEY,
        client_id     uuid NOT NULL,
        therapist_id  uuid NOT NULL,
        clinic_id     uuid NOT NULL,
        status        text NOT NULL CHECK (status IN ('booked', 'treated', 'released')),
        starts_at     timestamptz NOT NULL,
        updated_at    timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE INDEX care_relationship_client_idx ON care_relationship (client_id, therapist_id)`,
    );
    await queryRunner.query(`
      CREATE TABLE audit_log (
        id                  bigserial PRIMARY KEY,
        occurred_at         timestamptz NOT NULL DEFAULT now(),
        actor_subject       text NOT NULL,
        actor_role          text NOT NULL,
        actor_therapist_id  uuid,
        clinic_id           uuid,
        client_id           uuid,
        record_type         text NOT NULL,
        record_id           uuid,
        action              text NOT NULL,
        correlation_id      text NOT NULL
      )`);
    await queryRunner.query(
      `CREATE INDEX audit_log_client_idx ON audit_log (client_id, occurred_at DESC)`,
    );
    await queryRunner.query(`CREATE INDEX audit_log_time_idx ON audit_log (occurred_at DESC)`);
    await queryRunner.query(
      `CREATE INDEX audit_log_clinic_idx ON audit_log (clinic_id, occurred_at DESC)`,
    );
    await queryRunner.query(`
      CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only: rows cannot be changed or deleted'
          USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
        FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`);
    await queryRunner.query(`
      CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
        FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()`);

    // Roles are cluster-wide: several databases (test databases, replicas migrating at once)
    // may race to create it, so an existing role is fine.
    await queryRunner.query(`
      DO $$
      BEGIN
        CREATE ROLE ${CLIENT_RECORD_APP_ROLE} NOLOGIN;
      EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
      END $$`);
    // The login must be able to assume the role (a superuser already can).
    await queryRunner.query(`
      DO $$
      BEGIN
        IF NOT pg_has_role(current_user, '${CLIENT_RECORD_APP_ROLE}', 'MEMBER') THEN
          EXECUTE format('GRANT ${CLIENT_RECORD_APP_ROLE} TO %I', current_user);
        END IF;
      END $$`);
    await queryRunner.query(`GRANT USAGE ON SCHEMA public TO ${CLIENT_RECORD_APP_ROLE}`);
    await queryRunner.query(
      `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${CLIENT_RECORD_APP_ROLE}`,
    );
    await queryRunner.query(
      `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${CLIENT_RECORD_APP_ROLE}`,
    );
    await queryRunner.query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${CLIENT_RECORD_APP_ROLE}`,
    );
    await queryRunner.query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${CLIENT_RECORD_APP_ROLE}`,
    );
    await queryRunner.query(
      `REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM ${CLIENT_RECORD_APP_ROLE}`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON TABLES FROM ${CLIENT_RECORD_APP_ROLE}`,
    );
    await queryRunner.query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON SEQUENCES FROM ${CLIENT_RECORD_APP_ROLE}`,
    );
    await queryRunner.query(`DROP TABLE audit_log`);
    await queryRunner.query(`DROP FUNCTION audit_log_append_only()`);
    await queryRunner.query(`DROP TABLE care_relationship`);
    await queryRunner.query(`DROP TABLE client_clinic`);
    await queryRunner.query(`DROP TABLE client`);
  }
}
