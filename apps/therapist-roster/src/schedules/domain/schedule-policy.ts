/** Tunable scheduling rules. */
export interface SchedulePolicy {
  /** Minutes a therapist needs between shifts at two different clinics on one day. */
  readonly travelBufferMinutes: number;
}

export const DEFAULT_SCHEDULE_POLICY: SchedulePolicy = { travelBufferMinutes: 30 };
