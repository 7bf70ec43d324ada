import { addDays } from '../../availability/domain/calendar-date';
import { MaintenancePlan, MAX_MAINTENANCE_SESSIONS, resolveFrequency } from './series-dates';

/** What a bookSeries request may leave to the care plan. */
export interface SeriesRequest {
  readonly therapistId?: string | null;
  readonly startsOn?: string | null;
  readonly sessionsPerWeek?: number | null;
  readonly weeks?: number | null;
  readonly maintenanceSessions?: number | null;
}

/** The care plan facts a series takes its defaults from (booking's projection of the plan). */
export interface CarePlanDefaults {
  readonly id: string;
  readonly sessionsPerWeek: number;
  readonly weeks: number;
  readonly startsOn: string;
  readonly preferredTherapistId: string | null;
  readonly maintenanceEveryWeeks: number | null;
}

/** The series to place once the request and the care plan are combined. */
export interface ResolvedSeries {
  readonly therapistId: string;
  readonly startsOn: string;
  readonly sessionsPerWeek: number;
  readonly weeks: number;
  /** Undefined: no maintenance phase. */
  readonly maintenance: MaintenancePlan | undefined;
}

/** Why the request cannot be resolved: a message that says what to send, and the field. */
export interface SeriesRequestProblem {
  readonly problem: string;
  readonly field?: string;
}

/**
 * Combines a request with its care plan (when there is one). What the request gives wins
 * where it may (therapistId, startsOn); the frequency must not contradict the plan
 * (resolveFrequency). With a plan: the therapist defaults to the plan's preferred therapist;
 * startsOn to the plan's startsOn, or tomorrow (clinic-local) when that is today or past;
 * `maintenanceSessions` (default 0) follow the plan's maintenanceEveryWeeks. Without a plan,
 * therapistId and startsOn are required and there is no maintenance phase.
 */
export function resolveSeries(
  request: SeriesRequest,
  plan: CarePlanDefaults | undefined,
  today: string,
): ResolvedSeries | SeriesRequestProblem {
  const frequency = resolveFrequency(request, plan);
  if ('problem' in frequency) {
    return frequency;
  }
  const therapistId = request.therapistId ?? plan?.preferredTherapistId ?? undefined;
  if (therapistId === undefined) {
    return {
      field: 'therapistId',
      problem:
        plan === undefined
          ? 'give therapistId (or a carePlanId whose care plan names a preferred therapist)'
          : `care plan ${plan.id} names no preferred therapist; give therapistId`,
    };
  }
  const startsOn = request.startsOn ?? defaultStart(plan, today);
  if (startsOn === undefined) {
    return {
      field: 'startsOn',
      problem: 'give startsOn (YYYY-MM-DD), or a carePlanId to start on the care plan start date',
    };
  }
  const sessions = request.maintenanceSessions ?? 0;
  if (!Number.isInteger(sessions) || sessions < 0 || sessions > MAX_MAINTENANCE_SESSIONS) {
    return {
      field: 'maintenanceSessions',
      problem: `maintenanceSessions must be a whole number from 0 to ${MAX_MAINTENANCE_SESSIONS}`,
    };
  }
  if (sessions === 0) {
    return { ...frequency, therapistId, startsOn, maintenance: undefined };
  }
  if (plan === undefined) {
    return {
      field: 'maintenanceSessions',
      problem:
        'maintenance sessions follow a care plan; give its carePlanId, or leave maintenanceSessions out',
    };
  }
  if (plan.maintenanceEveryWeeks === null) {
    return {
      field: 'maintenanceSessions',
      problem: `care plan ${plan.id} has no maintenance phase (maintenanceEveryWeeks); leave maintenanceSessions out, or add the phase to the care plan first`,
    };
  }
  return {
    ...frequency,
    therapistId,
    startsOn,
    maintenance: { sessions, everyWeeks: plan.maintenanceEveryWeeks },
  };
}

/** The treatments a request names: the series' own, and optionally one for maintenance. */
export interface SeriesTreatmentRequest {
  readonly treatmentId: string;
  readonly maintenanceTreatmentId?: string | null;
  readonly maintenanceSessions?: number | null;
}

/**
 * The treatment of the maintenance sessions: `maintenanceTreatmentId` when given (e.g. the
 * shorter maintenance session), else the series' treatment; null when the request has no
 * maintenance sessions. Naming a maintenance treatment without maintenance sessions is a
 * mistake in the request, reported on that field rather than ignored.
 */
export function maintenanceTreatmentOf(
  request: SeriesTreatmentRequest,
): { readonly maintenanceTreatmentId: string | null } | SeriesRequestProblem {
  const given = request.maintenanceTreatmentId ?? null;
  if ((request.maintenanceSessions ?? 0) === 0) {
    return given === null
      ? { maintenanceTreatmentId: null }
      : {
          field: 'maintenanceTreatmentId',
          problem:
            'maintenanceTreatmentId is the treatment of the maintenance sessions; give maintenanceSessions too, or leave maintenanceTreatmentId out',
        };
  }
  return { maintenanceTreatmentId: given ?? request.treatmentId };
}

/**
 * The plan's start date, or tomorrow (clinic-local) when it is today or has passed: a
 * session earlier today would already be in the past and fail the whole series, so a
 * default never starts today (send startsOn to start today). Undefined without a plan.
 */
function defaultStart(plan: CarePlanDefaults | undefined, today: string): string | undefined {
  if (plan === undefined) {
    return undefined;
  }
  const tomorrow = addDays(today, 1);
  return plan.startsOn < tomorrow ? tomorrow : plan.startsOn;
}
