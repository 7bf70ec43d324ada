import {
  aggregateByClinic,
  aggregateByCondition,
  aggregateOutcomes,
  ClientOutcomeRow,
  ClinicPainRating,
  clinicOutcomesOf,
} from './outcome-summary';
import { painOutcomeOf } from './pain-outcome';

function client(
  id: string,
  first: number | null,
  latest: number | null,
  groups: { conditions?: string[] } = {},
): ClientOutcomeRow {
  const ratings = [
    ...(first === null ? [] : [{ at: new Date('2026-01-05T10:00:00Z'), painBefore: first }]),
    ...(latest === null ? [] : [{ at: new Date('2026-02-05T10:00:00Z'), painBefore: latest }]),
  ];
  return {
    clientId: id,
    conditions: groups.conditions ?? ['sciatica'],
    outcome: painOutcomeOf(ratings),
  };
}

describe(aggregateOutcomes.name, () => {
  it('counts clients with an outcome, the mean change, the improved share and the worsened', () => {
    const aggregate = aggregateOutcomes([
      client('a', 8, 5), // −3, improved
      client('b', 6, 5), // −1, not improved
      client('c', 3, 5), // +2, worsened
      client('d', 7, null), // one rating: not counted
    ]);
    expect(aggregate).toEqual({
      clients: 3,
      meanChange: -0.67,
      clinicallyImportantImprovements: 1,
      clinicallyImportantImprovementShare: 0.333,
      worsened: 1,
    });
  });

  it('gives nulls rather than zeros when no client has an outcome', () => {
    expect(aggregateOutcomes([client('a', 5, null)])).toEqual({
      clients: 0,
      meanChange: null,
      clinicallyImportantImprovements: 0,
      clinicallyImportantImprovementShare: null,
      worsened: 0,
    });
  });
});

describe(aggregateByCondition.name, () => {
  it('counts a client with two conditions in both', () => {
    const groups = aggregateByCondition([
      client('a', 8, 4, { conditions: ['sciatica', 'lower_back_pain'] }),
      client('b', 6, 6, { conditions: ['sciatica'] }),
    ]);
    expect(groups.map((group) => [group.key, group.aggregate.clients])).toEqual([
      ['lower_back_pain', 1],
      ['sciatica', 2],
    ]);
  });

  it('leaves out a client without a screening (no conditions)', () => {
    expect(aggregateByCondition([client('a', 8, 4, { conditions: [] })])).toEqual([]);
  });
});

function rating(clinicId: string, day: number, painBefore: number | null): ClinicPainRating {
  return { clinicId, at: new Date(Date.UTC(2026, 0, day, 10)), painBefore };
}

describe(clinicOutcomesOf.name, () => {
  it('gives each clinic the outcome of the sessions held there, not the whole history', () => {
    const rows = clinicOutcomesOf('a', [
      rating('leeds', 1, 8),
      rating('york', 2, 7),
      rating('leeds', 3, 6),
      rating('york', 4, 7),
    ]);
    expect(
      rows.map((row) => [row.clinicId, row.outcome?.firstPain, row.outcome?.latestPain]),
    ).toEqual([
      ['leeds', 8, 6],
      ['york', 7, 7],
    ]);
  });

  it('has no outcome at a clinic with one rated session there', () => {
    const rows = clinicOutcomesOf('a', [rating('leeds', 1, 8), rating('york', 2, 4)]);
    expect(rows.map((row) => [row.clinicId, row.outcome])).toEqual([
      ['leeds', undefined],
      ['york', undefined],
    ]);
  });
});

describe(aggregateByClinic.name, () => {
  it('counts a client treated at two clinics in both, each with the sessions held there', () => {
    const groups = aggregateByClinic([
      ...clinicOutcomesOf('a', [
        rating('york', 1, 8),
        rating('leeds', 2, 8),
        rating('york', 3, 4),
        rating('leeds', 4, 7),
      ]),
      ...clinicOutcomesOf('b', [rating('york', 1, 2), rating('york', 2, 5)]),
    ]);
    expect(
      groups.map((group) => [
        group.key,
        group.aggregate.clients,
        group.aggregate.meanChange,
        group.aggregate.worsened,
      ]),
    ).toEqual([
      ['leeds', 1, -1, 0],
      ['york', 2, -0.5, 1],
    ]);
  });
});
