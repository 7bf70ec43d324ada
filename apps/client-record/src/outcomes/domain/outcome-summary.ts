import type { PainOutcome } from './pain-outcome';

/** One client's outcome with what it is grouped by. */
export interface ClientOutcomeRow {
  readonly clientId: string;
  /** The clinics the client attends: they count in each. */
  readonly clinicIds: readonly string[];
  /** The conditions of the client's latest screening: they count in each. */
  readonly conditions: readonly string[];
  /** Undefined while the client has fewer than two rated sessions. */
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
export function aggregateOutcomes(rows: readonly ClientOutcomeRow[]): OutcomeAggregate {
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

function groupBy(
  rows: readonly ClientOutcomeRow[],
  keysOf: (row: ClientOutcomeRow) => readonly string[],
): GroupedAggregate<string>[] {
  const groups = new Map<string, ClientOutcomeRow[]>();
  for (const row of rows) {
    for (const key of new Set(keysOf(row))) {
      groups.set(key, [...(groups.get(key) ?? []), row]);
    }
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, members]) => ({ key, aggregate: aggregateOutcomes(members) }));
}

/** Per clinic: a client attending two clinics counts in both. */
export function aggregateByClinic(rows: readonly ClientOutcomeRow[]): GroupedAggregate<string>[] {
  return groupBy(rows, (row) => row.clinicIds);
}

/** Per condition of the latest screening: a client with two conditions counts in both. */
export function aggregateByCondition(
  rows: readonly ClientOutcomeRow[],
): GroupedAggregate<string>[] {
  return groupBy(rows, (row) => row.conditions);
}
