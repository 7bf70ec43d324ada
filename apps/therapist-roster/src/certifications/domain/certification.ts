import type { CalendarDate } from '../../therapists/domain/calendar-date';

/** A certification of a therapist as the use cases see it. */
export interface Certification {
  readonly id: string;
  readonly therapistId: string;
  readonly type: string;
  readonly issuedOn: CalendarDate;
  /** Null when it does not expire. The expiry day is the first day it no longer counts. */
  readonly expiresOn: CalendarDate | null;
  readonly evidenceReference: string;
  /** Subject (user id) of whoever recorded it. */
  readonly recordedBy: string;
  readonly recordedAt: Date;
  /** Subject of the head-office admin or clinical lead who verified it. */
  readonly verifiedBy: string | null;
  readonly verifiedAt: Date | null;
  readonly revokedOn: CalendarDate | null;
  readonly revokedBy: string | null;
  readonly revocationReason: string | null;
}
