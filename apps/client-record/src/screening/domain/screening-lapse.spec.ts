import { addMonthsClamped, isCalendarDate } from './calendar-date';
import { hasLapsed, lapsesOn, validUntil } from './screening-lapse';

describe(lapsesOn.name, () => {
  it('lapses on the same day twelve months later', () => {
    expect(lapsesOn('2025-03-15')).toBe('2026-03-15');
    expect(validUntil('2025-03-15')).toBe('2026-03-14');
  });

  it('lapses a 29 February screening on 28 February, never later than 12 months', () => {
    expect(lapsesOn('2024-02-29')).toBe('2025-02-28');
    expect(validUntil('2024-02-29')).toBe('2025-02-27');
  });

  it('keeps 28 February of a leap year on 28 February', () => {
    expect(lapsesOn('2023-02-28')).toBe('2024-02-28');
  });

  it('crosses year ends', () => {
    expect(lapsesOn('2025-12-31')).toBe('2026-12-31');
    expect(validUntil('2025-01-01')).toBe('2025-12-31');
  });
});

describe(hasLapsed.name, () => {
  it('counts the screening up to and including validUntil, lapsed from the next day', () => {
    expect(hasLapsed('2025-03-15', '2026-03-14')).toBe(false);
    expect(hasLapsed('2025-03-15', '2026-03-15')).toBe(true);
    expect(hasLapsed('2024-02-29', '2025-02-27')).toBe(false);
    expect(hasLapsed('2024-02-29', '2025-02-28')).toBe(true);
  });
});

describe(addMonthsClamped.name, () => {
  it('clamps to the last day of a shorter month', () => {
    expect(addMonthsClamped('2025-08-31', 6)).toBe('2026-02-28');
    expect(addMonthsClamped('2027-08-31', 6)).toBe('2028-02-29');
    expect(addMonthsClamped('2025-01-31', 1)).toBe('2025-02-28');
  });

  it('refuses what is not a date', () => {
    expect(isCalendarDate('2025-02-30')).toBe(false);
    expect(() => addMonthsClamped('2025-02-30', 1)).toThrow(RangeError);
  });
});
