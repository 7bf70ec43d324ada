/** What went wrong after (or during) a stretching session. */
export const ADVERSE_EVENT_TYPES = [
  'soreness_over_48h',
  'bruising',
  'overstretch_injury',
  'dizziness',
  'other',
] as const;
export type AdverseEventType = (typeof ADVERSE_EVENT_TYPES)[number];

export const ADVERSE_EVENT_SEVERITIES = ['mild', 'moderate', 'severe'] as const;
export type AdverseEventSeverity = (typeof ADVERSE_EVENT_SEVERITIES)[number];

/** Where a flagged event stands with head office clinical governance. */
export const GOVERNANCE_STATUSES = ['open', 'reviewed'] as const;
export type GovernanceStatus = (typeof GOVERNANCE_STATUSES)[number];

export interface AdverseEventFollowUp {
  readonly id: string;
  readonly adverseEventId: string;
  readonly followedUpAt: Date;
  readonly note: string;
  /** True when no further follow-up is needed. */
  readonly resolved: boolean;
  readonly recordedBy: string;
  readonly recordedAt: Date;
}

export interface AdverseEventReview {
  readonly adverseEventId: string;
  readonly note: string;
  readonly reviewedBy: string;
  readonly reviewedAt: Date;
}

/** An adverse event as reported; follow-ups and the governance review are separate entries. */
export interface AdverseEvent {
  readonly id: string;
  readonly clientId: string;
  readonly clinicId: string;
  readonly type: AdverseEventType;
  /** Required for `other`, optional otherwise. */
  readonly description: string | null;
  readonly severity: AdverseEventSeverity;
  readonly occurredAt: Date;
  readonly bookingId: string | null;
  readonly actionsTaken: string;
  readonly followUpRequired: boolean;
  /** YYYY-MM-DD; only when a follow-up is required. */
  readonly followUpDueOn: string | null;
  readonly flaggedForGovernance: boolean;
  readonly reportedBy: string;
  readonly reportedByRole: string;
  readonly reportedAt: Date;
}

export interface AdverseEventRecord extends AdverseEvent {
  readonly followUps: readonly AdverseEventFollowUp[];
  readonly review: AdverseEventReview | null;
}

/** Severe events go to head office clinical governance; milder ones stay with the clinic. */
export function flagsForGovernance(severity: AdverseEventSeverity): boolean {
  return severity === 'severe';
}

/** open until a clinical lead reviews it; undefined for events that were never flagged. */
export function governanceStatusOf(
  event: Pick<AdverseEventRecord, 'flaggedForGovernance' | 'review'>,
): GovernanceStatus | undefined {
  if (!event.flaggedForGovernance) {
    return undefined;
  }
  return event.review === null ? 'open' : 'reviewed';
}

/** A follow-up is outstanding while one is required and none said the matter is resolved. */
export function followUpOutstanding(
  event: Pick<AdverseEventRecord, 'followUpRequired' | 'followUps'>,
): boolean {
  return event.followUpRequired && !event.followUps.some((followUp) => followUp.resolved);
}
