import type { ClinicSchedule } from './opening-hours';
import { CLOSED_ALL_WEEK } from './opening-hours-rules';
import { openingRangesOn } from './opening-ranges-on';

const schedule: Pick<ClinicSchedule, 'weekly' | 'exceptions'> = {
  weekly: {
    ...CLOSED_ALL_WEEK,
    monday: [
      { start: '09:00', end: '13:00' },
      { start: '14:00', end: '18:00' },
    ],
    friday: [{ start: '09:00', end: '17:00' }],
    saturday: [{ start: '10:00', end: '14:00' }],
  },
  exceptions: [
    { date: '2026-12-25', ranges: [], reason: 'Christmas Day' },
    { date: '2026-12-28', ranges: [{ start: '10:00', end: '14:00' }], reason: 'Bank holiday' },
    { date: '2026-12-27', ranges: [{ start: '10:00', end: '12:00' }], reason: 'Sunday clinic' },
  ],
};

describe(openingRangesOn.name, () => {
  it("gives the weekday's ranges on an ordinary date", () => {
    expect(openingRangesOn(schedule, '2026-11-23')).toEqual(schedule.weekly.monday); // a Monday
    expect(openingRangesOn(schedule, '2026-11-28')).toEqual(schedule.weekly.saturday);
  });

  it('gives no ranges on a closed weekday', () => {
    expect(openingRangesOn(schedule, '2026-11-24')).toEqual([]); // a Tuesday
  });

  it("prefers a closing exception to the weekday's hours", () => {
    expect(openingRangesOn(schedule, '2026-12-25')).toEqual([]); // a Friday
  });

  it("prefers special hours to the weekday's hours", () => {
    expect(openingRangesOn(schedule, '2026-12-28')).toEqual([{ start: '10:00', end: '14:00' }]); // a Monday
  });

  it('opens a normally closed day when an exception says so', () => {
    expect(openingRangesOn(schedule, '2026-12-27')).toEqual([{ start: '10:00', end: '12:00' }]); // a Sunday
  });

  it('uses the calendar date, whatever the clocks do: the Sunday clocks go back is a Sunday', () => {
    expect(openingRangesOn(schedule, '2026-10-25')).toEqual([]);
    expect(openingRangesOn(schedule, '2026-03-30')).toEqual(schedule.weekly.monday);
  });

  it('throws for something that is not a date', () => {
    expect(() => openingRangesOn(schedule, '2026-13-01')).toThrow(RangeError);
  });
});
