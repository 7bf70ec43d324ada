import type { Condition } from './condition';

export const CARE_PLAN_STATUSES = ['active', 'completed', 'discontinued'] as const;
export type CarePlanStatus = (typeof CARE_PLAN_STATUSES)[number];

/** The content of one version of a care plan. */
export interface CarePlanContent {
  readonly status: CarePlanStatus;
  readonly goals: readonly string[];
  readonly targetConditions: readonly Condition[];
  /** Initial phase: sessions a week (1-5) for `weeks` weeks (1-26) from startsOn. */
  readonly sessionsPerWeek: number;
  readonly weeks: number;
  /** Maintenance afterwards: one session every N weeks (1-12); null for none. */
  readonly maintenanceEveryWeeks: number | null;
  readonly preferredTherapistId: string | null;
  /** Clinic-local dates, YYYY-MM-DD; review after the start. */
  readonly startsOn: string;
  readonly reviewOn: string;
}

export interface CarePlanVersion extends CarePlanContent {
  readonly version: number;
  readonly changeNote: string | null;
  readonly writtenBySubject: string;
  readonly writtenByRole: string;
  readonly createdAt: Date;
}

export interface CarePlan {
  readonly id: string;
  readonly clientId: string;
  readonly clinicId: string;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  /** The current version. */
  readonly current: CarePlanVersion;
}
