import { CalendarDate, daysBetween } from '../../therapists/domain/calendar-date';

/** The notices the daily expiry job sends, least urgent first. */
export const EXPIRY_NOTICES = ['expiring_30', 'expiring_7', 'expired'] as const;

export type ExpiryNotice = (typeof EXPIRY_NOTICES)[number];

/** What the rule needs to know about one certification on the day of a run. */
export interface ExpiryNoticeCandidate {
  readonly expiresOn: CalendarDate;
  /** Revoked on or before the day: no notices at all. */
  readonly revoked: boolean;
  /** The therapist left the network: nobody to warn. */
  readonly therapistLeft: boolean;
  /**
   * The therapist already holds a later certification of the same type (issued, not
   * revoked, expiring later or never): warnings are pointless; the expiry fact is still sent.
   */
  readonly renewed: boolean;
  /** Notices already sent for this certification. */
  readonly sent: readonly ExpiryNotice[];
}

/**
 * Which notice, if any, is due on `today`. Exactly one stage applies by days left:
 * expired (0 or fewer), expiring_7 (1–7), expiring_30 (8–30). A stage's notice is due if
 * neither it nor a more urgent one was sent. So a job that was down catches up with the
 * most urgent notice only: after missing day 30 and restarting at 5 days left it sends the
 * 7-day warning and never a stale 30-day one; after missing the expiry day it sends
 * "expired" on the next run, however late.
 */
export function dueNotice(
  candidate: ExpiryNoticeCandidate,
  today: CalendarDate,
): ExpiryNotice | undefined {
  if (candidate.revoked || candidate.therapistLeft) {
    return undefined;
  }
  const stage = stageOn(daysBetween(today, candidate.expiresOn));
  if (stage === undefined || (stage !== 'expired' && candidate.renewed)) {
    return undefined;
  }
  const urgency = EXPIRY_NOTICES.indexOf(stage);
  const alreadyCovered = candidate.sent.some((sent) => EXPIRY_NOTICES.indexOf(sent) >= urgency);
  return alreadyCovered ? undefined : stage;
}

function stageOn(daysLeft: number): ExpiryNotice | undefined {
  if (daysLeft <= 0) {
    return 'expired';
  }
  if (daysLeft <= 7) {
    return 'expiring_7';
  }
  if (daysLeft <= 30) {
    return 'expiring_30';
  }
  return undefined;
}

/** The job looks at certifications expiring up to this many days ahead. */
export const NOTICE_HORIZON_DAYS = 30;
