import { Injectable } from '@nestjs/common';
import type { Tx } from '@app/database';
import type { BookingAttentionCause } from '@app/contracts';
import type { CertificationCover } from './domain/attention-rules';

/** A booking as the reactions read it (plain SQL over the booking table). */
export interface AffectedBooking {
  readonly id: string;
  readonly clinicId: string;
  readonly clientId: string;
  readonly therapistId: string;
  readonly treatmentId: string;
  readonly roomId: string;
  readonly status: string;
  readonly startsAt: Date;
  readonly endsAt: Date;
  readonly localStart: string;
  readonly localEnd: string;
  readonly timezone: string;
  readonly requiredCertifications: readonly string[];
}

export interface OpenAttention {
  readonly booking: AffectedBooking;
  readonly cause: BookingAttentionCause;
  readonly raisedAt: Date;
}

const BOOKING_COLUMNS = `
  b.id, b.clinic_id AS "clinicId", b.client_id AS "clientId", b.therapist_id AS "therapistId",
  b.treatment_id AS "treatmentId", b.room_id AS "roomId", b.status, b.starts_at AS "startsAt",
  b.ends_at AS "endsAt", b.local_start AS "localStart", b.local_end AS "localEnd", b.timezone,
  COALESCE(t.required_certifications, '{}') AS "requiredCertifications"`;

const ACTIVE = `b.status IN ('held', 'confirmed', 'checked_in')`;

@Injectable()
export class ReactionsRepository {
  /** Future active bookings of a therapist (any clinic) overlapping [from, to), locked. */
  async lockTherapistBookingsOverlapping(
    tx: Tx,
    therapistId: string,
    from: Date,
    to: Date,
    now: Date,
  ): Promise<AffectedBooking[]> {
    return tx.query<AffectedBooking[]>(
      `SELECT ${BOOKING_COLUMNS}
         FROM booking b LEFT JOIN treatment t ON t.id = b.treatment_id
        WHERE b.therapist_id = $1 AND ${ACTIVE} AND b.starts_at > $4
          AND b.starts_at < $3 AND b.ends_at > $2
        ORDER BY b.starts_at
        FOR UPDATE OF b`,
      [therapistId, from, to, now],
    );
  }

  /** Future active bookings of a therapist whose treatment needs `type`, locked. */
  async lockTherapistBookingsNeeding(
    tx: Tx,
    therapistId: string,
    type: string,
    now: Date,
  ): Promise<AffectedBooking[]> {
    return tx.query<AffectedBooking[]>(
      `SELECT ${BOOKING_COLUMNS}
         FROM booking b JOIN treatment t ON t.id = b.treatment_id
        WHERE b.therapist_id = $1 AND ${ACTIVE} AND b.starts_at > $3
          AND $2 = ANY (t.required_certifications)
        ORDER BY b.starts_at
        FOR UPDATE OF b`,
      [therapistId, type, now],
    );
  }

  /** The therapist's other certifications of `type` (booking's projection). */
  async otherCertifications(
    tx: Tx,
    therapistId: string,
    type: string,
    exceptId: string,
  ): Promise<CertificationCover[]> {
    return tx.query<CertificationCover[]>(
      `SELECT type, to_char(issued_on, 'YYYY-MM-DD') AS "issuedOn",
              to_char(expires_on, 'YYYY-MM-DD') AS "expiresOn",
              to_char(revoked_on, 'YYYY-MM-DD') AS "revokedOn", verified
         FROM certification_projection
        WHERE therapist_id = $1 AND type = $2 AND id <> $3`,
      [therapistId, type, exceptId],
    );
  }

  /** Opens a flag; false when that booking already has it for this cause and source. */
  async raise(
    tx: Tx,
    booking: AffectedBooking,
    cause: BookingAttentionCause,
    sourceId: string,
    now: Date,
  ): Promise<boolean> {
    const rows = await tx.query<unknown[]>(
      `INSERT INTO booking_attention (booking_id, cause, source_id, clinic_id, raised_at)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (booking_id, cause, source_id) DO UPDATE
         SET raised_at = EXCLUDED.raised_at, cleared_at = NULL
         WHERE booking_attention.cleared_at IS NOT NULL
       RETURNING booking_id`,
      [booking.id, cause, sourceId, booking.clinicId, now],
    );
    return rows.length > 0;
  }

  /** Clears the open flags a source raised; returns the bookings that were flagged. */
  async clearBySource(
    tx: Tx,
    cause: BookingAttentionCause,
    sourceId: string,
    now: Date,
  ): Promise<AffectedBooking[]> {
    return tx.query<AffectedBooking[]>(
      `WITH cleared AS (
         UPDATE booking_attention SET cleared_at = $3
          WHERE cause = $1 AND source_id = $2 AND cleared_at IS NULL
          RETURNING booking_id)
       SELECT ${BOOKING_COLUMNS}
         FROM cleared c JOIN booking b ON b.id = c.booking_id
         LEFT JOIN treatment t ON t.id = b.treatment_id
        ORDER BY b.starts_at`,
      [cause, sourceId, now],
    );
  }

  /** Open flags of future active bookings at a clinic (optionally one therapist's), soonest first. */
  async openAttention(
    tx: Tx,
    clinicId: string,
    now: Date,
    therapistId?: string,
  ): Promise<OpenAttention[]> {
    const rows = await tx.query<
      (AffectedBooking & { cause: BookingAttentionCause; raisedAt: Date })[]
    >(
      `SELECT ${BOOKING_COLUMNS}, a.cause, a.raised_at AS "raisedAt"
         FROM booking_attention a JOIN booking b ON b.id = a.booking_id
         LEFT JOIN treatment t ON t.id = b.treatment_id
        WHERE a.clinic_id = $1 AND a.cleared_at IS NULL AND b.clinic_id = $1
          AND ${ACTIVE} AND b.starts_at > $2 AND ($3::uuid IS NULL OR b.therapist_id = $3)
        ORDER BY b.starts_at, a.cause, a.raised_at`,
      [clinicId, now, therapistId ?? null],
    );
    return rows.map(({ cause, raisedAt, ...booking }) => ({ booking, cause, raisedAt }));
  }

  /** Every booking of a client, locked. */
  async lockClientBookings(tx: Tx, clientId: string): Promise<AffectedBooking[]> {
    return tx.query<AffectedBooking[]>(
      `SELECT ${BOOKING_COLUMNS}
         FROM booking b LEFT JOIN treatment t ON t.id = b.treatment_id
        WHERE b.client_id = $1
        ORDER BY b.starts_at
        FOR UPDATE OF b`,
      [clientId],
    );
  }

  /**
   * Cancels future active bookings of an erased client as the clinic (no late fee), then
   * replaces the client id by `pseudonym` in all their bookings and idempotency rows.
   */
  async pseudonymise(
    tx: Tx,
    clientId: string,
    pseudonym: string,
    cancelIds: readonly string[],
    now: Date,
  ): Promise<void> {
    if (cancelIds.length > 0) {
      await tx.query(
        `UPDATE booking
            SET status = 'cancelled', cancelled_by = 'clinic', cancellation_reason = 'other',
                cancelled_at = $2, late_cancellation = false, late_fee_pence = NULL,
                hold_expires_at = NULL, version = version + 1, updated_at = $2
          WHERE id = ANY ($1)`,
        [cancelIds, now],
      );
    }
    // Idempotency rows first: they are found through the bookings' ids and their stored
    // responses carry the client id as text. ($1/$2: text, $3/$4: the same as uuid.)
    const params = [clientId, pseudonym, clientId, pseudonym];
    await tx.query(
      `UPDATE idempotency_key
          SET response = replace(response::text, $1::text, $2::text)::jsonb,
              caller_subject = replace(caller_subject, $1::text, $2::text)
        WHERE booking_id IN (SELECT id FROM booking WHERE client_id = $3::uuid)
           OR caller_subject = $1::text
           OR strpos(response::text, $1::text) > 0`,
      params.slice(0, 3),
    );
    await tx.query(
      `UPDATE booking
          SET client_id = $4::uuid,
              created_by_subject = replace(created_by_subject, $1::text, $2::text),
              version = version + 1, updated_at = $5
        WHERE client_id = $3::uuid`,
      [...params, now],
    );
  }
}
