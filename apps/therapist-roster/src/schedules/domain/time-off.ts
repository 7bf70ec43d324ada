export const TIME_OFF_KINDS = ['holiday', 'sickness', 'training'] as const;
export type TimeOffKind = (typeof TIME_OFF_KINDS)[number];

export const TIME_OFF_STATUSES = ['requested', 'approved', 'rejected', 'cancelled'] as const;
export type TimeOffStatus = (typeof TIME_OFF_STATUSES)[number];

/** A therapist's time off, as the use cases see it. The note never leaves this service. */
export interface TimeOff {
  readonly id: string;
  readonly therapistId: string;
  readonly kind: TimeOffKind;
  readonly status: TimeOffStatus;
  readonly startsAt: Date;
  readonly endsAt: Date;
  readonly note: string | null;
  readonly requestedBy: string;
  readonly decidedBy: string | null;
  readonly decidedAt: Date | null;
}
