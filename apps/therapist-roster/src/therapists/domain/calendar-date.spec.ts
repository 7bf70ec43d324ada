import { addDays, daysBetween, isCalendarDate, utcDateOf } from './calendar-date';

describe(isCalendarDate.name, () => {
  it('accepts real dates, including 29 February in a leap year', () => {
    expect(isCalendarDate('2026-03-29')).toBe(true);
    expect(isCalendarDate('2028-02-29')).toBe(true);
  });

  it('rejects impossible dates and other formats', () => {
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2026-13-01')).toBe(false);
    expect(isCalendarDate('29/03/2026')).toBe(false);
    expect(isCalendarDate('2026-03-29T00:00:00Z')).toBe(false);
  });
});

describe(daysBetween.name, () => {
  it('counts whole days, across the March clock change too', () => {
    expect(daysBetween('2026-03-01', '2026-03-31')).toBe(30);
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
  });

  it('is negative when the second date is earlier', () => {
    expect(daysBetween('2026-01-08', '2026-01-01')).toBe(-7);
  });
});

describe(addDays.name, () => {
  it('crosses month and year ends', () => {
    expect(addDays('2026-12-25', 30)).toBe('2027-01-24');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});

describe(utcDateOf.name, () => {
  it('takes the UTC date of an instant', () => {
    expect(utcDateOf(new Date('2026-06-30T23:30:00Z'))).toBe('2026-06-30');
  });
});
