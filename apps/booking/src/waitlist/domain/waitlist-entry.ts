export const WAITLIST_STATUSES = [
  'waiting',
  'offered',
  'booked',
  'offer_expired',
  'offer_declined',
  'left',
  /** Closed by the expiry job: the window passed while the entry was waiting. */
  'expired',
] as const;

export type WaitlistStatus = (typeof WAITLIST_STATUSES)[number];

/** The statuses of an open entry: the ones `waitlist(clinicId)` lists unless asked otherwise. */
export const OPEN_WAITLIST_STATUSES: readonly WaitlistStatus[] = ['waiting', 'offered'];

export interface WaitlistEntry {
  readonly id: string;
  readonly clinicId: string;
  readonly clientId: string;
  readonly treatmentId: string;
  /** Only this therapist; null: any. */
  readonly therapistId: string | null;
  /** Clinic-local dates "YYYY-MM-DD", both included. */
  readonly fromDate: string;
  readonly toDate: string;
  readonly status: WaitlistStatus;
  readonly joinedAt: Date;
  /** The held booking of the current (or last) offer. */
  readonly bookingId: string | null;
  readonly offeredAt: Date | null;
  readonly offerExpiresAt: Date | null;
  readonly closedAt: Date | null;
  readonly createdBySubject: string;
  readonly createdByRole: string;
  readonly version: number;
}
