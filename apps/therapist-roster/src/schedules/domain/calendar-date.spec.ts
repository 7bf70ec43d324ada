import { addDays, datesInclusive, eachDate, periodsOverlap } from './calendar-date';

describe(addDays.name, () => {
  it('crosses month and year ends and clock changes without drifting', () => {
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29');
    expect(addDays('2026-03-29', 1)).toBe('2026-03-30');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});

describe(datesInclusive.name, () => {
  it('counts both ends and is zero for a backwards range', () => {
    expect(datesInclusive('2026-03-01', '2026-03-31')).toBe(31);
    expect(datesInclusive('2026-03-02', '2026-03-01')).toBe(0);
  });
});

describe(eachDate.name, () => {
  it('lists every date of the range', () => {
    expect(eachDate('2026-10-24', '2026-10-26')).toEqual([
      '2026-10-24',
      '2026-10-25',
      '2026-10-26',
    ]);
  });
});

describe(periodsOverlap.name, () => {
  it('sees periods sharing a date as overlapping, and open ends as running for ever', () => {
    expect(
      periodsOverlap({ from: '2026-01-01', to: '2026-01-31' }, { from: '2026-01-31', to: null }),
    ).toBe(true);
    expect(
      periodsOverlap({ from: '2026-01-01', to: '2026-01-30' }, { from: '2026-01-31', to: null }),
    ).toBe(false);
    expect(periodsOverlap({ from: '2026-01-01', to: null }, { from: '2030-01-01', to: null })).toBe(
      true,
    );
  });
});
