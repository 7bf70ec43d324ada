import type { ClientOutcomeModel, OutcomeSummaryModel } from './outcome.model';
import type { ClientOutcome, OutcomeSummary } from './outcomes.service';

export function toClientOutcomeModel(result: ClientOutcome): ClientOutcomeModel {
  const outcome = result.outcome;
  return {
    clientId: result.clientId,
    ratedSessions: result.ratedSessions,
    firstPain: outcome?.firstPain ?? null,
    firstRatedAt: outcome?.firstRatedAt ?? null,
    latestPain: outcome?.latestPain ?? null,
    latestRatedAt: outcome?.latestRatedAt ?? null,
    change: outcome?.change ?? null,
    percentChange: outcome?.percentChange ?? null,
    clinicallyImportantImprovement: outcome?.clinicallyImportantImprovement ?? false,
    worsened: outcome?.worsened ?? false,
  };
}

export function toOutcomeSummaryModel(summary: OutcomeSummary): OutcomeSummaryModel {
  return {
    clinicId: summary.clinicId,
    condition: summary.condition,
    overall: summary.overall,
    byClinic: summary.byClinic.map((group) => ({ clinicId: group.key, ...group.aggregate })),
    byCondition: summary.byCondition.map((group) => ({
      condition: group.key,
      ...group.aggregate,
    })),
  };
}
