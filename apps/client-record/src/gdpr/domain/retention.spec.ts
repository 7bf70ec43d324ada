import { addDays, ageOn, anniversary } from './calendar-date';
import { isPurgeDue, latestDate, retentionOf } from './retention';

describe(retentionOf.name, () => {
  const erasedOn = '2026-03-10';

  it('keeps an adult’s records 8 years after the last treatment', () => {
    expect(
      retentionOf({ dateOfBirth: '1980-05-17', lastTreatmentOn: '2026-01-20', erasedOn }),
    ).toEqual({ retainUntil: '2034-01-20', rule: 'adult' });
  });

  it('applies the adult rule to someone who turned 18 on the last day of treatment', () => {
    expect(
      retentionOf({ dateOfBirth: '2008-01-20', lastTreatmentOn: '2026-01-20', erasedOn }),
    ).toEqual({ retainUntil: '2034-01-20', rule: 'adult' });
  });

  it('applies the adult rule to someone who was 18 at the end of treatment', () => {
    expect(
      retentionOf({ dateOfBirth: '2007-06-01', lastTreatmentOn: '2026-01-20', erasedOn }),
    ).toEqual({ retainUntil: '2034-01-20', rule: 'adult' });
  });

  it('keeps the records of someone who was 17 at the end of treatment until their 26th birthday', () => {
    expect(
      retentionOf({ dateOfBirth: '2008-06-01', lastTreatmentOn: '2026-01-20', erasedOn }),
    ).toEqual({ retainUntil: '2034-06-01', rule: 'child_26th_birthday' });
  });

  it('treats the day before the 18th birthday as 17', () => {
    expect(
      retentionOf({ dateOfBirth: '2008-01-21', lastTreatmentOn: '2026-01-20', erasedOn }),
    ).toEqual({ retainUntil: '2034-01-21', rule: 'child_26th_birthday' });
  });

  it('keeps the records of someone who was 16 at the end of treatment until their 25th birthday', () => {
    expect(
      retentionOf({ dateOfBirth: '2009-06-01', lastTreatmentOn: '2026-01-20', erasedOn }),
    ).toEqual({ retainUntil: '2034-06-01', rule: 'child_25th_birthday' });
  });

  it('keeps a young child’s records until their 25th birthday, long after 8 years', () => {
    expect(
      retentionOf({ dateOfBirth: '2018-09-30', lastTreatmentOn: '2026-01-20', erasedOn }),
    ).toEqual({ retainUntil: '2043-09-30', rule: 'child_25th_birthday' });
  });

  it('purges at the next run when the client was never treated', () => {
    expect(retentionOf({ dateOfBirth: '2009-06-01', lastTreatmentOn: null, erasedOn })).toEqual({
      retainUntil: erasedOn,
      rule: 'never_treated',
    });
  });

  it('uses the adult rule when the date of birth is no longer on record', () => {
    expect(retentionOf({ dateOfBirth: null, lastTreatmentOn: '2026-01-20', erasedOn })).toEqual({
      retainUntil: '2034-01-20',
      rule: 'unknown_age',
    });
  });

  it('lets a record treated more than 8 years ago be purged at once', () => {
    const retention = retentionOf({
      dateOfBirth: '1970-01-01',
      lastTreatmentOn: '2016-02-01',
      erasedOn,
    });
    expect(retention.retainUntil).toBe('2024-02-01');
    expect(isPurgeDue(retention.retainUntil, erasedOn)).toBe(true);
  });

  describe('29 February', () => {
    it('keeps a child born on 29 February until 1 March of a common year', () => {
      // 16 at the end of treatment; the 25th birthday falls in 2033, a common year.
      expect(
        retentionOf({ dateOfBirth: '2008-02-29', lastTreatmentOn: '2025-01-10', erasedOn }),
      ).toEqual({ retainUntil: '2033-03-01', rule: 'child_25th_birthday' });
    });

    it('keeps a child born on 29 February who was 17 at the end until 1 March after their 26th year', () => {
      // The 25th and 26th anniversaries of a leap day never fall in a leap year.
      expect(
        retentionOf({ dateOfBirth: '2008-02-29', lastTreatmentOn: '2025-06-01', erasedOn }),
      ).toEqual({ retainUntil: '2034-03-01', rule: 'child_26th_birthday' });
    });

    it('counts someone born on 29 February as still 16 on 28 February of a common year', () => {
      // Turns 17 on 2025-03-01, so the 25th-birthday rule applies, not the 26th.
      expect(
        retentionOf({ dateOfBirth: '2008-02-29', lastTreatmentOn: '2025-02-28', erasedOn }),
      ).toEqual({ retainUntil: '2033-03-01', rule: 'child_25th_birthday' });
    });

    it('keeps an adult treated last on 29 February until 29 February 8 years on, or 1 March when that year has none', () => {
      expect(
        retentionOf({ dateOfBirth: '1980-05-17', lastTreatmentOn: '2028-02-29', erasedOn }),
      ).toEqual({ retainUntil: '2036-02-29', rule: 'adult' });
      expect(
        retentionOf({ dateOfBirth: '1980-05-17', lastTreatmentOn: '2024-02-29', erasedOn }),
      ).toEqual({ retainUntil: '2032-02-29', rule: 'adult' });
      expect(
        retentionOf({ dateOfBirth: '1980-05-17', lastTreatmentOn: '2020-02-29', erasedOn }),
      ).toEqual({ retainUntil: '2028-02-29', rule: 'adult' });
      expect(
        retentionOf({ dateOfBirth: '1980-05-17', lastTreatmentOn: '2092-02-29', erasedOn }),
      ).toEqual({ retainUntil: '2100-03-01', rule: 'adult' });
    });
  });

  it('never keeps a child’s records for less than 8 years after the last treatment', () => {
    const dateOfBirth = '2008-02-29';
    for (let day = 0; day < 18 * 366; day += 7) {
      const lastTreatmentOn = addDays(dateOfBirth, day);
      const { retainUntil, rule } = retentionOf({ dateOfBirth, lastTreatmentOn, erasedOn });
      if (rule !== 'adult') {
        expect(retainUntil > anniversary(lastTreatmentOn, 8)).toBe(true);
      }
    }
  });
});

describe(ageOn.name, () => {
  it('counts whole years, turning a year older on the birthday', () => {
    expect(ageOn('2008-06-01', '2026-05-31')).toBe(17);
    expect(ageOn('2008-06-01', '2026-06-01')).toBe(18);
  });

  it('has someone born on 29 February turn a year older on 1 March of a common year', () => {
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageOn('2008-02-29', '2026-03-01')).toBe(18);
    expect(ageOn('2008-02-29', '2028-02-29')).toBe(20);
  });

  it('rejects a date that is not in the calendar', () => {
    expect(() => ageOn('2009-02-29', '2026-01-01')).toThrow(RangeError);
  });
});

describe(latestDate.name, () => {
  it('picks the latest date and ignores sections that know of no treatment', () => {
    expect(latestDate([null, '2025-11-02', '2026-01-20', null, '2024-12-31'])).toBe('2026-01-20');
  });

  it('is null when no section knows of a treatment', () => {
    expect(latestDate([null, null])).toBeNull();
    expect(latestDate([])).toBeNull();
  });
});

describe(isPurgeDue.name, () => {
  it('is due on the retention date and after, not before', () => {
    expect(isPurgeDue('2034-01-20', '2034-01-19')).toBe(false);
    expect(isPurgeDue('2034-01-20', '2034-01-20')).toBe(true);
    expect(isPurgeDue('2034-01-20', '2034-01-21')).toBe(true);
  });
});
