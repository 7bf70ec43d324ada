import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Bookings that need the clinic's attention because of another service's event (time off
 * approved over them, a certification they need expired or was revoked). One row per
 * booking, cause and source (the time off or certification id), so a cancelled time off
 * clears exactly what it raised. cleared_at is set when the cause went away; rows are kept
 * as history. Read by bookingsNeedingAttention (open rows of future active bookings).
 */
export class BookingAttention1763920700000 implements MigrationInterface {
  name = 'BookingAttention1763920700000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE booking_attention (
        booking_id  uuid NOT NULL REFERENCES booking (id) ON DELETE CASCADE,
        cause       text NOT NULL CHECK (cause IN
                      ('therapist_time_off', 'certification_expired', 'certification_revoked')),
        source_id   uuid NOT NULL,
        clinic_id   uuid NOT NULL,
        raised_at   timestamptz NOT NULL,
        cleared_at  timestamptz,
        PRIMARY KEY (booking_id, cause, source_id)
      )`);
    await queryRunner.query(
      `CREATE INDEX booking_attention_open_idx ON booking_attention (clinic_id, raised_at)
       WHERE cleared_at IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX booking_attention_source_idx ON booking_attention (source_id)
       WHERE cleared_at IS NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS booking_attention`);
  }
}
