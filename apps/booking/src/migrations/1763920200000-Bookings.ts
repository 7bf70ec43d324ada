import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Bookings and idempotency keys.
 *
 * Busy periods (read by availability): a booking occupies its therapist and its room over
 * `[starts_at, blocks_until)` (blocks_until = ends_at + the treatment's buffer after) while
 * `status IN ('held', 'confirmed', 'checked_in')`. Columns to read: therapist_id, room_id,
 * clinic_id, starts_at, blocks_until, status.
 *
 * No double booking is guaranteed by PostgreSQL: two exclusion constraints (btree_gist) on
 * the therapist and on the room over that range and those statuses. A violation is SQLSTATE
 * 23P01 with constraint `booking_therapist_no_overlap` or `booking_room_no_overlap`.
 */
export class Bookings1763920200000 implements MigrationInterface {
  name = 'Bookings1763920200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);
    await queryRunner.query(`
      CREATE TABLE booking (
        id                  uuid PRIMARY KEY,
        clinic_id           uuid NOT NULL,
        client_id           uuid NOT NULL,
        therapist_id        uuid NOT NULL,
        room_id             uuid NOT NULL,
        treatment_id        uuid NOT NULL,
        starts_at           timestamptz NOT NULL,
        ends_at             timestamptz NOT NULL,
        blocks_until        timestamptz NOT NULL,
        status              text NOT NULL CHECK (status IN
                              ('held', 'confirmed', 'checked_in', 'completed', 'cancelled', 'no_show', 'hold_expired')),
        hold_expires_at     timestamptz,
        price_pence         integer NOT NULL CHECK (price_pence >= 0),
        currency            text NOT NULL,
        local_start         text NOT NULL,
        local_end           text NOT NULL,
        timezone            text NOT NULL,
        cancelled_by        text CHECK (cancelled_by IN ('client', 'clinic')),
        cancellation_reason text,
        cancelled_at        timestamptz,
        late_cancellation   boolean,
        late_fee_pence      integer CHECK (late_fee_pence >= 0),
        series_id           uuid,
        created_by_subject  text NOT NULL,
        created_by_role     text NOT NULL,
        confirmed_at        timestamptz,
        checked_in_at       timestamptz,
        completed_at        timestamptz,
        no_show_at          timestamptz,
        version             integer NOT NULL DEFAULT 1,
        created_at          timestamptz NOT NULL DEFAULT now(),
        updated_at          timestamptz NOT NULL DEFAULT now(),
        CHECK (starts_at < ends_at AND ends_at <= blocks_until),
        CONSTRAINT booking_therapist_no_overlap EXCLUDE USING gist
          (therapist_id WITH =, tstzrange(starts_at, blocks_until, '[)') WITH &&)
          WHERE (status IN ('held', 'confirmed', 'checked_in')),
        CONSTRAINT booking_room_no_overlap EXCLUDE USING gist
          (room_id WITH =, tstzrange(starts_at, blocks_until, '[)') WITH &&)
          WHERE (status IN ('held', 'confirmed', 'checked_in'))
      )`);
    await queryRunner.query(
      `CREATE INDEX booking_clinic_starts_idx ON booking (clinic_id, starts_at)`,
    );
    await queryRunner.query(
      `CREATE INDEX booking_therapist_starts_idx ON booking (therapist_id, starts_at)`,
    );
    await queryRunner.query(
      `CREATE INDEX booking_client_starts_idx ON booking (client_id, starts_at)`,
    );
    await queryRunner.query(
      `CREATE INDEX booking_hold_expiry_idx ON booking (hold_expires_at) WHERE status = 'held'`,
    );
    await queryRunner.query(`
      CREATE TABLE idempotency_key (
        caller_subject  text NOT NULL,
        key             text NOT NULL,
        operation       text NOT NULL,
        request_hash    text NOT NULL,
        booking_id      uuid,
        response        jsonb,
        created_at      timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (caller_subject, key)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS idempotency_key`);
    await queryRunner.query(`DROP TABLE IF EXISTS booking`);
  }
}
