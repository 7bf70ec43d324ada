import { PainOutcome, PainRating, painOutcomeOf } from './pain-outcome';

/** One client's outcome (over the sessions in the summary's scope) with its conditions. */
export interface ClientOutcomeRow {
  readonly clientId: string;
  /** The conditions of the client's latest screening: they count in each. */
  readonly conditions: readonly string[];
  /** Undefined while the client has fewer than two rated sessions. */
  readonly outcome: PainOutcome | undefined;
}

/** A session's pre-session rating with the clinic where the session took place. */
export interface ClinicPainRating extends PainRating {
  readonly clinicId: string;
}

/** One client's outcome over the sessions they had at one clinic. */
export interface ClinicOutcomeRow {
  readonly clientId: string;
  readonly clinicId: string;
  /** Undefined while the client has fewer than two rated sessions at that clinic. */
  readonly outcome: PainOutcome | undefined;
}

export interface OutcomeAggregate {
  /** Clients with an outcome (at least two rated sessions). */
  readonly clients: number;
  /** Mean of latest − first over those clients, two decimals; null when there are none. */
  readonly meanChange: number | null;
  readonly clinicallyImportantImprovements: number;
  /** Share (0–1, three decimals) with a clinically important improvement; null when none. */
  readonly clinicallyImportantImprovementShare: number | null;
  readonly worsened: number;
}

export interface GroupedAggregate<K extends string> {
  readonly key: K;
  readonly aggregate: OutcomeAggregate;
}

function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

/** Aggregates the clients that have an outcome; the others are not counted at all. */
export function aggregateOutcomes(
  rows: readonly { readonly outcome: PainOutcome | undefined }[],
): OutcomeAggregate {
  const outcomes = rows
    .map((row) => row.outcome)
    .filter((outcome): outcome is PainOutcome => outcome !== undefined);
  const clients = outcomes.length;
  const improvements = outcomes.filter((outcome) => outcome.clinicallyImportantImprovement).length;
  const totalChange = outcomes.reduce((sum, outcome) => sum + outcome.change, 0);
  return {
    clients,
    meanChange: clients === 0 ? null : round(totalChange / clients, 2),
    clinicallyImportantImprovements: improvements,
    clinicallyImportantImprovementShare: clients === 0 ? null : round(improvements / clients, 3),
    worsened: outcomes.filter((outcome) => outcome.worsened).length,
  };
}

function groupBy<R extends { readonly outcome: PainOutcome | undefined }>(
  rows: readonly R[],
  keysOf: (row: R) => readonly string[],
): GroupedAggregate<string>[] {
  const groups = new Map<string, R[]>();
  for (const row of rows) {
    for (const key of new Set(keysOf(row))) {
      groups.set(key, [...(groups.get(key) ?? []), row]);
    }
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, members]) => ({ key, aggregate: aggregateOutcomes(members) }));
}

/**
 * A client's outcome at each clinic where they had sessions, from those sessions only (first
 * vs latest rating there). The clinics the client attends do not matter: a session counts
 * where it happened.
 */
export function clinicOutcomesOf(
  clientId: string,
  ratings: readonly ClinicPainRating[],
): ClinicOutcomeRow[] {
  const byClinic = new Map<string, ClinicPainRating[]>();
  for (const rating of ratings) {
    byClinic.set(rating.clinicId, [...(byClinic.get(rating.clinicId) ?? []), rating]);
  }
  return [...byClinic.entries()].map(([clinicId, atClinic]) => ({
    clientId,
    clinicId,
    outcome: painOutcomeOf(atClinic),
  }));
}

/**
 * Per clinic, from each client's outcome at that clinic (see clinicOutcomesOf): a client
 * treated at two clinics counts in both, each with the sessions they had there.
 */
export function aggregateByClinic(rows: readonly ClinicOutcomeRow[]): GroupedAggregate<string>[] {
  return groupBy(rows, (row) => [row.clinicId]);
}

/** Per condition of the latest screening: a client with two conditions counts in both. */
export function aggregateByCondition(
  rows: readonly ClientOutcomeRow[],
): GroupedAggregate<string>[] {
  return groupBy(rows, (row) => row.conditions);
}
