import { Injectable } from '@nestjs/common';
import type { Tx } from '@app/database';
import type {
  RangeOfMotionEntry,
  SessionContent,
  SessionRecord,
  SessionRecordStatus,
  SessionRecordVersion,
  Technique,
} from './domain/session-record';
import { SessionRecordEntity } from './session-record.entity';
import { SessionRecordVersionEntity } from './session-record-version.entity';

export interface NewSessionRecord {
  readonly id: string;
  readonly bookingId: string;
  readonly clientId: string;
  readonly therapistId: string;
  readonly clinicId: string;
  readonly sessionDate: string;
  readonly startedAt: Date;
  readonly status: SessionRecordStatus;
}

export interface VersionAuthor {
  readonly subject: string;
  readonly role: string;
  readonly therapistId: string | null;
}

function toVersion(row: SessionRecordVersionEntity): SessionRecordVersion {
  return {
    version: row.version,
    painBefore: row.painBefore,
    painAfter: row.painAfter,
    rangeOfMotion: row.rom,
    techniques: row.techniques as Technique[],
    notes: row.notes,
    reason: row.reason,
    writtenBySubject: row.writtenBySubject,
    writtenByRole: row.writtenByRole,
    writtenByTherapistId: row.writtenByTherapistId,
    createdAt: row.createdAt,
  };
}

/** Session records and their append-only versions. */
@Injectable()
export class SessionRecordsRepository {
  async findByBooking(
    tx: Tx,
    bookingId: string,
    lock = false,
  ): Promise<SessionRecordEntity | undefined> {
    const row = await tx.findOne(SessionRecordEntity, {
      where: { bookingId },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    return row ?? undefined;
  }

  async findEntity(tx: Tx, id: string, lock = false): Promise<SessionRecordEntity | undefined> {
    const row = await tx.findOne(SessionRecordEntity, {
      where: { id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    return row ?? undefined;
  }

  /** Inserts the record row; returns false when the booking already has one. */
  async insertRecord(tx: Tx, record: NewSessionRecord): Promise<boolean> {
    const inserted = await tx.query<{ id: string }[]>(
      `INSERT INTO session_record
         (id, booking_id, client_id, therapist_id, clinic_id, session_date, started_at, status, current_version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 0)
       ON CONFLICT (booking_id) DO NOTHING
       RETURNING id`,
      [
        record.id,
        record.bookingId,
        record.clientId,
        record.therapistId,
        record.clinicId,
        record.sessionDate,
        record.startedAt,
        record.status,
      ],
    );
    return inserted.length === 1;
  }

  /** Appends a version and points the record at it (the only UPDATE: ids and counters). */
  async appendVersion(
    tx: Tx,
    recordId: string,
    version: number,
    content: SessionContent,
    reason: string | null,
    author: VersionAuthor,
  ): Promise<void> {
    await tx.insert(SessionRecordVersionEntity, {
      recordId,
      version,
      painBefore: content.painBefore,
      painAfter: content.painAfter,
      rom: [...content.rangeOfMotion] as RangeOfMotionEntry[],
      techniques: [...content.techniques],
      notes: content.notes,
      reason,
      writtenBySubject: author.subject,
      writtenByRole: author.role,
      writtenByTherapistId: author.therapistId,
      createdAt: new Date(),
    });
    await tx.update(
      SessionRecordEntity,
      { id: recordId },
      { currentVersion: version, status: 'recorded', updatedAt: new Date() },
    );
  }

  async versionsOf(tx: Tx, recordId: string): Promise<SessionRecordVersion[]> {
    const rows = await tx.find(SessionRecordVersionEntity, {
      where: { recordId },
      order: { version: 'ASC' },
    });
    return rows.map(toVersion);
  }

  async load(tx: Tx, row: SessionRecordEntity): Promise<SessionRecord> {
    const current =
      row.currentVersion === 0
        ? null
        : await tx.findOneByOrFail(SessionRecordVersionEntity, {
            recordId: row.id,
            version: row.currentVersion,
          });
    return toRecord(row, current === null ? null : toVersion(current));
  }

  /** A client's records, newest session first, each with its latest version. */
  async listByClient(tx: Tx, clientId: string): Promise<SessionRecord[]> {
    const rows = await tx.find(SessionRecordEntity, {
      where: { clientId },
      order: { sessionDate: 'DESC', startedAt: 'DESC' },
    });
    if (rows.length === 0) {
      return [];
    }
    const versions = await tx
      .createQueryBuilder(SessionRecordVersionEntity, 'v')
      .innerJoin(SessionRecordEntity, 'r', 'r.id = v.record_id AND r.current_version = v.version')
      .where('r.client_id = :clientId', { clientId })
      .getMany();
    const byRecord = new Map(versions.map((version) => [version.recordId, toVersion(version)]));
    return rows.map((row) => toRecord(row, byRecord.get(row.id) ?? null));
  }

  async latestSessionDate(tx: Tx, clientId: string): Promise<string | null> {
    const rows = await tx.query<{ last: string | null }[]>(
      `SELECT to_char(max(session_date), 'YYYY-MM-DD') AS last
         FROM session_record WHERE client_id = $1 AND status = 'recorded'`,
      [clientId],
    );
    return rows[0]?.last ?? null;
  }

  async deleteByClient(tx: Tx, clientId: string): Promise<void> {
    await tx.query('DELETE FROM session_record WHERE client_id = $1', [clientId]);
  }
}

function toRecord(row: SessionRecordEntity, current: SessionRecordVersion | null): SessionRecord {
  return {
    id: row.id,
    bookingId: row.bookingId,
    clientId: row.clientId,
    therapistId: row.therapistId,
    clinicId: row.clinicId,
    sessionDate: row.sessionDate,
    startedAt: row.startedAt,
    status: row.status,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    current,
  };
}
