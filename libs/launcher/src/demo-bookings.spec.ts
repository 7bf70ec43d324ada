import { DEMO_CLIENTS, DEMO_TREATMENTS, demoClientEmail } from './demo-clients';
import {
  DEMO_BOOKING_DAYS,
  OfferedSlot,
  SERIES_CLIENT,
  datesOn,
  demoBookingKey,
  pickSlot,
  startsWithin24h,
  wantedBookings,
  weekdayOf,
} from './demo-bookings';
import { addDays } from './demo-clients';

const TODAYS = ['2026-11-23', '2026-11-26', '2026-11-28', '2026-11-29', '2026-10-20'];

const slot = (localStart: string, therapistId: string, minutes = 30): OfferedSlot => {
  const startsAt = new Date(`${localStart}:00Z`);
  return {
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + minutes * 60_000).toISOString(),
    localStart,
    therapistId,
    roomId: 'room',
  };
};

describe('demo bookings plan', () => {
  it.each(TODAYS)('stays inside the four-week window from %s', (today) => {
    const wanted = wantedBookings(today);
    const last = addDays(today, DEMO_BOOKING_DAYS - 1);
    expect(wanted.length).toBeGreaterThanOrEqual(40);
    for (const want of wanted) {
      expect(want.date >= today && want.date <= last).toBe(true);
      expect(want.time).toMatch(/^\d\d:[0-5][05]$/);
    }
  });

  it('books clearance-requiring treatments only for cleared clients', () => {
    const wanted = wantedBookings('2026-11-23');
    const notCleared = DEMO_CLIENTS.filter(
      (c) => c.screening.redFlags.length > 0 && c.gpClearance === undefined,
    ).map(demoClientEmail);
    expect(notCleared).toHaveLength(3);
    for (const want of wanted.filter((w) => notCleared.includes(w.client))) {
      expect(want.treatment).toBe('INITIAL_ASSESSMENT');
    }
    expect(wanted.filter((w) => notCleared.includes(w.client))).toHaveLength(3);
  });

  it('leaves the series client to bookSeries', () => {
    const email = demoClientEmail(SERIES_CLIENT);
    expect(wantedBookings('2026-11-23').some((w) => w.client === email)).toBe(false);
  });

  it('leaves one booking held and cancels one per clinic, in week three or later', () => {
    const today = '2026-11-23';
    const wanted = wantedBookings(today);
    for (const clinic of ['LDS-01', 'BRS-01']) {
      const mine = wanted.filter((w) => w.clinic === clinic);
      expect(mine.filter((w) => w.outcome === 'leave_held')).toHaveLength(1);
      const cancelled = mine.filter((w) => w.outcome === 'cancel_by_clinic');
      expect(cancelled).toHaveLength(2);
      expect(cancelled[0].date >= addDays(today, 14)).toBe(true);
    }
  });

  it('is the same plan for the same day', () => {
    expect(wantedBookings('2026-11-25')).toEqual(wantedBookings('2026-11-25'));
  });

  it('uses the seeded treatments only', () => {
    const codes = Object.keys(DEMO_TREATMENTS);
    expect(wantedBookings('2026-11-23').every((w) => codes.includes(w.treatment))).toBe(true);
  });
});

describe('dates', () => {
  it('knows the weekday of a date', () => {
    expect(weekdayOf('2026-11-23')).toBe('monday');
    expect(weekdayOf('2026-11-29')).toBe('sunday');
  });

  it('lists the wanted weekdays of the window', () => {
    const dates = datesOn('2026-11-23', ['monday', 'wednesday']);
    expect(dates).toHaveLength(9);
    expect(dates[0]).toBe('2026-11-23');
    expect(dates[dates.length - 1]).toBe('2026-12-21');
  });
});

describe('pickSlot', () => {
  const slots = [
    slot('2026-11-24T09:00', 'amira'),
    slot('2026-11-24T09:30', 'tom'),
    slot('2026-11-24T11:00', 'amira'),
  ];

  it('prefers the client’s therapist, then the nearest time', () => {
    expect(pickSlot(slots, { time: '09:30', therapistId: 'amira' })?.localStart).toBe(
      '2026-11-24T09:00',
    );
    expect(pickSlot(slots, { time: '09:30' })?.therapistId).toBe('tom');
  });

  it('skips slots overlapping the client’s own appointments', () => {
    const busy = [{ startsAt: slots[0].startsAt, endsAt: slots[1].endsAt }];
    expect(pickSlot(slots, { time: '09:00', therapistId: 'amira' }, busy)?.localStart).toBe(
      '2026-11-24T11:00',
    );
  });

  it('offers nothing when availability offers nothing', () => {
    expect(pickSlot([], { time: '09:00' })).toBeUndefined();
  });
});

describe('demoBookingKey', () => {
  it('is deterministic, distinct per step and index, and within the 200-character limit', () => {
    const key = demoBookingKey('LDS-01', 'a@example.com', '2026-11-23', 3, 'hold');
    expect(key).toBe(demoBookingKey('LDS-01', 'a@example.com', '2026-11-23', 3, 'hold'));
    expect(key).not.toBe(demoBookingKey('LDS-01', 'a@example.com', '2026-11-23', 3, 'confirm'));
    expect(key).not.toBe(demoBookingKey('LDS-01', 'a@example.com', '2026-11-23', 4, 'hold'));
    expect(key).not.toBe(demoBookingKey('LDS-01', 'a@example.com', '2026-11-24', 3, 'hold'));
    expect(key.length).toBeLessThanOrEqual(200);
  });
});

describe('startsWithin24h', () => {
  const now = new Date('2026-11-23T23:00:00Z');
  it('is true only for a start in the next 24 hours', () => {
    expect(startsWithin24h('2026-11-24T08:45:00Z', now)).toBe(true);
    expect(startsWithin24h('2026-11-25T08:45:00Z', now)).toBe(false);
    expect(startsWithin24h('2026-11-23T22:00:00Z', now)).toBe(false);
  });
});
