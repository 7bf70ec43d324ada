import { isUuid } from '@app/auth';
import { CarePlanError, CarePlanErrorCode } from '../care-plans.errors';
import type { CarePlanContent, CarePlanStatus } from './care-plan';
import { CARE_PLAN_STATUSES } from './care-plan';
import { CONDITIONS, Condition, isCondition } from './condition';

export const MAX_GOALS = 10;
export const MAX_GOAL_LENGTH = 500;

/** What a caller sends when writing a plan; checked by checkCarePlan. */
export interface CarePlanDraft {
  readonly status?: string;
  readonly goals: readonly string[];
  readonly targetConditions: readonly string[];
  readonly sessionsPerWeek: number;
  readonly weeks: number;
  readonly maintenanceEveryWeeks?: number | null;
  readonly preferredTherapistId?: string | null;
  readonly startsOn: string;
  readonly reviewOn: string;
}

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isCalendarDate(value: string): boolean {
  const match = CALENDAR_DATE.exec(value);
  if (match === null) {
    return false;
  }
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

function wholeNumberIn(
  field: string,
  value: number,
  min: number,
  max: number,
  hint: string,
): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new CarePlanError(
      CarePlanErrorCode.InvalidFrequency,
      `${field} ${value} must be a whole number from ${min} to ${max} (${hint})`,
      { field, value },
    );
  }
  return value;
}

function checkGoals(goals: readonly string[]): string[] {
  const trimmed = goals.map((goal) => goal.trim()).filter((goal) => goal.length > 0);
  if (trimmed.length === 0) {
    throw new CarePlanError(
      CarePlanErrorCode.InvalidCarePlan,
      'give at least one goal, e.g. "walk 30 minutes without back pain"',
      { field: 'goals' },
    );
  }
  if (trimmed.length > MAX_GOALS || trimmed.some((goal) => goal.length > MAX_GOAL_LENGTH)) {
    throw new CarePlanError(
      CarePlanErrorCode.InvalidCarePlan,
      `keep to ${MAX_GOALS} goals of at most ${MAX_GOAL_LENGTH} characters each`,
      { field: 'goals' },
    );
  }
  return trimmed;
}

function checkConditions(conditions: readonly string[]): Condition[] {
  if (conditions.length === 0) {
    throw new CarePlanError(
      CarePlanErrorCode.InvalidCondition,
      `name at least one target condition: ${CONDITIONS.join(', ')}`,
      { field: 'targetConditions' },
    );
  }
  const checked = conditions.map((raw) => {
    const condition = raw.trim().toLowerCase();
    if (!isCondition(condition)) {
      throw new CarePlanError(
        CarePlanErrorCode.InvalidCondition,
        `unknown condition "${raw}"; use one of ${CONDITIONS.join(', ')}`,
        { field: 'targetConditions', condition: raw },
      );
    }
    return condition;
  });
  return [...new Set(checked)];
}

function checkDate(field: string, value: string): string {
  if (!isCalendarDate(value)) {
    throw new CarePlanError(
      CarePlanErrorCode.InvalidDate,
      `${field} "${value}" is not a date; use YYYY-MM-DD`,
      { field },
    );
  }
  return value;
}

export function checkStatus(raw: string | undefined): CarePlanStatus {
  const status = (raw ?? 'active').trim().toLowerCase();
  if (!(CARE_PLAN_STATUSES as readonly string[]).includes(status)) {
    throw new CarePlanError(
      CarePlanErrorCode.InvalidCarePlan,
      `unknown status "${raw}"; use one of ${CARE_PLAN_STATUSES.join(', ')}`,
      { field: 'status' },
    );
  }
  return status as CarePlanStatus;
}

/** The validated, normalised content of a care plan version. */
export function checkCarePlan(draft: CarePlanDraft): CarePlanContent {
  const goals = checkGoals(draft.goals);
  const targetConditions = checkConditions(draft.targetConditions);
  const sessionsPerWeek = wholeNumberIn(
    'sessionsPerWeek',
    draft.sessionsPerWeek,
    1,
    5,
    'sessions a week in the initial phase',
  );
  const weeks = wholeNumberIn('weeks', draft.weeks, 1, 26, 'length of the initial phase');
  const maintenanceEveryWeeks =
    draft.maintenanceEveryWeeks === undefined || draft.maintenanceEveryWeeks === null
      ? null
      : wholeNumberIn(
          'maintenanceEveryWeeks',
          draft.maintenanceEveryWeeks,
          1,
          12,
          'one maintenance session every N weeks; leave it out for none',
        );
  const preferredTherapistId = draft.preferredTherapistId ?? null;
  const wellFormed: boolean = preferredTherapistId === null || isUuid(preferredTherapistId);
  if (!wellFormed) {
    throw new CarePlanError(
      CarePlanErrorCode.InvalidCarePlan,
      `preferredTherapistId "${String(preferredTherapistId)}" is not a UUID`,
      { field: 'preferredTherapistId' },
    );
  }
  const startsOn = checkDate('startsOn', draft.startsOn);
  const reviewOn = checkDate('reviewOn', draft.reviewOn);
  if (reviewOn <= startsOn) {
    throw new CarePlanError(
      CarePlanErrorCode.InvalidDate,
      `reviewOn ${reviewOn} must be after startsOn ${startsOn}`,
      { field: 'reviewOn' },
    );
  }
  return {
    status: checkStatus(draft.status),
    goals,
    targetConditions,
    sessionsPerWeek,
    weeks,
    maintenanceEveryWeeks,
    preferredTherapistId: preferredTherapistId?.toLowerCase() ?? null,
    startsOn,
    reviewOn,
  };
}

/** A completed or discontinued plan is closed: it is kept as it is, write a new plan. */
export function checkPlanOpen(status: CarePlanStatus, planId: string): void {
  if (status !== 'active') {
    throw new CarePlanError(
      CarePlanErrorCode.CarePlanClosed,
      `care plan ${planId} is ${status}; write a new care plan instead of changing a closed one`,
      { carePlanId: planId, status },
    );
  }
}
