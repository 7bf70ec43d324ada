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

/** An open flag of a booking. */
export interface OpenFlag {
  readonly cause: BookingAttentionCause;
  readonly sourceId: string;
}

export interface KnownTimeOff {
  readonly therapistId: string;
  readonly startsAt: Date;
  readonly endsAt: Date;
  readonly status: string;
}

export interface KnownCertification {
  readonly id: string;
  readonly therapistId: string;
  readonly type: string;
  readonly expiresOn: string | null;
  readonly revokedOn: string | null;
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

  /**
   * Opens a flag; false when that booking already has an open flag from this source (the
   * same time off or certification), whatever the cause: a certification that both expires
   * and is revoked flags a booking once, with one booking.needs_reschedule.
   */
  async raise(
    tx: Tx,
    booking: AffectedBooking,
    cause: BookingAttentionCause,
    sourceId: string,
    now: Date,
  ): Promise<boolean> {
    const rows = await tx.query<unknown[]>(
      `INSERT INTO booking_attention (booking_id, cause, source_id, clinic_id, raised_at)
       SELECT $1, $2, $3, $4, $5
        WHERE NOT EXISTS (SELECT 1 FROM booking_attention
                           WHERE booking_id = $1 AND source_id = $3 AND cleared_at IS NULL)
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

  /** One booking, locked; undefined when booking does not know it. */
  async lockBooking(tx: Tx, id: string): Promise<AffectedBooking | undefined> {
    const rows = await tx.query<AffectedBooking[]>(
      `SELECT ${BOOKING_COLUMNS}
         FROM booking b LEFT JOIN treatment t ON t.id = b.treatment_id
        WHERE b.id = $1
        FOR UPDATE OF b`,
      [id],
    );
    return rows[0];
  }

  /** The open flags of one booking. */
  async openFlagsOf(tx: Tx, bookingId: string): Promise<OpenFlag[]> {
    return tx.query<OpenFlag[]>(
      `SELECT cause, source_id AS "sourceId" FROM booking_attention
        WHERE booking_id = $1 AND cleared_at IS NULL
        ORDER BY cause, source_id`,
      [bookingId],
    );
  }

  /** Clears the given open flags of a booking (all of them when `flags` is omitted). */
  async clearFlags(
    tx: Tx,
    bookingId: string,
    now: Date,
    flags?: readonly OpenFlag[],
  ): Promise<void> {
    if (flags === undefined) {
      await tx.query(
        `UPDATE booking_attention SET cleared_at = $2 WHERE booking_id = $1 AND cleared_at IS NULL`,
        [bookingId, now],
      );
      return;
    }
    for (const flag of flags) {
      await tx.query(
        `UPDATE booking_attention SET cleared_at = $4
          WHERE booking_id = $1 AND cause = $2 AND source_id = $3 AND cleared_at IS NULL`,
        [bookingId, flag.cause, flag.sourceId, now],
      );
    }
  }

  /** A time off as booking's projection knows it. */
  async timeOff(tx: Tx, id: string): Promise<KnownTimeOff | undefined> {
    const rows = await tx.query<KnownTimeOff[]>(
      `SELECT therapist_id AS "therapistId", starts_at AS "startsAt", ends_at AS "endsAt", status
         FROM time_off_projection WHERE id = $1`,
      [id],
    );
    return rows[0];
  }

  /** A certification as booking's projection knows it. */
  async certification(tx: Tx, id: string): Promise<KnownCertification | undefined> {
    const rows = await tx.query<KnownCertification[]>(
      `SELECT id, therapist_id AS "therapistId", type,
              to_char(expires_on, 'YYYY-MM-DD') AS "expiresOn",
              to_char(revoked_on, 'YYYY-MM-DD') AS "revokedOn"
         FROM certification_projection WHERE id = $1`,
      [id],
    );
    return rows[0];
  }

  /**
   * Records the erasure in booking's projection now (insert-or-ignore; the projection
   * consumer group does the same, whichever comes first), so every booking placed after this
   * transaction is refused with CLIENT_ERASED, and drops what the projection held on the
   * client beyond that record (eligibility, care plans), as the projection does.
   */
  async recordErasure(
    tx: Tx,
    erasure: {
      clientId: string;
      clinicIds: readonly string[];
      erasedAt: string;
      retentionUntil: string;
      eventId: string;
    },
  ): Promise<void> {
    await tx.query(
      `INSERT INTO client_erasure_projection
         (client_id, clinic_ids, erased_at, retention_until, last_event_id)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (client_id) DO NOTHING`,
      [
        erasure.clientId,
        [...erasure.clinicIds],
        erasure.erasedAt,
        erasure.retentionUntil,
        erasure.eventId,
      ],
    );
    await tx.query(`DELETE FROM client_eligibility_projection WHERE client_id = $1`, [
      erasure.clientId,
    ]);
    await tx.query(`DELETE FROM care_plan_projection WHERE client_id = $1`, [erasure.clientId]);
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
   * replaces the client everywhere in booking's database by `pseudonym`: bookings, series
   * (care plan link dropped), waitlist entries (open ones closed as `left`), idempotency rows
   * (stored response, request hash), and the envelopes of booking's outbox rows, published
   * or not (unpublished ones are still delivered, with the pseudonym). The client's own
   * login subject (what they booked or joined the waitlist with themselves) becomes
   * `erased-client:<pseudonym>` wherever booking stored it.
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
    const subjects = await this.clientSubjects(tx, clientId);
    const pseudonymousSubject = `erased-client:${pseudonym}`;
    // Rows that held the client's login subject get the pseudonymous one; $1/$2 are text.
    const subject = (column: string): string =>
      `CASE WHEN ${column} = ANY ($3::text[]) AND created_by_role = 'client' THEN $4
            ELSE replace(${column}, $1::text, $2::text) END`;
    const ids = [clientId, pseudonym, subjects, pseudonymousSubject];

    // Idempotency rows first: they are found through the bookings' and series' ids. The
    // request hash (sha256 of a request naming the client) could be matched against
    // candidate ids, so it goes; a replay of such a key is refused as a different request.
    await tx.query(
      `UPDATE idempotency_key
          SET response = replace(response::text, $1::text, $2::text)::jsonb,
              caller_subject = CASE WHEN caller_subject = ANY ($3::text[]) THEN $4
                                    ELSE replace(caller_subject, $1::text, $2::text) END,
              request_hash = 'erased'
        WHERE booking_id IN (SELECT id FROM booking WHERE client_id = $1::text::uuid)
           OR response->>'seriesId' IN (SELECT id::text FROM booking_series WHERE client_id = $1::text::uuid)
           OR caller_subject = ANY ($3::text[])
           OR caller_subject = $1::text
           OR strpos(response::text, $1::text) > 0`,
      ids,
    );
    await tx.query(
      `UPDATE booking
          SET client_id = $2::text::uuid, created_by_subject = ${subject('created_by_subject')},
              version = version + 1, updated_at = $5
        WHERE client_id = $1::text::uuid`,
      [...ids, now],
    );
    await tx.query(
      `UPDATE booking_series
          SET client_id = $2::text::uuid, care_plan_id = NULL,
              created_by_subject = ${subject('created_by_subject')}, updated_at = $5
        WHERE client_id = $1::text::uuid`,
      [...ids, now],
    );
    await tx.query(
      `UPDATE waitlist_entry
          SET client_id = $2::text::uuid, created_by_subject = ${subject('created_by_subject')},
              status = CASE WHEN status IN ('waiting', 'offered') THEN 'left' ELSE status END,
              closed_at = CASE WHEN status IN ('waiting', 'offered') THEN $5 ELSE closed_at END,
              version = version + 1
        WHERE client_id = $1::text::uuid`,
      [...ids, now],
    );
    // Outbox: the client id in the event data, and the client as the event's actor.
    await tx.query(
      `UPDATE outbox SET envelope = jsonb_set(envelope, '{data,clientId}', to_jsonb($2::text))
        WHERE envelope->'data'->>'clientId' = $1::text`,
      [clientId, pseudonym],
    );
    if (subjects.length > 0) {
      await tx.query(
        `UPDATE outbox SET envelope = jsonb_set(envelope, '{actor,id}', to_jsonb($2::text))
          WHERE envelope->'actor'->>'id' = ANY ($1::text[])
            AND envelope->'actor'->>'role' = 'client'`,
        [subjects, pseudonymousSubject],
      );
    }
    // Anywhere else in an envelope (a uuid needs no JSON escaping, so text replace is exact).
    await tx.query(
      `UPDATE outbox SET envelope = replace(envelope::text, $1::text, $2::text)::jsonb
        WHERE strpos(envelope::text, $1::text) > 0`,
      [clientId, pseudonym],
    );
  }

  /** The login subjects the client used themselves (rows they created with role client). */
  private async clientSubjects(tx: Tx, clientId: string): Promise<string[]> {
    const rows = await tx.query<{ subject: string }[]>(
      `SELECT DISTINCT subject FROM (
         SELECT created_by_subject AS subject FROM booking
          WHERE client_id = $1::text::uuid AND created_by_role = 'client'
         UNION
         SELECT created_by_subject FROM waitlist_entry
          WHERE client_id = $1::text::uuid AND created_by_role = 'client'
         UNION
         SELECT created_by_subject FROM booking_series
          WHERE client_id = $1::text::uuid AND created_by_role = 'client'
         UNION
         SELECT envelope->'actor'->>'id' FROM outbox
          WHERE envelope->'data'->>'clientId' = $1::text AND envelope->'actor'->>'role' = 'client'
       ) s WHERE subject IS NOT NULL`,
      [clientId],
    );
    return rows.map((row) => row.subject);
  }
}
