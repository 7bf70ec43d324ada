import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Caller, isUuid } from '@app/auth';
import { AdverseEventReportedV1 } from '@app/contracts';
import type { Tx } from '@app/database';
import { OutboxWriter, TransactionRunner } from '@app/messaging';
import { ForbiddenError } from '@app/platform/errors/forbidden.error';
import { TRANSACTIONS } from '@app/platform/platform.tokens';
import { ClientAccessService } from '../access/client-access.service';
import { ClientScopeRepository } from '../access/client-scope.repository';
import { AuditWriter } from '../audit/audit.writer';
import type { AuditRecord } from '../audit/domain/audit-entry';
import { AdverseEventError, AdverseEventErrorCode } from './adverse-events.errors';
import { AdverseEventsRepository } from './adverse-events.repository';
import {
  AdverseEvent,
  AdverseEventRecord,
  flagsForGovernance,
  GovernanceStatus,
} from './domain/adverse-event';
import {
  AdverseEventCursor,
  decodeAdverseEventCursor,
  DEFAULT_PAGE_SIZE,
  encodeAdverseEventCursor,
  MAX_PAGE_SIZE,
} from './domain/adverse-event-cursor';
import {
  FollowUpDraft,
  ReportAdverseEventDraft,
  requireText,
  validateAdverseEventReport,
  validateFollowUp,
} from './domain/adverse-event-input';
import {
  mayReadGovernanceQueue,
  mayReportAtClinic,
  mayReviewAdverseEvent,
  Permission,
} from './domain/adverse-event-permissions';

export interface ReportAdverseEventCommand extends ReportAdverseEventDraft {
  readonly clinicId: string;
  readonly bookingId?: string | null;
}

export interface AdverseEventPage {
  readonly edges: { readonly cursor: string; readonly node: AdverseEventRecord }[];
  readonly hasNextPage: boolean;
  readonly endCursor: string | null;
}

@Injectable()
export class AdverseEventsService {
  constructor(
    private readonly events: AdverseEventsRepository,
    private readonly access: ClientAccessService,
    private readonly scopes: ClientScopeRepository,
    private readonly audit: AuditWriter,
    private readonly outbox: OutboxWriter,
    @Inject(TRANSACTIONS) private readonly transactions: TransactionRunner<Tx>,
  ) {}

  /**
   * The treating therapist, a manager of the client's clinic or head office reports an
   * adverse event at one of the client's clinics. Severe ones are flagged to governance.
   */
  async report(
    caller: Caller,
    clientId: string,
    command: ReportAdverseEventCommand,
  ): Promise<AdverseEventRecord> {
    return this.transactions.run(async (tx) => {
      const scope = await this.access.require(tx, caller, clientId, 'clinical:write');
      const clinicId = requireUuid(command.clinicId, 'clinicId', 'a clinic id').toLowerCase();
      if (!scope.clinicIds.includes(clinicId)) {
        throw new AdverseEventError(
          AdverseEventErrorCode.ClinicNotAttended,
          `client ${scope.clientId} does not attend clinic ${clinicId}; report the event for one of their clinics (${scope.clinicIds.join(', ') || 'none yet'})`,
          { field: 'clinicId' },
        );
      }
      ensure(mayReportAtClinic(caller, clinicId));
      const report = validateAdverseEventReport(command, new Date());
      const bookingId = await this.checkedBooking(tx, scope.clientId, command.bookingId);
      const event: AdverseEvent = {
        id: randomUUID(),
        clientId: scope.clientId,
        clinicId,
        ...report,
        bookingId,
        flaggedForGovernance: flagsForGovernance(report.severity),
        reportedBy: caller.subject,
        reportedByRole: caller.role,
        reportedAt: new Date(),
      };
      await this.events.insert(tx, { ...event, reportedByTherapistId: caller.therapistId ?? null });
      await this.outbox.append(tx, AdverseEventReportedV1, {
        aggregateId: event.id,
        clinicId,
        data: {
          adverseEventId: event.id,
          clientId: event.clientId,
          clinicId,
          severity: event.severity,
          flaggedForGovernance: event.flaggedForGovernance,
        },
      });
      await this.audit.record(tx, caller, auditOf(event, 'create'));
      return { ...event, followUps: [], review: null };
    });
  }

  /** A follow-up is a new entry; the report and earlier follow-ups stay as they were. */
  async recordFollowUp(
    caller: Caller,
    id: string,
    draft: FollowUpDraft,
  ): Promise<AdverseEventRecord> {
    requireAdverseEventId(id);
    return this.transactions.run(async (tx) => {
      const event = await this.requireEvent(tx, id);
      await this.requireByEventId(tx, caller, event, id);
      const followUp = validateFollowUp(draft, event.occurredAt, new Date());
      await this.events.insertFollowUp(tx, {
        id: randomUUID(),
        adverseEventId: event.id,
        ...followUp,
        recordedBy: caller.subject,
        recordedByRole: caller.role,
        recordedAt: new Date(),
      });
      await this.audit.record(tx, caller, auditOf(event, 'follow_up'));
      return this.requireRecord(tx, id);
    });
  }

  /** A clinical lead closes a flagged event for governance with a note; once only. */
  async review(caller: Caller, id: string, note: string): Promise<AdverseEventRecord> {
    ensure(mayReviewAdverseEvent(caller));
    requireAdverseEventId(id);
    return this.transactions.run(async (tx) => {
      const event = await this.requireEvent(tx, id);
      await this.requireByEventId(tx, caller, event, id);
      if (!event.flaggedForGovernance) {
        throw new AdverseEventError(
          AdverseEventErrorCode.NotFlaggedForGovernance,
          `adverse event ${id} is ${event.severity}, not flagged for governance; only severe events are reviewed`,
        );
      }
      const text = requireText(note, 'note', 'say what governance concluded and any action');
      const inserted = await this.events.insertReview(tx, {
        adverseEventId: id,
        note: text,
        reviewedBy: caller.subject,
        reviewedAt: new Date(),
      });
      if (!inserted) {
        throw new AdverseEventError(
          AdverseEventErrorCode.AlreadyReviewed,
          `adverse event ${id} was already reviewed; add a follow-up instead`,
        );
      }
      await this.audit.record(tx, caller, auditOf(event, 'review'));
      return this.requireRecord(tx, id);
    });
  }

  /** A client's adverse events (clinical:read), most recent first; the read is audited. */
  async listForClient(caller: Caller, clientId: string): Promise<AdverseEventRecord[]> {
    return this.transactions.run(async (tx) => {
      const scope = await this.access.require(tx, caller, clientId, 'clinical:read');
      const records = await this.events.listByClient(tx, scope.clientId);
      const audited =
        records.length === 0
          ? [{ clientId: scope.clientId, recordType: 'adverse_event', action: 'read' } as const]
          : records.map((record) => auditOf(record, 'read'));
      await this.audit.record(tx, caller, ...audited);
      return records;
    });
  }

  /** Head office's queue of severe events, open or reviewed, newest report first. */
  async listForGovernance(
    caller: Caller,
    status: GovernanceStatus,
    first: number | null,
    after: string | null,
  ): Promise<AdverseEventPage> {
    ensure(mayReadGovernanceQueue(caller));
    const limit = pageSizeOf(first);
    const cursor = cursorOf(after);
    return this.transactions.run(async (tx) => {
      const rows = await this.events.listForGovernance(tx, status, limit + 1, cursor);
      const page = rows.slice(0, limit);
      if (page.length > 0) {
        await this.audit.record(tx, caller, ...page.map((record) => auditOf(record, 'read')));
      }
      const edges = page.map((node) => ({
        cursor: encodeAdverseEventCursor({ reportedAt: node.reportedAt, id: node.id }),
        node,
      }));
      return {
        edges,
        hasNextPage: rows.length > limit,
        endCursor: edges[edges.length - 1]?.cursor ?? null,
      };
    });
  }

  private async checkedBooking(
    tx: Tx,
    clientId: string,
    bookingId: string | null | undefined,
  ): Promise<string | null> {
    if (bookingId === null || bookingId === undefined || bookingId.trim() === '') {
      return null;
    }
    const wellFormed: boolean = isUuid(bookingId);
    if (!wellFormed) {
      throw new AdverseEventError(
        AdverseEventErrorCode.InvalidBookingId,
        `bookingId "${bookingId}" is not a booking id (a UUID); leave it out if the event is not tied to a booking`,
        { field: 'bookingId' },
      );
    }
    const id = bookingId.toLowerCase();
    // A booking this service has not heard of yet (events may lag) is accepted as given.
    const care = await this.scopes.findCareRelationship(tx, id);
    if (care !== undefined && care.clientId !== clientId) {
      throw new AdverseEventError(
        AdverseEventErrorCode.BookingOfAnotherClient,
        `booking ${id} is another client's; give this client's booking or leave it out`,
        { field: 'bookingId' },
      );
    }
    return id;
  }

  private async requireEvent(tx: Tx, id: string): Promise<AdverseEvent> {
    const event = await this.events.findById(tx, id.toLowerCase());
    if (event === undefined) {
      throw adverseEventNotFound(id);
    }
    return event;
  }

  /**
   * clinical:write on the client an adverse event id leads to. A caller who may not write it
   * gets the same ADVERSE_EVENT_NOT_FOUND as for an id that does not exist (no client id in
   * the error), so an event id never tells them whose it is, or that it exists. Role-level
   * refusals (reviewing without clinical_lead) stay FORBIDDEN: they say nothing of the event.
   */
  private async requireByEventId(
    tx: Tx,
    caller: Caller,
    event: AdverseEvent,
    id: string,
  ): Promise<void> {
    try {
      await this.access.require(tx, caller, event.clientId, 'clinical:write');
    } catch (error) {
      if (error instanceof ForbiddenError) {
        throw adverseEventNotFound(id);
      }
      throw error;
    }
  }

  private async requireRecord(tx: Tx, id: string): Promise<AdverseEventRecord> {
    const record = await this.events.findRecord(tx, id.toLowerCase());
    if (record === undefined) {
      throw new Error(`adverse event ${id} vanished inside its own transaction`);
    }
    return record;
  }
}

/** The one answer for an adverse event id that is missing or not the caller's to change. */
function adverseEventNotFound(id: string): AdverseEventError {
  return new AdverseEventError(
    AdverseEventErrorCode.AdverseEventNotFound,
    `no adverse event ${id} that you may change; check the id in the client's adverse events`,
  );
}

function auditOf(
  event: Pick<AdverseEvent, 'id' | 'clientId' | 'clinicId'>,
  action: AuditRecord['action'],
): AuditRecord {
  return {
    clientId: event.clientId,
    clinicId: event.clinicId,
    recordType: 'adverse_event',
    recordId: event.id,
    action,
  };
}

function ensure(permission: Permission): void {
  if (!permission.allowed) {
    throw new ForbiddenError(permission.reason);
  }
}

function requireUuid(value: string, field: string, what: string): string {
  const wellFormed: boolean = isUuid(value);
  if (!wellFormed) {
    throw new AdverseEventError(
      AdverseEventErrorCode.InvalidClinicId,
      `${field} "${value}" is not ${what} (a UUID)`,
      { field },
    );
  }
  return value;
}

function requireAdverseEventId(id: string): void {
  const wellFormed: boolean = isUuid(id);
  if (!wellFormed) {
    throw new AdverseEventError(
      AdverseEventErrorCode.InvalidAdverseEventId,
      `"${id}" is not an adverse event id: adverse event ids are UUIDs`,
      { field: 'id' },
    );
  }
}

function pageSizeOf(first: number | null): number {
  const size = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    throw new AdverseEventError(
      AdverseEventErrorCode.InvalidPageSize,
      `first must be 1–${MAX_PAGE_SIZE} (got ${size})`,
      { field: 'first' },
    );
  }
  return size;
}

function cursorOf(after: string | null): AdverseEventCursor | undefined {
  if (after === null) {
    return undefined;
  }
  const cursor = decodeAdverseEventCursor(after);
  if (cursor === undefined) {
    throw new AdverseEventError(
      AdverseEventErrorCode.InvalidCursor,
      'after is not a cursor from this list; pass the endCursor of the previous page',
      { field: 'after' },
    );
  }
  return cursor;
}
