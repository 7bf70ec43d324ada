import { Injectable } from '@nestjs/common';
import type { EligibilityStatusValue } from '@app/contracts';
import type { Tx } from '@app/database';
import type { AvailabilityCertification } from '../availability/domain/availability-query';

export interface ClinicFacts {
  readonly id: string;
  readonly timezone: string;
  readonly status: string;
}

export interface TherapistFacts {
  readonly id: string;
  readonly clinicIds: readonly string[];
  readonly status: string;
  readonly leftOn: string | null;
}

/** What a booking reads of booking's projections (clinics, rooms, therapists, clients). */
@Injectable()
export class BookingInputsRepository {
  async clinic(tx: Tx, id: string): Promise<ClinicFacts | undefined> {
    const rows = await tx.query<ClinicFacts[]>(
      `SELECT id, timezone, status FROM clinic_projection WHERE id = $1`,
      [id],
    );
    return rows[0];
  }

  /** The clinic's active rooms, by id. */
  async activeRooms(tx: Tx, clinicId: string): Promise<string[]> {
    const rows = await tx.query<{ room_id: string }[]>(
      `SELECT room_id FROM clinic_room_projection
        WHERE clinic_id = $1 AND status = 'active' ORDER BY room_id`,
      [clinicId],
    );
    return rows.map((row) => row.room_id);
  }

  async therapist(tx: Tx, id: string): Promise<TherapistFacts | undefined> {
    const rows = await tx.query<
      { id: string; clinic_ids: string[]; status: string; left_on: string | null }[]
    >(`SELECT id, clinic_ids, status, left_on::text FROM therapist_projection WHERE id = $1`, [id]);
    const row = rows[0];
    return row === undefined
      ? undefined
      : { id: row.id, clinicIds: row.clinic_ids, status: row.status, leftOn: row.left_on };
  }

  async certifications(tx: Tx, therapistId: string): Promise<AvailabilityCertification[]> {
    const rows = await tx.query<
      {
        type: string;
        issued_on: string;
        expires_on: string | null;
        revoked_on: string | null;
        verified: boolean;
      }[]
    >(
      `SELECT type, issued_on::text, expires_on::text, revoked_on::text, verified
         FROM certification_projection WHERE therapist_id = $1`,
      [therapistId],
    );
    return rows.map((row) => ({
      type: row.type,
      issuedOn: row.issued_on,
      expiresOn: row.expires_on,
      revokedOn: row.revoked_on,
      verified: row.verified,
    }));
  }

  async eligibility(
    tx: Tx,
    clientId: string,
  ): Promise<{ status: EligibilityStatusValue; validUntil: string } | undefined> {
    const rows = await tx.query<{ status: EligibilityStatusValue; valid_until: string }[]>(
      `SELECT status, valid_until::text FROM client_eligibility_projection WHERE client_id = $1`,
      [clientId],
    );
    const row = rows[0];
    return row === undefined ? undefined : { status: row.status, validUntil: row.valid_until };
  }

  async isErased(tx: Tx, clientId: string): Promise<boolean> {
    const rows = await tx.query<unknown[]>(
      `SELECT 1 FROM client_erasure_projection WHERE client_id = $1`,
      [clientId],
    );
    return rows.length > 0;
  }

  /** Active bookings of the therapist or in the room overlapping [from, until), except one. */
  async overlapping(
    tx: Tx,
    therapistId: string,
    roomId: string | null,
    from: Date,
    until: Date,
    exceptBookingId: string | null,
  ): Promise<{ id: string; therapist_id: string; room_id: string }[]> {
    return tx.query(
      `SELECT id, therapist_id, room_id FROM booking
        WHERE status IN ('held', 'confirmed', 'checked_in')
          AND (therapist_id = $1 OR room_id = $2)
          AND tstzrange(starts_at, blocks_until, '[)') && tstzrange($3, $4, '[)')
          AND ($5::uuid IS NULL OR id <> $5::uuid)`,
      [therapistId, roomId, from, until, exceptBookingId],
    );
  }
}
