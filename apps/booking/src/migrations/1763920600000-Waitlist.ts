import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The waitlist: a client waiting for a treatment at a clinic within a window of
 * clinic-local dates (at most 31 days), optionally with one therapist. One open entry
 * (waiting or offered) per client, clinic and treatment. An offer is a held booking.
 */
export class Waitlist1763920600000 implements MigrationInterface {
  name = 'Waitlist1763920600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE waitlist_entry (
        id                 uuid PRIMARY KEY,
        clinic_id          uuid NOT NULL,
        client_id          uuid NOT NULL,
        treatment_id       uuid NOT NULL,
        therapist_id       uuid NULL,
        from_date          date NOT NULL,
        to_date            date NOT NULL,
        status             text NOT NULL
          CONSTRAINT waitlist_entry_status_check
          CHECK (status IN ('waiting', 'offered', 'booked', 'offer_expired', 'offer_declined', 'left')),
        joined_at          timestamptz NOT NULL,
        booking_id         uuid NULL,
        offered_at         timestamptz NULL,
        offer_expires_at   timestamptz NULL,
        closed_at          timestamptz NULL,
        created_by_subject text NOT NULL,
        created_by_role    text NOT NULL,
        version            integer NOT NULL DEFAULT 1,
        CONSTRAINT waitlist_entry_window CHECK (from_date <= to_date AND to_date - from_date <= 30),
        CONSTRAINT waitlist_entry_offer CHECK (status <> 'offered' OR booking_id IS NOT NULL)
      )`);
    await queryRunner.query(`
      CREATE UNIQUE INDEX waitlist_entry_one_open
        ON waitlist_entry (client_id, clinic_id, treatment_id)
        WHERE status IN ('waiting', 'offered')`);
    await queryRunner.query(`
      CREATE INDEX waitlist_entry_waiting_fifo
        ON waitlist_entry (clinic_id, joined_at, id) WHERE status = 'waiting'`);
    await queryRunner.query(`
      CREATE INDEX waitlist_entry_booking ON waitlist_entry (booking_id) WHERE booking_id IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX waitlist_entry_client ON waitlist_entry (client_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS waitlist_entry`);
  }
}
