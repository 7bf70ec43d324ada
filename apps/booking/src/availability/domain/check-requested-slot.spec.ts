import {
  busy,
  certification,
  clinic,
  everyDay,
  query,
  shiftsEveryDay,
  therapist,
} from './availability.fixtures';
import { checkRequestedSlot, RequestedSlotCheck } from './check-requested-slot';

/** 2026-07-01 is BST: 10:00 local is 09:00Z. */
const TEN_AM = new Date('2026-07-01T09:00:00Z');

function causeOf(check: RequestedSlotCheck): string {
  if (check.ok) {
    return 'ok';
  }
  return 'cause' in check ? check.cause : check.code;
}

describe(checkRequestedSlot.name, () => {
  it('accepts a slot the search offers, with its room and both clocks', () => {
    const check = checkRequestedSlot(query(), { therapistId: 't1', startsAt: TEN_AM });

    expect(check).toEqual({
      ok: true,
      slot: expect.objectContaining({
        startsAt: '2026-07-01T09:00:00.000Z',
        localStart: '2026-07-01T10:00',
        therapistId: 't1',
        roomId: 'r1',
      }) as unknown,
    });
  });

  it('refuses a start that has passed', () => {
    const check = checkRequestedSlot(query({ now: new Date('2026-07-02T00:00:00Z') }), {
      therapistId: 't1',
      startsAt: TEN_AM,
    });

    expect(causeOf(check)).toBe('START_IN_PAST');
  });

  it('refuses a start off the 15-minute grid', () => {
    const check = checkRequestedSlot(query(), {
      therapistId: 't1',
      startsAt: new Date('2026-07-01T09:05:00Z'),
    });

    expect(causeOf(check)).toBe('OFF_SLOT_GRID');
    expect(check.ok ? '' : check.reason).toContain('2026-07-01 10:05 (UTC+01:00)');
  });

  it('refuses a start within the minimum notice', () => {
    const check = checkRequestedSlot(query({ now: new Date('2026-07-01T08:00:00Z') }), {
      therapistId: 't1',
      startsAt: TEN_AM,
    });

    expect(causeOf(check)).toBe('MINIMUM_NOTICE');
  });

  it('names the opening hours when the clinic is closed then', () => {
    const check = checkRequestedSlot(
      query({ clinic: clinic({ weeklyHours: everyDay([{ start: '12:00', end: '17:00' }]) }) }),
      { therapistId: 't1', startsAt: TEN_AM },
    );

    expect(causeOf(check)).toBe('OUTSIDE_OPENING_HOURS');
  });

  it('names a therapist who does not work at the clinic', () => {
    const check = checkRequestedSlot(query(), { therapistId: 't9', startsAt: TEN_AM });

    expect(causeOf(check)).toBe('THERAPIST_NOT_AT_CLINIC');
  });

  it('names a missing shift', () => {
    const check = checkRequestedSlot(query({ therapists: [therapist('t1', { shifts: [] })] }), {
      therapistId: 't1',
      startsAt: TEN_AM,
    });

    expect(causeOf(check)).toBe('NO_SHIFT');
  });

  it('names a therapist who has left', () => {
    const check = checkRequestedSlot(
      query({ therapists: [therapist('t1', { leftOn: '2026-06-15' })] }),
      { therapistId: 't1', startsAt: TEN_AM },
    );

    expect(causeOf(check)).toBe('THERAPIST_LEFT');
  });

  it('names time off', () => {
    const timeOff = [
      { startsAt: new Date('2026-07-01T09:30:00Z'), endsAt: new Date('2026-07-01T10:00:00Z') },
    ];
    const check = checkRequestedSlot(query({ therapists: [therapist('t1', { timeOff })] }), {
      therapistId: 't1',
      startsAt: TEN_AM,
    });

    expect(causeOf(check)).toBe('TIME_OFF');
  });

  it("names the therapist's own booking, buffer included", () => {
    const check = checkRequestedSlot(
      query({
        busy: [busy('2026-07-01T08:00:00Z', '2026-07-01T09:15:00Z', { therapistId: 't1' })],
      }),
      { therapistId: 't1', startsAt: TEN_AM },
    );

    expect(causeOf(check)).toBe('THERAPIST_BUSY');
  });

  it('names a missing certification', () => {
    const check = checkRequestedSlot(
      query({
        therapists: [
          therapist('t1', { certifications: [certification('pnf_level_1', { verified: false })] }),
        ],
      }),
      { therapistId: 't1', startsAt: TEN_AM },
    );

    expect(causeOf(check)).toBe('NOT_CERTIFIED');
  });

  it('names the rooms when every room is taken', () => {
    const check = checkRequestedSlot(
      query({ busy: [busy('2026-07-01T09:00:00Z', '2026-07-01T10:00:00Z', { roomId: 'r1' })] }),
      { therapistId: 't1', startsAt: TEN_AM },
    );

    expect(causeOf(check)).toBe('NO_ROOM');
  });

  it('keeps to a requested room', () => {
    const rooms = [
      { id: 'r1', active: true },
      { id: 'r2', active: true },
    ];
    const taken = [busy('2026-07-01T09:00:00Z', '2026-07-01T10:00:00Z', { roomId: 'r2' })];

    expect(
      checkRequestedSlot(query({ rooms, busy: taken }), {
        therapistId: 't1',
        startsAt: TEN_AM,
        roomId: 'r2',
      }),
    ).toMatchObject({ ok: false, cause: 'NO_ROOM' });
    expect(
      checkRequestedSlot(query({ rooms, busy: taken }), {
        therapistId: 't1',
        startsAt: TEN_AM,
        roomId: 'r1',
      }),
    ).toMatchObject({ ok: true, slot: { roomId: 'r1' } });
  });

  it('accepts the second 01:00 on the night the clocks go back', () => {
    const night = query({
      clinic: clinic({ weeklyHours: everyDay([{ start: '00:00', end: '24:00' }]) }),
      therapists: [therapist('t1', { shifts: shiftsEveryDay('00:00', '24:00') })],
      now: new Date('2026-10-01T00:00:00Z'),
    });

    const check = checkRequestedSlot(night, {
      therapistId: 't1',
      startsAt: new Date('2026-10-25T01:00:00Z'),
    });

    expect(check).toMatchObject({
      ok: true,
      slot: { localStart: '2026-10-25T01:00', utcOffset: '+00:00' },
    });
  });
});
