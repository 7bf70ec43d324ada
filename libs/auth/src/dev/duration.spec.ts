import { parseDurationSeconds } from './duration';

describe(parseDurationSeconds.name, () => {
  it('reads seconds, minutes, hours and days', () => {
    expect(['90s', '15m', '8h', '7d', '30'].map(parseDurationSeconds)).toEqual([
      90, 900, 28_800, 604_800, 30,
    ]);
  });

  it('returns undefined for anything else', () => {
    expect(['', '8 hours', '-1h', '1.5h', 'h'].map(parseDurationSeconds)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });
});
