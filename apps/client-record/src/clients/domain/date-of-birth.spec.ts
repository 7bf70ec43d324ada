import { checkDateOfBirth, isCalendarDate } from './date-of-birth';

const TODAY = '2026-03-10';

describe(checkDateOfBirth.name, () => {
  it('accepts a past date, trimmed', () => {
    expect(checkDateOfBirth(' 1984-03-21 ', TODAY)).toEqual({
      ok: true,
      dateOfBirth: '1984-03-21',
    });
  });

  it('accepts a baby born today', () => {
    expect(checkDateOfBirth(TODAY, TODAY)).toEqual({ ok: true, dateOfBirth: TODAY });
  });

  it('rejects a date in the future', () => {
    expect(checkDateOfBirth('2026-03-11', TODAY)).toEqual({ ok: false, problem: 'in_future' });
  });

  it('accepts exactly 120 years ago and rejects the day before', () => {
    expect(checkDateOfBirth('1906-03-10', TODAY).ok).toBe(true);
    expect(checkDateOfBirth('1906-03-09', TODAY)).toEqual({ ok: false, problem: 'too_old' });
  });

  it.each(['21/03/1984', '1984-02-30', '1984-3-21', ''])('rejects %j as malformed', (raw) => {
    expect(checkDateOfBirth(raw, TODAY)).toEqual({ ok: false, problem: 'malformed' });
  });
});

describe(isCalendarDate.name, () => {
  it('knows leap years', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2025-02-29')).toBe(false);
  });
});
