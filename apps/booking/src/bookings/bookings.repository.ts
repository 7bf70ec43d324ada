import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, QueryFailedError } from 'typeorm';
import type { Tx } from '@app/database';
import { BookingEntity } from './booking.entity';
import { BookingError, BookingErrorCode } from './bookings.errors';
import type { Booking } from './domain/booking';
import { IdempotencyKeyEntity } from './idempotency-key.entity';

export const EXCLUSION_VIOLATION = '23P01';
export const THERAPIST_OVERLAP = 'booking_therapist_no_overlap';
export const ROOM_OVERLAP = 'booking_room_no_overlap';
/** The most bookings one diary or booking list returns; more is DIARY_TOO_LARGE, never cut. */
export const DIARY_MAX_BOOKINGS = 1000;

/** Which exclusion constraint a failed write broke, if any. */
export function overlapOf(error: unknown): 'therapist' | 'room' | undefined {
  if (!(error instanceof QueryFailedError)) {
    return undefined;
  }
  const driverError = error.driverError as { code?: string; constraint?: string };
  if (driverError.code !== EXCLUSION_VIOLATION) {
    return undefined;
  }
  return driverError.constraint === ROOM_OVERLAP ? 'room' : 'therapist';
}

export interface StoredIdempotencyKey {
  readonly operation: string;
  readonly requestHash: string;
  readonly bookingId: string | null;
}

export interface DiaryQuery {
  readonly clinicIds?: readonly string[];
  readonly therapistId?: string;
  readonly clientId?: string;
  readonly from?: Date;
  readonly to?: Date;
}

@Injectable()
export class BookingsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(tx: Tx, booking: Booking): Promise<void> {
    await tx.insert(BookingEntity, { ...booking });
  }

  /** Writes every field of `booking` and bumps its version. */
  async update(tx: Tx, booking: Booking): Promise<Booking> {
    const { id, ...fields } = booking;
    const next = { ...fields, version: booking.version + 1 };
    await tx.update(BookingEntity, { id }, next);
    return { ...booking, version: next.version };
  }

  async lockById(tx: Tx, id: string): Promise<Booking | undefined> {
    const row = await tx.findOne(BookingEntity, {
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
    return row ?? undefined;
  }

  async findById(id: string): Promise<Booking | undefined> {
    return (await this.dataSource.manager.findOneBy(BookingEntity, { id })) ?? undefined;
  }

  /**
   * The bookings matching `query`, in start order: all of them, or DIARY_TOO_LARGE when more
   * than `max` match (a diary is never silently cut short).
   */
  async list(query: DiaryQuery, max = DIARY_MAX_BOOKINGS): Promise<Booking[]> {
    const qb = this.dataSource.manager
      .createQueryBuilder(BookingEntity, 'b')
      .orderBy('b.starts_at', 'ASC')
      .addOrderBy('b.id', 'ASC')
      .limit(max + 1);
    if (query.clinicIds !== undefined) {
      qb.andWhere('b.clinic_id = ANY(:clinicIds)', { clinicIds: [...query.clinicIds] });
    }
    if (query.therapistId !== undefined) {
      qb.andWhere('b.therapist_id = :therapistId', { therapistId: query.therapistId });
    }
    if (query.clientId !== undefined) {
      qb.andWhere('b.client_id = :clientId', { clientId: query.clientId });
    }
    if (query.from !== undefined) {
      qb.andWhere('b.ends_at > :from', { from: query.from });
    }
    if (query.to !== undefined) {
      qb.andWhere('b.starts_at < :to', { to: query.to });
    }
    const rows = await qb.getMany();
    if (rows.length > max) {
      const ranged = query.from !== undefined || query.to !== undefined;
      throw new BookingError(
        BookingErrorCode.DiaryTooLarge,
        ranged
          ? `more than ${max} bookings fall in this range; ask for a shorter from–to range (e.g. one week) and page through it`
          : `more than ${max} bookings match; ask for a therapist's or clinic's diary over a date range instead`,
        { max },
      );
    }
    return rows;
  }

  /**
   * Claims the key for this caller, or returns the stored one when it exists (a concurrent
   * claim of the same key waits here until the first transaction ends).
   */
  async claimKey(
    tx: Tx,
    subject: string,
    key: string,
    operation: string,
    requestHash: string,
  ): Promise<StoredIdempotencyKey | undefined> {
    const inserted = await tx.query<unknown[]>(
      `INSERT INTO idempotency_key (caller_subject, key, operation, request_hash)
       VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING key`,
      [subject, key, operation, requestHash],
    );
    if (inserted.length > 0) {
      return undefined;
    }
    const row = await tx.findOneByOrFail(IdempotencyKeyEntity, { callerSubject: subject, key });
    return { operation: row.operation, requestHash: row.requestHash, bookingId: row.bookingId };
  }

  async recordKeyResult(tx: Tx, subject: string, key: string, booking: Booking): Promise<void> {
    await tx.update(
      IdempotencyKeyEntity,
      { callerSubject: subject, key },
      { bookingId: booking.id, response: { bookingId: booking.id, status: booking.status } },
    );
  }

  /** Takes the hold-expiry job's advisory lock for the transaction; false: another replica has it. */
  async tryLockExpiryJob(tx: Tx): Promise<boolean> {
    const rows = await tx.query<{ locked: boolean }[]>(
      `SELECT pg_try_advisory_xact_lock(hashtextextended('booking-hold-expiry', 0)) AS locked`,
    );
    return rows[0]?.locked === true;
  }

  /** Holds due to expire at `now`, oldest first (a catch-up after downtime takes them all). */
  async dueHolds(tx: Tx, now: Date, limit = 500): Promise<string[]> {
    const rows = await tx.query<{ id: string }[]>(
      `SELECT id FROM booking WHERE status = 'held' AND hold_expires_at <= $1
       ORDER BY hold_expires_at, id LIMIT $2`,
      [now, limit],
    );
    return rows.map((row) => row.id);
  }

  /** Locks a hold if no one else has it locked (SKIP LOCKED). */
  async lockHoldSkipLocked(tx: Tx, id: string): Promise<Booking | undefined> {
    const row = await tx.findOne(BookingEntity, {
      where: { id },
      lock: { mode: 'pessimistic_write', onLocked: 'skip_locked' },
    });
    return row ?? undefined;
  }
}
