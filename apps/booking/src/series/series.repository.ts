import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Tx } from '@app/database';
import { BookingEntity } from '../bookings/booking.entity';
import type { Booking } from '../bookings/domain/booking';
import { CarePlanProjectionEntity } from '../projections/clients/care-plan-projection.entity';
import { BookingSeriesEntity } from './booking-series.entity';

export type BookingSeries = BookingSeriesEntity;

export interface StoredSeriesKey {
  readonly operation: string;
  readonly requestHash: string;
  readonly seriesId: string | null;
}

@Injectable()
export class SeriesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(tx: Tx, series: BookingSeries): Promise<void> {
    await tx.insert(BookingSeriesEntity, { ...series });
  }

  async update(tx: Tx, id: string, changes: Partial<BookingSeries>): Promise<void> {
    await tx.update(BookingSeriesEntity, { id }, changes);
  }

  async findById(id: string): Promise<BookingSeries | undefined> {
    return (await this.dataSource.manager.findOneBy(BookingSeriesEntity, { id })) ?? undefined;
  }

  async lockById(tx: Tx, id: string): Promise<BookingSeries | undefined> {
    return (
      (await tx.findOne(BookingSeriesEntity, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      })) ?? undefined
    );
  }

  /** The series' bookings, earliest first. */
  async bookingsOf(seriesId: string, tx?: Tx): Promise<Booking[]> {
    return (tx ?? this.dataSource.manager).find(BookingEntity, {
      where: { seriesId },
      order: { startsAt: 'ASC', id: 'ASC' },
    });
  }

  /** Locks the series' held or confirmed bookings starting after `now`, earliest first. */
  async lockFutureActive(tx: Tx, seriesId: string, now: Date): Promise<Booking[]> {
    const ids = await tx.query<{ id: string }[]>(
      `SELECT id FROM booking WHERE series_id = $1 AND status IN ('held', 'confirmed')
          AND starts_at > $2 ORDER BY starts_at, id FOR UPDATE`,
      [seriesId, now],
    );
    if (ids.length === 0) {
      return [];
    }
    const rows = await tx.find(BookingEntity, { where: ids.map(({ id }) => ({ id })) });
    return rows.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  }

  async clinicTimezone(tx: Tx, clinicId: string): Promise<string | undefined> {
    const rows = await tx.query<{ timezone: string }[]>(
      `SELECT timezone FROM clinic_projection WHERE id = $1`,
      [clinicId],
    );
    return rows[0]?.timezone;
  }

  async carePlan(tx: Tx, id: string): Promise<CarePlanProjectionEntity | undefined> {
    return (await tx.findOneBy(CarePlanProjectionEntity, { id })) ?? undefined;
  }

  /**
   * Claims a caller's idempotency key (the table booking's mutations share, so one key is
   * never used for two different operations), or returns the stored one.
   */
  async claimKey(
    tx: Tx,
    subject: string,
    key: string,
    operation: string,
    requestHash: string,
  ): Promise<StoredSeriesKey | undefined> {
    const inserted = await tx.query<unknown[]>(
      `INSERT INTO idempotency_key (caller_subject, key, operation, request_hash)
       VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING key`,
      [subject, key, operation, requestHash],
    );
    if (inserted.length > 0) {
      return undefined;
    }
    const rows = await tx.query<
      { operation: string; request_hash: string; response: { seriesId?: string } | null }[]
    >(
      `SELECT operation, request_hash, response FROM idempotency_key
        WHERE caller_subject = $1 AND key = $2`,
      [subject, key],
    );
    const row = rows[0];
    return {
      operation: row.operation,
      requestHash: row.request_hash,
      seriesId: row.response?.seriesId ?? null,
    };
  }

  async recordKeyResult(tx: Tx, subject: string, key: string, seriesId: string): Promise<void> {
    await tx.query(
      `UPDATE idempotency_key SET response = $3 WHERE caller_subject = $1 AND key = $2`,
      [subject, key, JSON.stringify({ seriesId })],
    );
  }
}
