import { Injectable } from '@nestjs/common';
import type { Tx } from '@app/database';
import type {
  AdverseEvent,
  AdverseEventFollowUp,
  AdverseEventRecord,
  AdverseEventReview,
  AdverseEventSeverity,
  AdverseEventType,
  GovernanceStatus,
} from './domain/adverse-event';
import type { AdverseEventCursor } from './domain/adverse-event-cursor';

interface EventRow {
  id: string;
  client_id: string;
  clinic_id: string;
  type: AdverseEventType;
  description: string | null;
  severity: AdverseEventSeverity;
  occurred_at: Date;
  booking_id: string | null;
  actions_taken: string;
  follow_up_required: boolean;
  follow_up_due_on: string | null;
  flagged_for_governance: boolean;
  reported_by_subject: string;
  reported_by_role: string;
  reported_at: Date;
}

interface FollowUpRow {
  id: string;
  adverse_event_id: string;
  followed_up_at: Date;
  note: string;
  resolved: boolean;
  recorded_by_subject: string;
  recorded_at: Date;
}

interface ReviewRow {
  adverse_event_id: string;
  note: string;
  reviewed_by_subject: string;
  reviewed_at: Date;
}

export interface NewAdverseEvent extends AdverseEvent {
  readonly reportedByTherapistId: string | null;
}

export interface NewFollowUp extends AdverseEventFollowUp {
  readonly recordedByRole: string;
}

const EVENT_COLUMNS = `id, client_id, clinic_id, type, description, severity, occurred_at, booking_id,
  actions_taken, follow_up_required, follow_up_due_on::text AS follow_up_due_on,
  flagged_for_governance, reported_by_subject, reported_by_role, reported_at`;

/** The only code that touches the adverse-event tables. Inserts and reads: never updates. */
@Injectable()
export class AdverseEventsRepository {
  async insert(tx: Tx, event: NewAdverseEvent): Promise<void> {
    await tx.query(
      `INSERT INTO adverse_event (id, client_id, clinic_id, type, description, severity, occurred_at,
         booking_id, actions_taken, follow_up_required, follow_up_due_on, flagged_for_governance,
         reported_by_subject, reported_by_role, reported_by_therapist_id, reported_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::date, $12, $13, $14, $15, $16)`,
      [
        event.id,
        event.clientId,
        event.clinicId,
        event.type,
        event.description,
        event.severity,
        event.occurredAt,
        event.bookingId,
        event.actionsTaken,
        event.followUpRequired,
        event.followUpDueOn,
        event.flaggedForGovernance,
        event.reportedBy,
        event.reportedByRole,
        event.reportedByTherapistId,
        event.reportedAt,
      ],
    );
  }

  async insertFollowUp(tx: Tx, followUp: NewFollowUp): Promise<void> {
    await tx.query(
      `INSERT INTO adverse_event_follow_up (id, adverse_event_id, followed_up_at, note, resolved,
         recorded_by_subject, recorded_by_role, recorded_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        followUp.id,
        followUp.adverseEventId,
        followUp.followedUpAt,
        followUp.note,
        followUp.resolved,
        followUp.recordedBy,
        followUp.recordedByRole,
        followUp.recordedAt,
      ],
    );
  }

  /** False when the event already has a review (the first one stands). */
  async insertReview(tx: Tx, review: AdverseEventReview): Promise<boolean> {
    const rows = await tx.query<{ adverse_event_id: string }[]>(
      `INSERT INTO adverse_event_review (adverse_event_id, note, reviewed_by_subject, reviewed_at)
       VALUES ($1, $2, $3, $4)
       ON CONFLICT (adverse_event_id) DO NOTHING
       RETURNING adverse_event_id`,
      [review.adverseEventId, review.note, review.reviewedBy, review.reviewedAt],
    );
    return rows.length === 1;
  }

  /** The report alone (reports never change, so there is nothing to lock). */
  async findById(tx: Tx, id: string): Promise<AdverseEvent | undefined> {
    const rows = await tx.query<EventRow[]>(
      `SELECT ${EVENT_COLUMNS} FROM adverse_event WHERE id = $1`,
      [id],
    );
    return rows[0] === undefined ? undefined : toEvent(rows[0]);
  }

  async findRecord(tx: Tx, id: string): Promise<AdverseEventRecord | undefined> {
    const event = await this.findById(tx, id);
    return event === undefined ? undefined : (await this.withDetails(tx, [event]))[0];
  }

  /** A client's adverse events, most recent first. */
  async listByClient(tx: Tx, clientId: string): Promise<AdverseEventRecord[]> {
    const rows = await tx.query<EventRow[]>(
      `SELECT ${EVENT_COLUMNS} FROM adverse_event WHERE client_id = $1
        ORDER BY occurred_at DESC, id DESC`,
      [clientId],
    );
    return this.withDetails(tx, rows.map(toEvent));
  }

  /** Flagged events by governance status, newest report first, `limit` after `after`. */
  async listForGovernance(
    tx: Tx,
    status: GovernanceStatus,
    limit: number,
    after: AdverseEventCursor | undefined,
  ): Promise<AdverseEventRecord[]> {
    const rows = await tx.query<EventRow[]>(
      `SELECT ${EVENT_COLUMNS} FROM adverse_event e
        WHERE e.flagged_for_governance
          AND ${status === 'open' ? 'NOT ' : ''}EXISTS
              (SELECT 1 FROM adverse_event_review r WHERE r.adverse_event_id = e.id)
          AND ($1::timestamptz IS NULL OR (e.reported_at, e.id) < ($1::timestamptz, $2::uuid))
        ORDER BY e.reported_at DESC, e.id DESC
        LIMIT $3`,
      [after?.reportedAt ?? null, after?.id ?? null, limit],
    );
    return this.withDetails(tx, rows.map(toEvent));
  }

  /** The UK day (Europe/London, YYYY-MM-DD) of the client's latest adverse event, or null. */
  async latestOccurrenceDate(tx: Tx, clientId: string): Promise<string | null> {
    const rows = await tx.query<{ last: string | null }[]>(
      `SELECT to_char(max(occurred_at) AT TIME ZONE 'Europe/London', 'YYYY-MM-DD') AS last
         FROM adverse_event WHERE client_id = $1`,
      [clientId],
    );
    return rows[0]?.last ?? null;
  }

  async deleteByClient(tx: Tx, clientId: string): Promise<void> {
    await tx.query('DELETE FROM adverse_event WHERE client_id = $1', [clientId]);
  }

  private async withDetails(
    tx: Tx,
    events: readonly AdverseEvent[],
  ): Promise<AdverseEventRecord[]> {
    if (events.length === 0) {
      return [];
    }
    const ids = events.map((event) => event.id);
    const followUps = await tx.query<FollowUpRow[]>(
      `SELECT id, adverse_event_id, followed_up_at, note, resolved, recorded_by_subject, recorded_at
         FROM adverse_event_follow_up WHERE adverse_event_id = ANY($1::uuid[])
        ORDER BY recorded_at, id`,
      [ids],
    );
    const reviews = await tx.query<ReviewRow[]>(
      `SELECT adverse_event_id, note, reviewed_by_subject, reviewed_at
         FROM adverse_event_review WHERE adverse_event_id = ANY($1::uuid[])`,
      [ids],
    );
    return events.map((event) => {
      const review = reviews.find((row) => row.adverse_event_id === event.id);
      return {
        ...event,
        followUps: followUps
          .filter((row) => row.adverse_event_id === event.id)
          .map((row) => ({
            id: row.id,
            adverseEventId: row.adverse_event_id,
            followedUpAt: row.followed_up_at,
            note: row.note,
            resolved: row.resolved,
            recordedBy: row.recorded_by_subject,
            recordedAt: row.recorded_at,
          })),
        review:
          review === undefined
            ? null
            : {
                adverseEventId: review.adverse_event_id,
                note: review.note,
                reviewedBy: review.reviewed_by_subject,
                reviewedAt: review.reviewed_at,
              },
      };
    });
  }
}

function toEvent(row: EventRow): AdverseEvent {
  return {
    id: row.id,
    clientId: row.client_id,
    clinicId: row.clinic_id,
    type: row.type,
    description: row.description,
    severity: row.severity,
    occurredAt: row.occurred_at,
    bookingId: row.booking_id,
    actionsTaken: row.actions_taken,
    followUpRequired: row.follow_up_required,
    followUpDueOn: row.follow_up_due_on,
    flaggedForGovernance: row.flagged_for_governance,
    reportedBy: row.reported_by_subject,
    reportedByRole: row.reported_by_role,
    reportedAt: row.reported_at,
  };
}
