import { Injectable } from '@nestjs/common';
import type { Tx } from '@app/database';
import type { WaitlistEntry, WaitlistStatus } from './domain/waitlist-entry';

interface EntryRow {
  id: string;
  clinic_id: string;
  client_id: string;
  treatment_id: string;
  therapist_id: string | null;
  from_date: string;
  to_date: string;
  status: WaitlistStatus;
  joined_at: Date;
  booking_id: string | null;
  offered_at: Date | null;
  offer_expires_at: Date | null;
  closed_at: Date | null;
  created_by_subject: string;
  created_by_role: string;
  version: number;
}

const COLUMNS = `id, clinic_id, client_id, treatment_id, therapist_id, from_date::text AS from_date,
  to_date::text AS to_date, status, joined_at, booking_id, offered_at, offer_expires_at,
  closed_at, created_by_subject, created_by_role, version`;

function entryOf(row: EntryRow): WaitlistEntry {
  return {
    id: row.id,
    clinicId: row.clinic_id,
    clientId: row.client_id,
    treatmentId: row.treatment_id,
    therapistId: row.therapist_id,
    fromDate: row.from_date,
    toDate: row.to_date,
    status: row.status,
    joinedAt: new Date(row.joined_at),
    bookingId: row.booking_id,
    offeredAt: row.offered_at === null ? null : new Date(row.offered_at),
    offerExpiresAt: row.offer_expires_at === null ? null : new Date(row.offer_expires_at),
    closedAt: row.closed_at === null ? null : new Date(row.closed_at),
    createdBySubject: row.created_by_subject,
    createdByRole: row.created_by_role,
    version: row.version,
  };
}

/** Waiting entries locked per page by lockWaitingFor. */
export const WAITING_PAGE_SIZE = 50;

/** waitlist_entry rows; every write inside the caller's transaction. */
@Injectable()
export class WaitlistRepository {
  /** Inserts the entry; false when the client already has an open one for the treatment. */
  async insert(tx: Tx, entry: WaitlistEntry): Promise<boolean> {
    const rows = await tx.query<unknown[]>(
      `INSERT INTO waitlist_entry (id, clinic_id, client_id, treatment_id, therapist_id, from_date,
         to_date, status, joined_at, booking_id, offered_at, offer_expires_at, closed_at,
         created_by_subject, created_by_role, version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
       ON CONFLICT (client_id, clinic_id, treatment_id) WHERE status IN ('waiting', 'offered')
       DO NOTHING RETURNING id`,
      [
        entry.id,
        entry.clinicId,
        entry.clientId,
        entry.treatmentId,
        entry.therapistId,
        entry.fromDate,
        entry.toDate,
        entry.status,
        entry.joinedAt,
        entry.bookingId,
        entry.offeredAt,
        entry.offerExpiresAt,
        entry.closedAt,
        entry.createdBySubject,
        entry.createdByRole,
        entry.version,
      ],
    );
    return rows.length === 1;
  }

  async update(tx: Tx, entry: WaitlistEntry): Promise<WaitlistEntry> {
    // TypeORM returns [rows, affected] for an UPDATE ... RETURNING on PostgreSQL.
    const [rows] = await tx.query<[EntryRow[], number]>(
      `UPDATE waitlist_entry SET status = $2, booking_id = $3, offered_at = $4,
         offer_expires_at = $5, closed_at = $6, version = version + 1
       WHERE id = $1 RETURNING ${COLUMNS}`,
      [
        entry.id,
        entry.status,
        entry.bookingId,
        entry.offeredAt,
        entry.offerExpiresAt,
        entry.closedAt,
      ],
    );
    return entryOf(rows[0]);
  }

  async findById(tx: Tx, id: string): Promise<WaitlistEntry | undefined> {
    const rows = await tx.query<EntryRow[]>(`SELECT ${COLUMNS} FROM waitlist_entry WHERE id = $1`, [
      id,
    ]);
    return rows[0] === undefined ? undefined : entryOf(rows[0]);
  }

  async lockById(tx: Tx, id: string): Promise<WaitlistEntry | undefined> {
    const rows = await tx.query<EntryRow[]>(
      `SELECT ${COLUMNS} FROM waitlist_entry WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return rows[0] === undefined ? undefined : entryOf(rows[0]);
  }

  /** The offered entry whose offer is `bookingId`, locked. */
  async lockOfferedByBooking(tx: Tx, bookingId: string): Promise<WaitlistEntry | undefined> {
    const rows = await tx.query<EntryRow[]>(
      `SELECT ${COLUMNS} FROM waitlist_entry WHERE booking_id = $1 AND status = 'offered'
        FOR UPDATE`,
      [bookingId],
    );
    return rows[0] === undefined ? undefined : entryOf(rows[0]);
  }

  /**
   * One page of the waiting entries that could take a freed slot at `clinicId` on
   * `localDate` (therapist matched), first joined first, after the cursor `after` (the last
   * entry of the previous page), locked with SKIP LOCKED: an entry another freed slot is
   * being offered to right now is left to that offer. Page on until a page comes back short,
   * so entries behind many that do not fit still get their turn.
   */
  async lockWaitingFor(
    tx: Tx,
    clinicId: string,
    localDate: string,
    therapistId: string,
    after?: Pick<WaitlistEntry, 'joinedAt' | 'id'>,
    limit = WAITING_PAGE_SIZE,
  ): Promise<WaitlistEntry[]> {
    const rows = await tx.query<EntryRow[]>(
      `SELECT ${COLUMNS} FROM waitlist_entry
        WHERE clinic_id = $1 AND status = 'waiting'
          AND from_date <= $2::date AND to_date >= $2::date
          AND (therapist_id IS NULL OR therapist_id = $3)
          AND ($4::timestamptz IS NULL OR (joined_at, id) > ($4::timestamptz, $5::uuid))
        ORDER BY joined_at, id
        LIMIT $6
        FOR UPDATE SKIP LOCKED`,
      [clinicId, localDate, therapistId, after?.joinedAt ?? null, after?.id ?? null, limit],
    );
    return rows.map(entryOf);
  }

  /** A clinic's entries in the given statuses, first joined first. */
  async listForClinic(
    clinicId: string,
    statuses: readonly WaitlistStatus[],
    tx: Tx,
  ): Promise<WaitlistEntry[]> {
    const rows = await tx.query<EntryRow[]>(
      `SELECT ${COLUMNS} FROM waitlist_entry
        WHERE clinic_id = $1 AND status = ANY($2::text[])
        ORDER BY joined_at, id`,
      [clinicId, [...statuses]],
    );
    return rows.map(entryOf);
  }

  /** Takes the waitlist expiry job's advisory lock for the transaction; false: another replica has it. */
  async tryLockExpiryJob(tx: Tx): Promise<boolean> {
    const rows = await tx.query<{ locked: boolean }[]>(
      `SELECT pg_try_advisory_xact_lock(hashtextextended('booking-waitlist-expiry', 0)) AS locked`,
    );
    return rows[0]?.locked === true;
  }

  /**
   * Waiting entries whose last date is before `beforeDate`, earliest first, each with its
   * clinic's timezone (the caller decides, per clinic, whether the window has passed).
   */
  async waitingEndingBefore(
    tx: Tx,
    beforeDate: string,
    limit: number,
  ): Promise<{ id: string; toDate: string; timezone: string }[]> {
    const rows = await tx.query<{ id: string; to_date: string; timezone: string }[]>(
      `SELECT w.id, w.to_date::text AS to_date, c.timezone
         FROM waitlist_entry w JOIN clinic_projection c ON c.id = w.clinic_id
        WHERE w.status = 'waiting' AND w.to_date < $1::date
        ORDER BY w.to_date, w.id
        LIMIT $2`,
      [beforeDate, limit],
    );
    return rows.map((row) => ({ id: row.id, toDate: row.to_date, timezone: row.timezone }));
  }

  /** The entry locked, or undefined when missing or locked by another transaction right now. */
  async lockSkipLocked(tx: Tx, id: string): Promise<WaitlistEntry | undefined> {
    const rows = await tx.query<EntryRow[]>(
      `SELECT ${COLUMNS} FROM waitlist_entry WHERE id = $1 FOR UPDATE SKIP LOCKED`,
      [id],
    );
    return rows[0] === undefined ? undefined : entryOf(rows[0]);
  }

  async listForClient(clientId: string, tx: Tx): Promise<WaitlistEntry[]> {
    const rows = await tx.query<EntryRow[]>(
      `SELECT ${COLUMNS} FROM waitlist_entry WHERE client_id = $1 ORDER BY joined_at DESC, id`,
      [clientId],
    );
    return rows.map(entryOf);
  }
}
