import { isIsoDate, weekdayOf } from './iso-date';

describe(isIsoDate.name, () => {
  it('accepts real dates, leap days included', () => {
    expect(isIsoDate('2026-12-25')).toBe(true);
    expect(isIsoDate('2028-02-29')).toBe(true);
  });

  it('rejects impossible dates and other formats', () => {
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-1-5')).toBe(false);
    expect(isIsoDate('25/12/2026')).toBe(false);
  });
});

describe(weekdayOf.name, () => {
  it('names the weekday of a date', () => {
    expect(weekdayOf('2026-11-23')).toBe('monday');
    expect(weekdayOf('2026-11-29')).toBe('sunday');
    expect(weekdayOf('2026-03-29')).toBe('sunday'); // clocks go forward in the UK
  });
});
