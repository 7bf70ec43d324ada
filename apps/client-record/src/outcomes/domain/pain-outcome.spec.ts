import {
  isClinicallyImportantImprovement,
  painOutcomeOf,
  PainRating,
  percentChange,
} from './pain-outcome';

function session(day: number, painBefore: number | null): PainRating {
  return { at: new Date(Date.UTC(2026, 0, day, 10)), painBefore };
}

describe(isClinicallyImportantImprovement.name, () => {
  it.each([
    ['exactly 2 points (8 to 6, only 25%)', 8, 6, true],
    ['1 point of 8 (12.5%)', 8, 7, false],
    ['exactly 30% (10 to 7)', 10, 7, true],
    ['1 point of 3 (33%, above 30%)', 3, 2, true],
    ['1 point of 4 (25%, below 30%)', 4, 3, false],
    ['from 1 to 0 (100%)', 1, 0, true],
    ['from 0 to 0 (nothing to improve)', 0, 0, false],
    ['from 0 to 3 (worse)', 0, 3, false],
    ['no change', 5, 5, false],
    ['worsening by 2 points', 4, 6, false],
  ])('%s: %s', (_case, first, latest, expected) => {
    expect(isClinicallyImportantImprovement(first, latest)).toBe(expected);
  });
});

describe(percentChange.name, () => {
  it('is the change as a percentage of first, one decimal', () => {
    expect(percentChange(6, 4)).toBe(-33.3);
    expect(percentChange(10, 7)).toBe(-30);
    expect(percentChange(4, 6)).toBe(50);
  });

  it('is null when first is 0, where a percentage means nothing', () => {
    expect(percentChange(0, 3)).toBeNull();
  });
});

describe(painOutcomeOf.name, () => {
  it('compares the earliest and the latest pre-session rating, whatever the input order', () => {
    const outcome = painOutcomeOf([session(20, 4), session(3, 7), session(10, 6)]);
    expect(outcome).toEqual({
      firstPain: 7,
      firstRatedAt: session(3, 7).at,
      latestPain: 4,
      latestRatedAt: session(20, 4).at,
      ratedSessions: 3,
      change: -3,
      percentChange: -42.9,
      clinicallyImportantImprovement: true,
      worsened: false,
    });
  });

  it('skips sessions without a pre-session rating', () => {
    const outcome = painOutcomeOf([
      session(1, null),
      session(2, 5),
      session(3, null),
      session(4, 4),
    ]);
    expect(outcome).toMatchObject({ firstPain: 5, latestPain: 4, ratedSessions: 2 });
  });

  it('has no outcome with fewer than two rated sessions', () => {
    expect(painOutcomeOf([])).toBeUndefined();
    expect(painOutcomeOf([session(1, 6)])).toBeUndefined();
    expect(painOutcomeOf([session(1, 6), session(2, null)])).toBeUndefined();
  });

  it('marks a worsening as worsened and not improved', () => {
    expect(painOutcomeOf([session(1, 3), session(9, 5)])).toMatchObject({
      change: 2,
      percentChange: 66.7,
      clinicallyImportantImprovement: false,
      worsened: true,
    });
  });

  it('handles a first rating of 0 (no percentage, no improvement possible)', () => {
    expect(painOutcomeOf([session(1, 0), session(2, 0)])).toMatchObject({
      change: 0,
      percentChange: null,
      clinicallyImportantImprovement: false,
      worsened: false,
    });
  });
});
