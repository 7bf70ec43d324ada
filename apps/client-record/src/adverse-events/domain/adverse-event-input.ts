import { AdverseEventError, AdverseEventErrorCode } from '../adverse-events.errors';
import {
  ADVERSE_EVENT_SEVERITIES,
  ADVERSE_EVENT_TYPES,
  AdverseEventSeverity,
  AdverseEventType,
} from './adverse-event';
import { isCalendarDate, utcDateOf } from './calendar-date';

/** Clocks differ a little between a tablet in the clinic and the server. */
export const CLOCK_SKEW_MS = 5 * 60_000;
export const MAX_TEXT_LENGTH = 2000;

export interface ReportAdverseEventDraft {
  readonly type: string;
  readonly description?: string | null;
  readonly severity: string;
  readonly occurredAt: Date;
  readonly actionsTaken: string;
  readonly followUpRequired: boolean;
  readonly followUpDueOn?: string | null;
}

export interface ValidAdverseEventReport {
  readonly type: AdverseEventType;
  readonly description: string | null;
  readonly severity: AdverseEventSeverity;
  readonly occurredAt: Date;
  readonly actionsTaken: string;
  readonly followUpRequired: boolean;
  readonly followUpDueOn: string | null;
}

export interface FollowUpDraft {
  readonly note: string;
  readonly followedUpAt?: Date | null;
  readonly resolved: boolean;
}

export interface ValidFollowUp {
  readonly note: string;
  readonly followedUpAt: Date;
  readonly resolved: boolean;
}

function isType(value: string): value is AdverseEventType {
  return (ADVERSE_EVENT_TYPES as readonly string[]).includes(value);
}

function isSeverity(value: string): value is AdverseEventSeverity {
  return (ADVERSE_EVENT_SEVERITIES as readonly string[]).includes(value);
}

/** Trimmed text of 1–2000 characters, or the error naming the field. */
export function requireText(value: string | null | undefined, field: string, what: string): string {
  const text = (value ?? '').trim();
  if (text.length < 1 || text.length > MAX_TEXT_LENGTH) {
    throw new AdverseEventError(
      AdverseEventErrorCode.InvalidText,
      `${field} must be 1–${MAX_TEXT_LENGTH} characters: ${what}`,
      { field },
    );
  }
  return text;
}

function requirePast(instant: Date, field: string, now: Date): Date {
  if (Number.isNaN(instant.getTime())) {
    throw new AdverseEventError(
      AdverseEventErrorCode.InvalidDateTime,
      `${field} is not a valid date-time; use ISO 8601, e.g. 2026-03-31T14:30:00Z`,
      { field },
    );
  }
  if (instant.getTime() > now.getTime() + CLOCK_SKEW_MS) {
    throw new AdverseEventError(
      AdverseEventErrorCode.OccurredInFuture,
      `${field} ${instant.toISOString()} is in the future; record what already happened, with the time it happened`,
      { field },
    );
  }
  return instant;
}

/** Checks and normalises a report (everything but who, which client and which clinic). */
export function validateAdverseEventReport(
  draft: ReportAdverseEventDraft,
  now: Date,
): ValidAdverseEventReport {
  if (!isType(draft.type)) {
    throw new AdverseEventError(
      AdverseEventErrorCode.InvalidAdverseEventType,
      `type "${draft.type}" is not an adverse event type; use one of ${ADVERSE_EVENT_TYPES.join(', ')}`,
      { field: 'type' },
    );
  }
  if (!isSeverity(draft.severity)) {
    throw new AdverseEventError(
      AdverseEventErrorCode.InvalidSeverity,
      `severity "${draft.severity}" is not one of ${ADVERSE_EVENT_SEVERITIES.join(', ')}`,
      { field: 'severity' },
    );
  }
  const trimmedDescription = (draft.description ?? '').trim();
  if (draft.type === 'other' && trimmedDescription.length === 0) {
    throw new AdverseEventError(
      AdverseEventErrorCode.DescriptionRequired,
      'an adverse event of type other needs a description of what happened',
      { field: 'description' },
    );
  }
  const description =
    trimmedDescription.length === 0
      ? null
      : requireText(trimmedDescription, 'description', 'describe what happened');
  const occurredAt = requirePast(draft.occurredAt, 'occurredAt', now);
  const actionsTaken = requireText(
    draft.actionsTaken,
    'actionsTaken',
    'say what was done (e.g. "ice, advised rest, session stopped"), or "none"',
  );
  const followUpDueOn = validateFollowUpDue(draft, occurredAt);
  return {
    type: draft.type,
    description,
    severity: draft.severity,
    occurredAt,
    actionsTaken,
    followUpRequired: draft.followUpRequired,
    followUpDueOn,
  };
}

function validateFollowUpDue(draft: ReportAdverseEventDraft, occurredAt: Date): string | null {
  const due = draft.followUpDueOn ?? null;
  if (!draft.followUpRequired) {
    if (due !== null) {
      throw new AdverseEventError(
        AdverseEventErrorCode.InvalidFollowUp,
        'followUpDueOn is set but followUpRequired is false; set followUpRequired, or leave the date out',
        { field: 'followUpDueOn' },
      );
    }
    return null;
  }
  if (due === null || !isCalendarDate(due)) {
    throw new AdverseEventError(
      AdverseEventErrorCode.InvalidFollowUp,
      `a required follow-up needs followUpDueOn as YYYY-MM-DD${due === null ? '' : ` (got "${due}")`}`,
      { field: 'followUpDueOn' },
    );
  }
  if (due < utcDateOf(occurredAt)) {
    throw new AdverseEventError(
      AdverseEventErrorCode.InvalidFollowUp,
      `followUpDueOn ${due} is before the event (${utcDateOf(occurredAt)}); give the date the follow-up is due`,
      { field: 'followUpDueOn' },
    );
  }
  return due;
}

/** Checks a follow-up of an event that occurred at `eventOccurredAt`. */
export function validateFollowUp(
  draft: FollowUpDraft,
  eventOccurredAt: Date,
  now: Date,
): ValidFollowUp {
  const note = requireText(draft.note, 'note', 'say how the client is and what was done');
  const followedUpAt = requirePast(draft.followedUpAt ?? now, 'followedUpAt', now);
  if (followedUpAt.getTime() < eventOccurredAt.getTime()) {
    throw new AdverseEventError(
      AdverseEventErrorCode.InvalidFollowUp,
      `followedUpAt ${followedUpAt.toISOString()} is before the event (${eventOccurredAt.toISOString()})`,
      { field: 'followedUpAt' },
    );
  }
  return { note, followedUpAt, resolved: draft.resolved };
}
