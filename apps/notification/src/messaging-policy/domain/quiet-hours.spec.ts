import { isWithinQuietHours } from './quiet-hours';

describe(isWithinQuietHours.name, () => {
  it('holds messages late in the evening when quiet hours wrap past midnight', () => {
    expect(isWithinQuietHours('22:30', '21:00', '08:00')).toBe(true);
  });

  it('holds messages early in the morning before quiet hours end', () => {
    expect(isWithinQuietHours('07:59', '21:00', '08:00')).toBe(true);
  });

  it('sends during the day', () => {
    expect(isWithinQuietHours('08:00', '21:00', '08:00')).toBe(false);
    expect(isWithinQuietHours('20:59', '21:00', '08:00')).toBe(false);
  });

  it('handles quiet hours inside one day', () => {
    expect(isWithinQuietHours('13:30', '13:00', '14:00')).toBe(true);
    expect(isWithinQuietHours('14:00', '13:00', '14:00')).toBe(false);
  });

  it('treats equal start and end as no quiet hours', () => {
    expect(isWithinQuietHours('03:00', '00:00', '00:00')).toBe(false);
  });
});
