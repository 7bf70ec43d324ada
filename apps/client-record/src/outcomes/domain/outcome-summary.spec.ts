import {
  aggregateByClinic,
  aggregateByCondition,
  aggregateOutcomes,
  ClientOutcomeRow,
} from './outcome-summary';
import { painOutcomeOf } from './pain-outcome';

function client(
  id: string,
  first: number | null,
  latest: number | null,
  groups: { clinicIds?: string[]; conditions?: string[] } = {},
): ClientOutcomeRow {
  const ratings = [
    ...(first === null ? [] : [{ at: new Date('2026-01-05T10:00:00Z'), painBefore: first }]),
    ...(latest === null ? [] : [{ at: new Date('2026-02-05T10:00:00Z'), painBefore: latest }]),
  ];
  return {
    clientId: id,
    clinicIds: groups.clinicIds ?? ['leeds'],
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

describe(aggregateByClinic.name, () => {
  it('counts a client attending two clinics in both', () => {
    const groups = aggregateByClinic([
      client('a', 8, 4, { clinicIds: ['york', 'leeds'] }),
      client('b', 2, 5, { clinicIds: ['york'] }),
    ]);
    expect(
      groups.map((group) => [group.key, group.aggregate.clients, group.aggregate.worsened]),
    ).toEqual([
      ['leeds', 1, 0],
      ['york', 2, 1],
    ]);
  });
});
