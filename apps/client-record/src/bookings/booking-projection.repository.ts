import { Injectable } from '@nestjs/common';
import type { BookingState } from '@app/contracts';
import type { Tx } from '@app/database';
import { BookingProjectionEntity } from './booking-projection.entity';

/** What other contexts need to know of a booking: where and when it takes place. */
export interface BookingFacts {
  readonly bookingId: string;
  readonly clientId: string;
  readonly therapistId: string;
  readonly clinicId: string;
  readonly startsAt: Date;
  /** Clinic-local date of the start, YYYY-MM-DD. */
  readonly localDate: string;
  readonly status: string;
}

@Injectable()
export class BookingProjectionRepository {
  /**
   * Keeps the latest state of the booking: an event older than the one already applied
   * (out-of-order delivery) changes nothing.
   */
  async apply(tx: Tx, state: BookingState, occurredAt: Date): Promise<void> {
    await tx.query(
      `INSERT INTO booking_projection
         (booking_id, client_id, therapist_id, clinic_id, treatment_id, status, starts_at, ends_at,
          local_start, timezone, last_event_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, now())
       ON CONFLICT (booking_id) DO UPDATE SET
         client_id = EXCLUDED.client_id, therapist_id = EXCLUDED.therapist_id,
         clinic_id = EXCLUDED.clinic_id, treatment_id = EXCLUDED.treatment_id,
         status = EXCLUDED.status, starts_at = EXCLUDED.starts_at, ends_at = EXCLUDED.ends_at,
         local_start = EXCLUDED.local_start, timezone = EXCLUDED.timezone,
         last_event_at = EXCLUDED.last_event_at, updated_at = now()
       WHERE booking_projection.last_event_at <= EXCLUDED.last_event_at`,
      [
        state.bookingId,
        state.clientId,
        state.therapistId,
        state.clinicId,
        state.treatmentId,
        state.status,
        new Date(state.startsAt),
        new Date(state.endsAt),
        state.localStart,
        state.timezone,
        occurredAt,
      ],
    );
  }

  /**
   * Moves only the status of a booking already held (same ordering rule as `apply`); a
   * booking not held stays absent.
   */
  async applyStatus(tx: Tx, bookingId: string, status: string, occurredAt: Date): Promise<void> {
    await tx.query(
      `UPDATE booking_projection SET status = $2, last_event_at = $3, updated_at = now()
        WHERE booking_id = $1 AND last_event_at <= $3`,
      [bookingId, status, occurredAt],
    );
  }

  async find(tx: Tx, bookingId: string): Promise<BookingFacts | undefined> {
    const row = await tx.findOneBy(BookingProjectionEntity, { bookingId });
    if (row === null) {
      return undefined;
    }
    return {
      bookingId: row.bookingId,
      clientId: row.clientId,
      therapistId: row.therapistId,
      clinicId: row.clinicId,
      startsAt: row.startsAt,
      localDate: row.localStart.slice(0, 10),
      status: row.status,
    };
  }

  /** Every booking of the client held here, earliest first. */
  async listByClient(tx: Tx, clientId: string): Promise<BookingProjectionEntity[]> {
    return tx.find(BookingProjectionEntity, {
      where: { clientId },
      order: { startsAt: 'ASC', bookingId: 'ASC' },
    });
  }

  /** The clinic-local date (YYYY-MM-DD) of the client's latest completed booking. */
  async lastCompletedLocalDate(tx: Tx, clientId: string): Promise<string | null> {
    const rows = await tx.query<{ day: string | null }[]>(
      `SELECT max(left(local_start, 10)) AS day FROM booking_projection
        WHERE client_id = $1 AND status = 'completed'`,
      [clientId],
    );
    return rows[0]?.day ?? null;
  }

  async deleteByClient(tx: Tx, clientId: string): Promise<void> {
    await tx.query('DELETE FROM booking_projection WHERE client_id = $1', [clientId]);
  }
}
