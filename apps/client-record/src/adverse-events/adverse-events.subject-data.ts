import { Injectable } from '@nestjs/common';
import type { Tx } from '@app/database';
import type { SubjectDataSection } from '../gdpr/subject-data.registry';
import { AdverseEventsRepository } from './adverse-events.repository';

/**
 * Adverse events in the subject access export and the erasure. They are clinical records:
 * an erasure request keeps them whole until the retention date (nothing in them is the
 * client's contact or identity; staff logins are the staff's, not the client's), and the
 * purge then deletes them with their follow-ups and reviews. An adverse event happens in or
 * after care, so its day (occurred_at in Europe/London) counts towards the retention date.
 */
@Injectable()
export class AdverseEventsSubjectData implements SubjectDataSection {
  readonly name = 'adverseEvents';

  constructor(private readonly events: AdverseEventsRepository) {}

  async exportFor(tx: Tx, clientId: string): Promise<unknown> {
    const records = await this.events.listByClient(tx, clientId);
    return records.map((record) => ({
      id: record.id,
      clinicId: record.clinicId,
      type: record.type,
      description: record.description,
      severity: record.severity,
      occurredAt: record.occurredAt.toISOString(),
      bookingId: record.bookingId,
      actionsTaken: record.actionsTaken,
      followUpRequired: record.followUpRequired,
      followUpDueOn: record.followUpDueOn,
      flaggedForGovernance: record.flaggedForGovernance,
      reportedAt: record.reportedAt.toISOString(),
      followUps: record.followUps.map((followUp) => ({
        followedUpAt: followUp.followedUpAt.toISOString(),
        note: followUp.note,
        resolved: followUp.resolved,
      })),
      review:
        record.review === null
          ? null
          : { note: record.review.note, reviewedAt: record.review.reviewedAt.toISOString() },
    }));
  }

  /** Clinical records are kept until retention ends: nothing to remove now. */
  async erasePersonalDetails(_tx: Tx, _clientId: string): Promise<void> {
    // Intentionally empty (see the class comment).
  }

  async purge(tx: Tx, clientId: string): Promise<void> {
    await this.events.deleteByClient(tx, clientId);
  }

  /** The UK day of the latest adverse event (occurred_at, Europe/London), or null if none. */
  lastTreatmentOn(tx: Tx, clientId: string): Promise<string | null> {
    return this.events.latestOccurrenceDate(tx, clientId);
  }
}
