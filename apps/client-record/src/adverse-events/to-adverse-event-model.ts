import { AdverseEventModel } from './adverse-event.model';
import {
  AdverseEventRecord,
  followUpOutstanding,
  governanceStatusOf,
} from './domain/adverse-event';

export function toAdverseEventModel(record: AdverseEventRecord): AdverseEventModel {
  return Object.assign(new AdverseEventModel(), {
    id: record.id,
    clientId: record.clientId,
    clinicId: record.clinicId,
    type: record.type,
    description: record.description,
    severity: record.severity,
    occurredAt: record.occurredAt,
    bookingId: record.bookingId,
    actionsTaken: record.actionsTaken,
    followUpRequired: record.followUpRequired,
    followUpDueOn: record.followUpDueOn,
    followUpOutstanding: followUpOutstanding(record),
    flaggedForGovernance: record.flaggedForGovernance,
    governanceStatus: governanceStatusOf(record) ?? null,
    reportedBy: record.reportedBy,
    reportedByRole: record.reportedByRole,
    reportedAt: record.reportedAt,
    followUpCount: record.followUps.length,
    followUps: record.followUps.map((followUp) => ({ ...followUp })),
    review: record.review === null ? null : { ...record.review },
  });
}
