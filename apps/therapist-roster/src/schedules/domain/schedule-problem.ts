import type { ScheduleErrorCode } from '../schedules.errors';

/** A broken scheduling rule found by a pure check: code, the field at fault, what to fix. */
export interface ScheduleProblem {
  readonly code: ScheduleErrorCode;
  readonly field: string;
  readonly message: string;
}
