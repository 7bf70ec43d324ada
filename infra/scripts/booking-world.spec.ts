import { overlappingPairs, tally } from './booking-world';

const at = (hhmm: string): string => `2027-01-05T${hhmm}:00.000Z`;

describe('overlappingPairs', () => {
  it('finds bookings of one therapist or one room whose blocked time overlaps, and only those', () => {
    const bookings = [
      { id: 'a', therapistId: 't1', roomId: 'r1', startsAt: at('09:00') },
      { id: 'b', therapistId: 't1', roomId: 'r2', startsAt: at('10:14') }, // inside a's 75 min
      { id: 'c', therapistId: 't1', roomId: 'r3', startsAt: at('11:30') }, // b ends 11:29
      { id: 'd', therapistId: 't2', roomId: 'r1', startsAt: at('09:30') }, // a's room
      { id: 'e', therapistId: 't3', roomId: 'r4', startsAt: at('09:00') },
    ];
    expect(overlappingPairs(bookings, 75)).toEqual([
      ['a', 'b'],
      ['a', 'd'],
    ]);
  });
});

describe('tally', () => {
  const held = {
    id: 'a',
    therapistId: 't',
    roomId: 'r',
    startsAt: at('09:00'),
    endsAt: at('10:00'),
    status: 'held',
  };
  const alternative = { startsAt: at('10:15'), therapistId: 't', roomId: 'r' };

  it('counts a success, SLOT_UNAVAILABLE alone, and everything else as other', () => {
    const outcome = tally([
      { status: 200, data: { holdBooking: held } },
      {
        status: 200,
        data: null,
        errors: [
          { message: 'x', extensions: { code: 'SLOT_UNAVAILABLE', alternatives: [alternative] } },
        ],
      },
      { status: 200, data: null, errors: [{ message: 'x', extensions: { code: 'INTERNAL' } }] },
      { status: 502, errors: [{ message: 'Bad gateway' }] },
    ]);
    expect(outcome.successes).toEqual([held]);
    expect(outcome.slotUnavailable).toBe(1);
    expect(outcome.slotUnavailableWithoutAlternatives).toBe(0);
    expect(outcome.other.map((o) => o.status)).toEqual([200, 502]);
  });

  it('counts SLOT_UNAVAILABLE (or data) under an HTTP status other than 200 as other', () => {
    const outcome = tally([
      {
        status: 500,
        data: null,
        errors: [
          { message: 'x', extensions: { code: 'SLOT_UNAVAILABLE', alternatives: [alternative] } },
        ],
      },
      {
        status: 503,
        errors: [{ message: 'x', extensions: { code: 'SLOT_UNAVAILABLE', alternatives: [] } }],
      },
      { status: 502, data: { holdBooking: held } },
    ]);
    expect(outcome.successes).toEqual([]);
    expect(outcome.slotUnavailable).toBe(0);
    expect(outcome.other).toEqual([
      { status: 500, codes: ['SLOT_UNAVAILABLE'], message: 'x' },
      { status: 503, codes: ['SLOT_UNAVAILABLE'], message: 'x' },
      { status: 502, codes: [], message: undefined },
    ]);
  });

  it('counts the SLOT_UNAVAILABLE answers that offer no alternatives', () => {
    const unavailable = (extensions: Record<string, unknown>) => ({
      status: 200,
      data: null,
      errors: [{ message: 'x', extensions: { code: 'SLOT_UNAVAILABLE', ...extensions } }],
    });
    const outcome = tally([
      unavailable({ alternatives: [alternative] }),
      unavailable({ alternatives: [] }),
      unavailable({}),
    ]);
    expect(outcome.slotUnavailable).toBe(3);
    expect(outcome.slotUnavailableWithoutAlternatives).toBe(2);
    expect(outcome.other).toEqual([]);
  });
});
