import type { CarePlan, CarePlanVersion } from './domain/care-plan';
import { CarePlanModel, CarePlanStatusEnum, CarePlanVersionModel } from './care-plan.model';

function toVersionModel(version: CarePlanVersion): CarePlanVersionModel {
  return {
    version: version.version,
    status: CarePlanStatusEnum[version.status],
    goals: [...version.goals],
    targetConditions: [...version.targetConditions],
    sessionsPerWeek: version.sessionsPerWeek,
    weeks: version.weeks,
    maintenanceEveryWeeks: version.maintenanceEveryWeeks,
    preferredTherapistId: version.preferredTherapistId,
    startsOn: version.startsOn,
    reviewOn: version.reviewOn,
    changeNote: version.changeNote,
    writtenBy: version.writtenBySubject,
    writtenByRole: version.writtenByRole,
    writtenAt: version.createdAt,
  };
}

export function toCarePlanModel(
  plan: CarePlan,
  history: readonly CarePlanVersion[] | null,
): CarePlanModel {
  return {
    id: plan.id,
    clientId: plan.clientId,
    clinicId: plan.clinicId,
    createdAt: plan.createdAt,
    updatedAt: plan.updatedAt,
    current: toVersionModel(plan.current),
    history: history === null ? null : history.map(toVersionModel),
  };
}
