import type { WaitlistEntry } from './waitlist-entry';
import {
  FreedSlot,
  fifo,
  firstMatching,
  matchesFreedSlot,
  rankSlotsForFreed,
  windowHasPassed,
  windowProblem,
} from './waitlist-rules';

const CLINIC = '0b7c4f7e-2f4d-4b7e-9a51-3c1f0c2d8e11';
const OTHER_CLINIC = '1b7c4f7e-2f4d-4b7e-9a51-3c1f0c2d8e11';
const T1 = '7e8f9a0b-1c2d-4e3f-8a5b-6c7d8e9f0a1b';
const T2 = '8e8f9a0b-1c2d-4e3f-8a5b-6c7d8e9f0a1b';

function entry(overrides: Partial<WaitlistEntry> = {}): WaitlistEntry {
  return {
    id: 'a',
    clinicId: CLINIC,
    clientId: 'c',
    treatmentId: 't',
    therapistId: null,
    fromDate: '2026-03-23',
    toDate: '2026-03-29',
    status: 'waiting',
    joinedAt: new Date('2026-03-20T09:00:00Z'),
    bookingId: null,
    offeredAt: null,
    offerExpiresAt: null,
    closedAt: null,
    createdBySubject: 's',
    createdByRole: 'receptionist',
    version: 1,
    ...overrides,
  };
}

const freed: FreedSlot = {
  clinicId: CLINIC,
  therapistId: T1,
  startsAt: new Date('2026-03-25T10:00:00Z'),
  localDate: '2026-03-25',
};

describe('waitlist window', () => {
  it('accepts a window from today of up to 31 days', () => {
    expect(windowProblem('2026-03-20', '2026-04-19', '2026-03-20')).toBeUndefined();
    expect(windowProblem('2026-03-25', '2026-03-25', '2026-03-20')).toBeUndefined();
  });

  it('rejects 32 days, a reversed window and non-dates', () => {
    expect(windowProblem('2026-03-20', '2026-04-20', '2026-03-20')?.code).toBe(
      'INVALID_WAITLIST_WINDOW',
    );
    expect(windowProblem('2026-03-25', '2026-03-24', '2026-03-20')?.code).toBe(
      'INVALID_WAITLIST_WINDOW',
    );
    expect(windowProblem('2026-02-30', '2026-03-02', '2026-02-01')?.code).toBe(
      'INVALID_WAITLIST_WINDOW',
    );
    expect(windowProblem('25/03/2026', '2026-03-26', '2026-03-20')?.code).toBe(
      'INVALID_WAITLIST_WINDOW',
    );
  });

  it('rejects a window starting before the clinic-local today', () => {
    expect(windowProblem('2026-03-19', '2026-03-25', '2026-03-20')?.code).toBe(
      'WAITLIST_WINDOW_IN_PAST',
    );
  });
});

describe(windowHasPassed.name, () => {
  const passed = (toDate: string, now: string, timezone = 'Europe/London'): boolean =>
    windowHasPassed(toDate, new Date(now), timezone);

  it('has not passed on its last day, and has the day after', () => {
    expect(passed('2026-01-10', '2026-01-10T12:00:00Z')).toBe(false);
    expect(passed('2026-01-10', '2026-01-11T12:00:00Z')).toBe(true);
    expect(passed('2026-01-10', '2026-01-09T12:00:00Z')).toBe(false);
  });

  it('passes at London midnight in winter (GMT, midnight UTC)', () => {
    expect(passed('2026-01-10', '2026-01-10T23:59:59.999Z')).toBe(false);
    expect(passed('2026-01-10', '2026-01-11T00:00:00.000Z')).toBe(true);
  });

  it('passes at London midnight in summer (BST: 23:00 UTC, while the UTC date is still the last day)', () => {
    expect(passed('2026-06-10', '2026-06-10T22:59:59.999Z')).toBe(false);
    expect(passed('2026-06-10', '2026-06-10T23:00:00.000Z')).toBe(true);
    expect(passed('2026-06-10', '2026-06-10T23:30:00.000Z')).toBe(true);
  });

  it('passes at London midnight either side of the clock changes', () => {
    // The clocks go forward at 01:00 UTC on 2026-03-29: that day starts at 00:00 GMT.
    expect(passed('2026-03-28', '2026-03-28T23:59:59.999Z')).toBe(false);
    expect(passed('2026-03-28', '2026-03-29T00:00:00.000Z')).toBe(true);
    // Its midnight is BST: the next day starts at 23:00 UTC on the 29th.
    expect(passed('2026-03-29', '2026-03-29T22:59:59.999Z')).toBe(false);
    expect(passed('2026-03-29', '2026-03-29T23:00:00.000Z')).toBe(true);
    // The clocks go back at 01:00 UTC on 2026-10-25: that day starts at 00:00 BST.
    expect(passed('2026-10-24', '2026-10-24T22:59:59.999Z')).toBe(false);
    expect(passed('2026-10-24', '2026-10-24T23:00:00.000Z')).toBe(true);
    // 2026-10-25 is 25 hours long and ends at midnight GMT.
    expect(passed('2026-10-25', '2026-10-25T23:59:59.999Z')).toBe(false);
    expect(passed('2026-10-25', '2026-10-26T00:00:00.000Z')).toBe(true);
  });

  it("follows the clinic's own timezone, not London's or UTC's", () => {
    // 23:00 in New York on the last day is already the next day in UTC and London.
    expect(passed('2026-06-10', '2026-06-11T03:00:00Z', 'America/New_York')).toBe(false);
    expect(passed('2026-06-10', '2026-06-11T03:00:00Z')).toBe(true);
    expect(passed('2026-06-10', '2026-06-11T04:00:00Z', 'America/New_York')).toBe(true);
  });
});

describe('matching a freed slot', () => {
  it('matches the clinic, the date inside the window (ends included) and any therapist', () => {
    expect(matchesFreedSlot(entry(), freed)).toBe(true);
    expect(matchesFreedSlot(entry({ fromDate: '2026-03-25', toDate: '2026-03-25' }), freed)).toBe(
      true,
    );
  });

  it('does not match another clinic, a date outside the window, another therapist or a non-waiting entry', () => {
    expect(matchesFreedSlot(entry({ clinicId: OTHER_CLINIC }), freed)).toBe(false);
    expect(matchesFreedSlot(entry({ toDate: '2026-03-24' }), freed)).toBe(false);
    expect(matchesFreedSlot(entry({ fromDate: '2026-03-26' }), freed)).toBe(false);
    expect(matchesFreedSlot(entry({ therapistId: T2 }), freed)).toBe(false);
    expect(matchesFreedSlot(entry({ therapistId: T1 }), freed)).toBe(true);
    expect(matchesFreedSlot(entry({ status: 'offered' }), freed)).toBe(false);
  });
});

describe('FIFO', () => {
  it('offers the first joined matching entry, id breaking a tie', () => {
    const early = entry({ id: 'b', joinedAt: new Date('2026-03-20T08:00:00Z') });
    const tie = entry({ id: 'a', joinedAt: new Date('2026-03-20T08:00:00Z') });
    const late = entry({ id: '0', joinedAt: new Date('2026-03-20T10:00:00Z') });
    expect(fifo([late, early, tie]).map((e) => e.id)).toEqual(['a', 'b', '0']);
    const earliestElsewhere = entry({
      id: 'x',
      clinicId: OTHER_CLINIC,
      joinedAt: new Date('2026-03-19T08:00:00Z'),
    });
    expect(firstMatching([late, earliestElsewhere, early], freed)?.id).toBe('b');
    expect(firstMatching([entry({ therapistId: T2 })], freed)).toBeUndefined();
  });
});

describe('slot choice', () => {
  it("takes the freed start first, then the nearest of the freed therapist's slots", () => {
    const slot = (startsAt: string, therapistId = T1) => ({ startsAt, therapistId });
    const ranked = rankSlotsForFreed(
      [
        slot('2026-03-25T12:00:00.000Z'),
        slot('2026-03-25T09:30:00.000Z'),
        slot('2026-03-25T10:00:00.000Z', T2),
        slot('2026-03-25T10:30:00.000Z'),
        slot('2026-03-25T10:00:00.000Z'),
      ],
      freed,
    );
    expect(ranked.map((s) => `${s.startsAt}/${s.therapistId === T1 ? 1 : 2}`)).toEqual([
      '2026-03-25T10:00:00.000Z/1',
      '2026-03-25T09:30:00.000Z/1',
      '2026-03-25T10:30:00.000Z/1',
      '2026-03-25T12:00:00.000Z/1',
    ]);
  });
});
