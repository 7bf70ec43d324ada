import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Caller, isUuid } from '@app/auth';
import { SessionRecordedV1 } from '@app/contracts';
import type { Tx } from '@app/database';
import { OutboxWriter, TransactionRunner } from '@app/messaging';
import { ForbiddenError } from '@app/platform/errors/forbidden.error';
import { TRANSACTIONS } from '@app/platform/platform.tokens';
import { ClientAccessService } from '../access/client-access.service';
import { CareRelationshipRow, ClientScopeRepository } from '../access/client-scope.repository';
import { AuditWriter } from '../audit/audit.writer';
import { BookingProjectionRepository } from '../bookings/booking-projection.repository';
import type { SessionRecord, SessionRecordVersion } from './domain/session-record';
import {
  SessionContentDraft,
  checkAmendmentReason,
  checkSessionContent,
  nextVersion,
} from './domain/session-content';
import { mayWriteSessionRecord } from './domain/session-record-permissions';
import { sessionRecordabilityOf } from './domain/session-recordability';
import { SessionRecordEntity } from './session-record.entity';
import { SessionRecordError, SessionRecordErrorCode } from './session-records.errors';
import { SessionRecordsRepository, VersionAuthor } from './session-records.repository';

export interface SessionRecordWithVersions {
  readonly record: SessionRecord;
  readonly versions: readonly SessionRecordVersion[];
}

function authorOf(caller: Caller): VersionAuthor {
  return { subject: caller.subject, role: caller.role, therapistId: caller.therapistId ?? null };
}

function checkId(id: string, code: SessionRecordErrorCode, what: string): string {
  const wellFormed: boolean = isUuid(id);
  if (!wellFormed) {
    throw new SessionRecordError(code, `${what} "${id}" is not a UUID`, { id });
  }
  return id.toLowerCase();
}

/** The one answer for a session record id that is missing or not the caller's to see. */
function sessionRecordNotFound(id: string): SessionRecordError {
  return new SessionRecordError(
    SessionRecordErrorCode.SessionRecordNotFound,
    `no session record ${id} that you may see; list a client's records with sessionRecords(clientId)`,
    { sessionRecordId: id },
  );
}

/** Session records: written by the treating therapist, amended as new versions, audited. */
@Injectable()
export class SessionRecordsService {
  constructor(
    private readonly records: SessionRecordsRepository,
    private readonly scopes: ClientScopeRepository,
    private readonly bookings: BookingProjectionRepository,
    private readonly access: ClientAccessService,
    private readonly audit: AuditWriter,
    private readonly outbox: OutboxWriter,
    @Inject(TRANSACTIONS) private readonly transactions: TransactionRunner<Tx>,
  ) {}

  /** The treating therapist writes the record of a booking (version 1). */
  async recordSession(
    caller: Caller,
    rawBookingId: string,
    draft: SessionContentDraft,
  ): Promise<SessionRecordWithVersions> {
    const bookingId = checkId(rawBookingId, SessionRecordErrorCode.InvalidBookingId, 'booking id');
    const content = checkSessionContent(draft);
    return this.transactions.run(async (tx) => {
      const booking = await this.scopes.findCareRelationship(tx, bookingId);
      if (booking === undefined) {
        throw new SessionRecordError(
          SessionRecordErrorCode.BookingNotFound,
          `booking ${bookingId} is not known to the client record yet; check the id, or try again once the booking is confirmed`,
          { bookingId },
        );
      }
      await this.access.require(tx, caller, booking.clientId, 'clinical:write');
      const decision = mayWriteSessionRecord(caller, booking);
      if (!decision.allowed) {
        throw new ForbiddenError(decision.reason, { bookingId });
      }
      const facts = await this.bookings.find(tx, bookingId);
      const recordability = sessionRecordabilityOf(booking.status, facts?.status);
      if (recordability === 'released') {
        throw new SessionRecordError(
          SessionRecordErrorCode.BookingNotTreatable,
          `booking ${bookingId} was cancelled, expired or missed; there is no session to record`,
          { bookingId },
        );
      }
      if (recordability === 'not_started') {
        throw new SessionRecordError(
          SessionRecordErrorCode.BookingNotStarted,
          `booking ${bookingId} has not taken place yet (${facts?.status ?? 'booked'}); write its session record once the client has checked in or the booking is completed`,
          { bookingId, bookingStatus: facts?.status ?? null },
        );
      }
      const record = await this.openRecordFor(tx, bookingId, booking, facts?.localDate);
      if (record.status === 'recorded') {
        throw new SessionRecordError(
          SessionRecordErrorCode.SessionAlreadyRecorded,
          `booking ${bookingId} already has session record ${record.id}; correct it with amendSessionRecord and a reason`,
          { bookingId, sessionRecordId: record.id },
        );
      }
      return this.writeVersion(tx, caller, record, 1, content, null);
    });
  }

  /** The treating therapist amends a record: a new version with a reason, the old kept. */
  async amendSessionRecord(
    caller: Caller,
    rawRecordId: string,
    draft: SessionContentDraft,
    rawReason: string,
  ): Promise<SessionRecordWithVersions> {
    const recordId = checkId(
      rawRecordId,
      SessionRecordErrorCode.InvalidSessionRecordId,
      'session record id',
    );
    const reason = checkAmendmentReason(rawReason);
    const content = checkSessionContent(draft);
    return this.transactions.run(async (tx) => {
      const record = await this.requireVisibleRecord(tx, caller, recordId, true);
      await this.access.require(tx, caller, record.clientId, 'clinical:write');
      const decision = mayWriteSessionRecord(caller, record);
      if (!decision.allowed) {
        throw new ForbiddenError(decision.reason, { sessionRecordId: recordId });
      }
      if (record.status !== 'recorded') {
        throw new SessionRecordError(
          SessionRecordErrorCode.SessionNotRecorded,
          `session record ${recordId} has nothing to amend yet; write it with recordSession(bookingId: ${record.bookingId})`,
          { sessionRecordId: recordId },
        );
      }
      return this.writeVersion(
        tx,
        caller,
        record,
        nextVersion(record.currentVersion),
        content,
        reason,
      );
    });
  }

  /** A client's session records, newest first, each at its latest version. */
  async sessionRecords(caller: Caller, clientId: string): Promise<SessionRecord[]> {
    return this.transactions.run(async (tx) => {
      const scope = await this.access.require(tx, caller, clientId, 'clinical:read');
      const records = await this.records.listByClient(tx, scope.clientId);
      await this.audit.record(
        tx,
        caller,
        ...(records.length === 0
          ? [
              {
                clientId: scope.clientId,
                recordType: 'session_record' as const,
                action: 'read' as const,
              },
            ]
          : records.map((record) => ({
              clientId: record.clientId,
              clinicId: record.clinicId,
              recordType: 'session_record' as const,
              recordId: record.id,
              action: 'read' as const,
            }))),
      );
      return records;
    });
  }

  /** One session record with every version, oldest first. */
  async sessionRecord(caller: Caller, rawId: string): Promise<SessionRecordWithVersions> {
    const id = checkId(rawId, SessionRecordErrorCode.InvalidSessionRecordId, 'session record id');
    return this.transactions.run(async (tx) => {
      const row = await this.requireVisibleRecord(tx, caller, id, false);
      const result = {
        record: await this.records.load(tx, row),
        versions: await this.records.versionsOf(tx, id),
      };
      await this.audit.record(tx, caller, {
        clientId: row.clientId,
        clinicId: row.clinicId,
        recordType: 'session_record',
        recordId: id,
        action: 'read',
      });
      return result;
    });
  }

  /**
   * The session record of a booking, locked, ready for version 1: the existing row (the
   * booking.completed consumer opens it), or a new `open` one. When a concurrent writer
   * inserted it first (the consumer, or a second recordSession), the insert waits for that
   * transaction and the committed row is read again, locked: still `open` means it is ours
   * to fill; `recorded` is for the caller to refuse.
   */
  private async openRecordFor(
    tx: Tx,
    bookingId: string,
    booking: CareRelationshipRow,
    localDate: string | undefined,
  ): Promise<SessionRecordEntity> {
    const existing = await this.records.findByBooking(tx, bookingId, true);
    if (existing !== undefined) {
      return existing;
    }
    const id = randomUUID();
    const inserted = await this.records.insertRecord(tx, {
      id,
      bookingId,
      clientId: booking.clientId,
      therapistId: booking.therapistId,
      clinicId: booking.clinicId,
      sessionDate: localDate ?? booking.startsAt.toISOString().slice(0, 10),
      startedAt: booking.startsAt,
      status: 'open',
    });
    const record = inserted
      ? await this.records.findEntity(tx, id, true)
      : await this.records.findByBooking(tx, bookingId, true);
    if (record === undefined) {
      throw new Error(`session record of booking ${bookingId} vanished while it was written`);
    }
    return record;
  }

  /**
   * A session record by id, when the caller may read its client's clinical record. A record
   * that does not exist and one the caller may not see get the same SESSION_RECORD_NOT_FOUND
   * (no client id in it), so a record id never tells a caller whose record it is.
   */
  private async requireVisibleRecord(
    tx: Tx,
    caller: Caller,
    id: string,
    lock: boolean,
  ): Promise<SessionRecordEntity> {
    const record = await this.records.findEntity(tx, id, lock);
    if (record === undefined) {
      throw sessionRecordNotFound(id);
    }
    try {
      await this.access.require(tx, caller, record.clientId, 'clinical:read');
    } catch (error: unknown) {
      if (error instanceof ForbiddenError) {
        throw sessionRecordNotFound(id);
      }
      throw error;
    }
    return record;
  }

  private async writeVersion(
    tx: Tx,
    caller: Caller,
    record: SessionRecordEntity,
    version: number,
    content: ReturnType<typeof checkSessionContent>,
    reason: string | null,
  ): Promise<SessionRecordWithVersions> {
    await this.records.appendVersion(tx, record.id, version, content, reason, authorOf(caller));
    await this.outbox.append(tx, SessionRecordedV1, {
      aggregateId: record.id,
      clinicId: record.clinicId,
      data: {
        sessionRecordId: record.id,
        bookingId: record.bookingId,
        clientId: record.clientId,
        therapistId: record.therapistId,
        clinicId: record.clinicId,
        version,
      },
    });
    await this.audit.record(tx, caller, {
      clientId: record.clientId,
      clinicId: record.clinicId,
      recordType: 'session_record',
      recordId: record.id,
      action: version === 1 ? 'create' : 'amend',
    });
    const saved = await this.records.findEntity(tx, record.id);
    return {
      record: await this.records.load(tx, saved ?? record),
      versions: await this.records.versionsOf(tx, record.id),
    };
  }
}
