import { AvailabilityError, AvailabilityErrorCode } from './availability-error';
import type { AvailabilityQuery } from './availability-query';
import {
  busy,
  certification,
  clinic,
  everyDay,
  query,
  shiftsEveryDay,
  therapist,
} from './availability.fixtures';
import type { AvailableSlot } from './available-slot';
import { findAvailableSlots } from './find-available-slots';

/** Wall-clock start times "HH:MM" of the slots. */
function starts(slots: readonly AvailableSlot[]): string[] {
  return slots.map((slot) => slot.localStart.slice(11));
}

/** "HH:MM" times from `from` to `to` (both included) every `step` minutes. */
function times(from: string, to: string, step = 15): string[] {
  const minutes = (t: string): number => Number(t.slice(0, 2)) * 60 + Number(t.slice(3));
  const pad = (n: number): string => String(n).padStart(2, '0');
  const result: string[] = [];
  for (let m = minutes(from); m <= minutes(to); m += step) {
    result.push(`${pad(Math.floor(m / 60))}:${pad(m % 60)}`);
  }
  return result;
}

function errorOf(q: AvailabilityQuery): AvailabilityError {
  try {
    findAvailableSlots(q);
  } catch (error) {
    if (error instanceof AvailabilityError) {
      return error;
    }
    throw error;
  }
  throw new Error('expected an AvailabilityError');
}

describe(findAvailableSlots.name, () => {
  describe('a plain day', () => {
    it('offers every 15-minute start from opening until the treatment still fits', () => {
      expect(starts(findAvailableSlots(query()))).toEqual(times('09:00', '16:00'));
    });

    it('gives start and end in UTC and in clinic wall-clock time, with therapist and room', () => {
      const [first] = findAvailableSlots(query());

      expect(first).toEqual({
        startsAt: '2026-07-01T08:00:00.000Z',
        endsAt: '2026-07-01T09:00:00.000Z',
        localStart: '2026-07-01T09:00',
        localEnd: '2026-07-01T10:00',
        utcOffset: '+01:00',
        therapistId: 't1',
        roomId: 'r1',
      });
    });

    it('keeps winter times an hour later in UTC', () => {
      const slots = findAvailableSlots(
        query({ range: { fromDate: '2026-12-02', toDate: '2026-12-02' } }),
      );

      expect(slots[0]).toMatchObject({
        startsAt: '2026-12-02T09:00:00.000Z',
        localStart: '2026-12-02T09:00',
        utcOffset: '+00:00',
      });
    });

    it('sorts by start, then by therapist id, whatever order the therapists come in', () => {
      const slots = findAvailableSlots(query({ therapists: [therapist('t2'), therapist('t1')] }));

      expect(slots.slice(0, 4).map((s) => [s.localStart.slice(11), s.therapistId])).toEqual([
        ['09:00', 't1'],
        ['09:00', 't2'],
        ['09:15', 't1'],
        ['09:15', 't2'],
      ]);
    });

    it('covers every date of the range, both ends included', () => {
      const slots = findAvailableSlots(
        query({ range: { fromDate: '2026-07-01', toDate: '2026-07-03' } }),
      );

      expect([...new Set(slots.map((s) => s.localStart.slice(0, 10)))]).toEqual([
        '2026-07-01',
        '2026-07-02',
        '2026-07-03',
      ]);
    });

    it('offers only the one therapist asked for', () => {
      const slots = findAvailableSlots(
        query({ therapists: [therapist('t1'), therapist('t2')], therapistId: 't2' }),
      );

      expect(new Set(slots.map((s) => s.therapistId))).toEqual(new Set(['t2']));
    });

    it("lets a treatment that starts on the range's last date run past midnight", () => {
      const q = query({
        clinic: clinic({ weeklyHours: everyDay([{ start: '00:00', end: '24:00' }]) }),
        therapists: [therapist('t1', { shifts: shiftsEveryDay('00:00', '24:00') })],
        treatment: { ...query().treatment, durationMinutes: 90 },
        slotGridMinutes: 30,
      });
      const slots = findAvailableSlots(q);

      expect(slots[slots.length - 1]).toMatchObject({
        localStart: '2026-07-01T23:30',
        localEnd: '2026-07-02T01:00',
      });
    });

    it('offers nothing for a therapist it was not given', () => {
      expect(findAvailableSlots(query({ therapistId: 'someone-else' }))).toEqual([]);
    });
  });

  describe('opening hours', () => {
    it('offers nothing outside the clinic hours even when the shift is longer', () => {
      const q = query({
        therapists: [therapist('t1', { shifts: shiftsEveryDay('07:00', '20:00') })],
      });

      expect(starts(findAvailableSlots(q))).toEqual(times('09:00', '16:00'));
    });

    it('offers nothing on a weekday the clinic is closed', () => {
      const weeklyHours = { ...everyDay([{ start: '09:00', end: '17:00' }]), wednesday: [] };

      expect(findAvailableSlots(query({ clinic: clinic({ weeklyHours }) }))).toEqual([]);
    });

    it('offers nothing on a date closed by an exception (a bank holiday)', () => {
      const q = query({
        clinic: clinic({ hoursExceptions: [{ date: '2026-07-01', ranges: [] }] }),
      });

      expect(findAvailableSlots(q)).toEqual([]);
    });

    it("uses an exception's hours instead of the weekday's on its date only", () => {
      const q = query({
        clinic: clinic({
          hoursExceptions: [{ date: '2026-07-01', ranges: [{ start: '12:00', end: '15:00' }] }],
        }),
        range: { fromDate: '2026-07-01', toDate: '2026-07-02' },
      });
      const slots = findAvailableSlots(q);

      expect(starts(slots.filter((s) => s.localStart.startsWith('2026-07-01')))).toEqual(
        times('12:00', '14:00'),
      );
      expect(starts(slots.filter((s) => s.localStart.startsWith('2026-07-02')))).toEqual(
        times('09:00', '16:00'),
      );
    });

    it('does not offer a treatment across a lunch closure', () => {
      const weeklyHours = everyDay([
        { start: '09:00', end: '12:00' },
        { start: '13:00', end: '17:00' },
      ]);

      expect(starts(findAvailableSlots(query({ clinic: clinic({ weeklyHours }) })))).toEqual([
        ...times('09:00', '11:00'),
        ...times('13:00', '16:00'),
      ]);
    });

    it('treats back-to-back ranges as one', () => {
      const weeklyHours = everyDay([
        { start: '09:00', end: '13:00' },
        { start: '13:00', end: '17:00' },
      ]);

      expect(starts(findAvailableSlots(query({ clinic: clinic({ weeklyHours }) })))).toEqual(
        times('09:00', '16:00'),
      );
    });
  });

  describe('shifts', () => {
    it('offers only the time inside the shift', () => {
      const q = query({
        therapists: [therapist('t1', { shifts: shiftsEveryDay('10:00', '14:00') })],
      });

      expect(starts(findAvailableSlots(q))).toEqual(times('10:00', '13:00'));
    });

    it('ignores a shift on another weekday', () => {
      const shifts = shiftsEveryDay('09:00', '17:00').filter((s) => s.weekday !== 'wednesday');

      expect(findAvailableSlots(query({ therapists: [therapist('t1', { shifts })] }))).toEqual([]);
    });

    it('ignores a shift that ended before the date', () => {
      const shifts = shiftsEveryDay('09:00', '17:00').map((s) => ({
        ...s,
        effectiveTo: '2026-06-30',
      }));

      expect(findAvailableSlots(query({ therapists: [therapist('t1', { shifts })] }))).toEqual([]);
    });

    it('ignores a shift that starts after the date, and uses one that starts on it', () => {
      const shifts = shiftsEveryDay('09:00', '17:00').map((s) => ({
        ...s,
        effectiveFrom: '2026-07-02',
      }));
      const slots = findAvailableSlots(
        query({
          therapists: [therapist('t1', { shifts })],
          range: { fromDate: '2026-07-01', toDate: '2026-07-02' },
        }),
      );

      expect(new Set(slots.map((s) => s.localStart.slice(0, 10)))).toEqual(new Set(['2026-07-02']));
    });

    it('uses a shift on its last effective date', () => {
      const shifts = shiftsEveryDay('09:00', '17:00').map((s) => ({
        ...s,
        effectiveTo: '2026-07-01',
      }));

      expect(findAvailableSlots(query({ therapists: [therapist('t1', { shifts })] }))).toHaveLength(
        29,
      );
    });

    it('joins back-to-back shifts into one stretch of work', () => {
      const shifts = [...shiftsEveryDay('09:00', '13:00'), ...shiftsEveryDay('13:00', '17:00')];

      expect(
        starts(findAvailableSlots(query({ therapists: [therapist('t1', { shifts })] }))),
      ).toContain('12:30');
    });
  });

  describe('a therapist who leaves', () => {
    it('is offered up to the day before leaving, and not from the day they leave', () => {
      const slots = findAvailableSlots(
        query({
          therapists: [therapist('t1', { leftOn: '2026-07-02' })],
          range: { fromDate: '2026-07-01', toDate: '2026-07-03' },
        }),
      );

      expect(new Set(slots.map((s) => s.localStart.slice(0, 10)))).toEqual(new Set(['2026-07-01']));
    });
  });

  describe('buffer after the treatment', () => {
    const withBuffer = (q: AvailabilityQuery): AvailabilityQuery => ({
      ...q,
      treatment: { ...q.treatment, bufferAfterMinutes: 15 },
    });

    it('must fit before the clinic closes', () => {
      expect(starts(findAvailableSlots(withBuffer(query())))).toEqual(times('09:00', '15:45'));
    });

    it('must fit before the shift ends', () => {
      const q = query({
        therapists: [therapist('t1', { shifts: shiftsEveryDay('10:00', '14:00') })],
      });

      expect(starts(findAvailableSlots(withBuffer(q)))).toEqual(times('10:00', '12:45'));
    });

    it('is not part of the slot end', () => {
      const [first] = findAvailableSlots(withBuffer(query()));

      expect(first?.localEnd).toBe('2026-07-01T10:00');
    });

    it("must not run into the therapist's next booking", () => {
      const q = withBuffer(
        query({
          busy: [busy('2026-07-01T11:00:00Z', '2026-07-01T12:00:00Z', { therapistId: 't1' })],
        }),
      );
      const offered = starts(findAvailableSlots(q));

      expect(offered).toContain('10:45'); // 10:45–11:45, buffer to 12:00
      expect(offered).not.toContain('11:00');
      expect(offered).toContain('13:00'); // the booking ends at 13:00 BST, its buffer included
    });
  });

  describe('time off', () => {
    it('removes every slot that would overlap it', () => {
      const timeOff = [
        { startsAt: new Date('2026-07-01T10:00:00Z'), endsAt: new Date('2026-07-01T11:00:00Z') },
      ];
      const offered = starts(
        findAvailableSlots(query({ therapists: [therapist('t1', { timeOff })] })),
      );

      expect(offered).toEqual([...times('09:00', '10:00'), ...times('12:00', '16:00')]);
    });

    it('also keeps the buffer out of it', () => {
      const q = query({
        treatment: { ...query().treatment, bufferAfterMinutes: 15 },
        therapists: [
          therapist('t1', {
            timeOff: [
              {
                startsAt: new Date('2026-07-01T10:00:00Z'),
                endsAt: new Date('2026-07-01T16:00:00Z'),
              },
            ],
          }),
        ],
      });

      expect(starts(findAvailableSlots(q))).toEqual(times('09:00', '09:45'));
    });
  });

  describe('existing bookings', () => {
    it("removes the therapist's booked time", () => {
      const q = query({
        busy: [busy('2026-07-01T09:00:00Z', '2026-07-01T10:00:00Z', { therapistId: 't1' })],
      });

      expect(starts(findAvailableSlots(q))).toEqual([
        ...times('09:00', '09:00'),
        ...times('11:00', '16:00'),
      ]);
    });

    it("counts the therapist's bookings at other clinics and in rooms it does not know", () => {
      const q = query({
        busy: [
          busy('2026-07-01T09:00:00Z', '2026-07-01T10:00:00Z', {
            therapistId: 't1',
            roomId: 'room-at-another-clinic',
          }),
        ],
      });

      expect(starts(findAvailableSlots(q))).not.toContain('10:30');
    });

    it('leaves the slots of a therapist alone when another therapist is booked in another room', () => {
      const q = query({
        rooms: [
          { id: 'r1', active: true },
          { id: 'r2', active: true },
        ],
        busy: [
          busy('2026-07-01T09:00:00Z', '2026-07-01T10:00:00Z', { therapistId: 't2', roomId: 'r2' }),
        ],
      });

      expect(starts(findAvailableSlots(q))).toEqual(times('09:00', '16:00'));
    });
  });

  describe('rooms', () => {
    it('offers nothing while the only room is taken', () => {
      const q = query({
        busy: [busy('2026-07-01T09:00:00Z', '2026-07-01T10:00:00Z', { roomId: 'r1' })],
      });

      expect(starts(findAvailableSlots(q))).toEqual([
        ...times('09:00', '09:00'),
        ...times('11:00', '16:00'),
      ]);
    });

    it('offers the first free room by id', () => {
      const q = query({
        rooms: [
          { id: 'r3', active: true },
          { id: 'r2', active: true },
          { id: 'r1', active: true },
        ],
        busy: [
          busy('2026-07-01T09:00:00Z', '2026-07-01T10:00:00Z', { therapistId: 't2', roomId: 'r1' }),
        ],
      });
      const slots = findAvailableSlots(q);

      expect(slots.find((s) => s.localStart.endsWith('10:00'))?.roomId).toBe('r2');
      expect(slots.find((s) => s.localStart.endsWith('12:00'))?.roomId).toBe('r1');
    });

    it('keeps the room free for the buffer too', () => {
      const q = query({
        treatment: { ...query().treatment, bufferAfterMinutes: 15 },
        busy: [busy('2026-07-01T11:00:00Z', '2026-07-01T12:00:00Z', { roomId: 'r1' })],
      });
      const offered = starts(findAvailableSlots(q));

      expect(offered).toContain('10:45');
      expect(offered).not.toContain('11:00');
    });

    it('never offers a retired room', () => {
      const q = query({ rooms: [{ id: 'r1', active: false }] });

      expect(findAvailableSlots(q)).toEqual([]);
    });
  });

  describe('certifications', () => {
    const on = (
      certifications: ReturnType<typeof certification>[],
      range = { fromDate: '2026-07-01', toDate: '2026-07-01' },
    ): AvailableSlot[] =>
      findAvailableSlots(query({ therapists: [therapist('t1', { certifications })], range }));

    it('offers nothing when the therapist lacks a required certification', () => {
      expect(on([certification('first_aid')])).toEqual([]);
    });

    it('needs every required certification', () => {
      const q = query({
        treatment: { ...query().treatment, requiredCertifications: ['pnf_level_1', 'first_aid'] },
      });

      expect(findAvailableSlots(q)).toEqual([]);
    });

    it('needs nothing when the treatment requires nothing', () => {
      const q = query({
        treatment: { ...query().treatment, requiredCertifications: [] },
        therapists: [therapist('t1', { certifications: [] })],
      });

      expect(findAvailableSlots(q)).toHaveLength(29);
    });

    it('does not count a certification on its expiry day', () => {
      expect(on([certification('pnf_level_1', { expiresOn: '2026-07-01' })])).toEqual([]);
    });

    it('counts it on the day before its expiry day', () => {
      expect(on([certification('pnf_level_1', { expiresOn: '2026-07-02' })])).toHaveLength(29);
    });

    it('does not count a certification issued after the appointment date', () => {
      expect(on([certification('pnf_level_1', { issuedOn: '2026-07-02' })])).toEqual([]);
    });

    it('does not count a certification from the day it was revoked', () => {
      expect(on([certification('pnf_level_1', { revokedOn: '2026-07-01' })])).toEqual([]);
    });

    it('does not count an unverified certification', () => {
      expect(on([certification('pnf_level_1', { verified: false })])).toEqual([]);
    });

    it('decides on each appointment date: a certification expiring mid-range stops there', () => {
      const slots = on([certification('pnf_level_1', { expiresOn: '2026-07-02' })], {
        fromDate: '2026-07-01',
        toDate: '2026-07-03',
      });

      expect(new Set(slots.map((s) => s.localStart.slice(0, 10)))).toEqual(new Set(['2026-07-01']));
    });

    it('needs it on the date the treatment starts, not the date it ends', () => {
      const q = query({
        clinic: clinic({
          weeklyHours: everyDay([
            { start: '20:00', end: '24:00' },
            { start: '00:00', end: '02:00' },
          ]),
        }),
        therapists: [
          therapist('t1', {
            shifts: [...shiftsEveryDay('20:00', '24:00'), ...shiftsEveryDay('00:00', '02:00')],
            certifications: [certification('pnf_level_1', { expiresOn: '2026-07-02' })],
          }),
        ],
        treatment: { ...query().treatment, durationMinutes: 120 },
        range: { fromDate: '2026-07-01', toDate: '2026-07-02' },
        slotGridMinutes: 60,
      });

      expect(findAvailableSlots(q).map((s) => [s.localStart, s.localEnd])).toEqual([
        ['2026-07-01T00:00', '2026-07-01T02:00'],
        ['2026-07-01T20:00', '2026-07-01T22:00'],
        ['2026-07-01T21:00', '2026-07-01T23:00'],
        ['2026-07-01T22:00', '2026-07-02T00:00'],
        ['2026-07-01T23:00', '2026-07-02T01:00'],
      ]);
    });

    it('counts a renewal that starts on the expiry day of the old certificate', () => {
      const slots = on(
        [
          certification('pnf_level_1', { expiresOn: '2026-07-02' }),
          certification('pnf_level_1', { issuedOn: '2026-07-02' }),
        ],
        { fromDate: '2026-07-01', toDate: '2026-07-03' },
      );

      expect(slots).toHaveLength(3 * 29);
    });
  });

  describe('minimum notice', () => {
    it('offers nothing before now plus two hours by default, rounded up to the grid', () => {
      const q = query({ now: new Date('2026-07-01T08:10:00Z') }); // 09:10 BST

      expect(starts(findAvailableSlots(q))[0]).toBe('11:15');
    });

    it('offers a slot exactly at now plus the notice', () => {
      const q = query({ now: new Date('2026-07-01T08:00:00Z'), minimumNoticeMinutes: 60 });

      expect(starts(findAvailableSlots(q))[0]).toBe('10:00');
    });

    it('offers the next slot at once with no notice', () => {
      const q = query({ now: new Date('2026-07-01T12:01:00Z'), minimumNoticeMinutes: 0 });

      expect(starts(findAvailableSlots(q))[0]).toBe('13:15');
    });

    it('offers nothing in a range that has passed', () => {
      expect(findAvailableSlots(query({ now: new Date('2026-07-02T00:00:00Z') }))).toEqual([]);
    });
  });

  describe('slot grid', () => {
    it('starts slots on the grid, not at an opening time off it', () => {
      const weeklyHours = everyDay([{ start: '09:10', end: '17:00' }]);

      expect(starts(findAvailableSlots(query({ clinic: clinic({ weeklyHours }) })))[0]).toBe(
        '09:15',
      );
    });

    it('aligns a 30-minute grid to the hour', () => {
      const q = query({
        slotGridMinutes: 30,
        therapists: [therapist('t1', { shifts: shiftsEveryDay('09:20', '17:00') })],
      });

      expect(starts(findAvailableSlots(q))).toEqual(times('09:30', '16:00', 30));
    });

    it('aligns the grid to the wall clock in a zone half an hour off UTC', () => {
      const q = query({
        clinic: clinic({ timezone: 'Asia/Kolkata' }),
        slotGridMinutes: 60,
      });
      const [first] = findAvailableSlots(q);

      expect(first).toMatchObject({
        localStart: '2026-07-01T09:00',
        startsAt: '2026-07-01T03:30:00.000Z',
        utcOffset: '+05:30',
      });
    });

    it.each([0, 7, 25, 45, 90, 1.5])('rejects a grid of %p minutes', (slotGridMinutes) => {
      expect(errorOf(query({ slotGridMinutes })).code).toBe(AvailabilityErrorCode.InvalidSlotGrid);
    });
  });

  describe('clock changes in Europe/London', () => {
    /** A clinic open through the night on `date`, so the changed hour is inside its hours. */
    const overnight = (date: string, gridMinutes: number): AvailabilityQuery =>
      query({
        clinic: clinic({ hoursExceptions: [{ date, ranges: [{ start: '00:00', end: '04:00' }] }] }),
        therapists: [therapist('t1', { shifts: shiftsEveryDay('00:00', '04:00') })],
        range: { fromDate: date, toDate: date },
        slotGridMinutes: gridMinutes,
      });

    it('offers no slot in the hour skipped on 2027-03-28', () => {
      const slots = findAvailableSlots(overnight('2027-03-28', 60));

      expect(slots.map((s) => [s.localStart, s.startsAt, s.utcOffset])).toEqual([
        ['2027-03-28T00:00', '2027-03-28T00:00:00.000Z', '+00:00'],
        ['2027-03-28T02:00', '2027-03-28T01:00:00.000Z', '+01:00'],
        ['2027-03-28T03:00', '2027-03-28T02:00:00.000Z', '+01:00'],
      ]);
    });

    it('lets a treatment run across the skipped hour for its real length', () => {
      const slot = findAvailableSlots(overnight('2027-03-28', 30)).find(
        (s) => s.localStart === '2027-03-28T00:30',
      );

      expect(slot).toMatchObject({
        endsAt: '2027-03-28T01:30:00.000Z',
        localEnd: '2027-03-28T02:30',
      });
    });

    it('offers both passes of the hour repeated on 2026-10-25, each at its own instant', () => {
      const slots = findAvailableSlots(overnight('2026-10-25', 60));

      expect(slots.map((s) => [s.localStart, s.startsAt, s.utcOffset])).toEqual([
        ['2026-10-25T00:00', '2026-10-24T23:00:00.000Z', '+01:00'],
        ['2026-10-25T01:00', '2026-10-25T00:00:00.000Z', '+01:00'],
        ['2026-10-25T01:00', '2026-10-25T01:00:00.000Z', '+00:00'],
        ['2026-10-25T02:00', '2026-10-25T02:00:00.000Z', '+00:00'],
        ['2026-10-25T03:00', '2026-10-25T03:00:00.000Z', '+00:00'],
      ]);
      expect(new Set(slots.map((s) => s.startsAt)).size).toBe(slots.length);
    });

    it('labels the end of a treatment that runs into the repeated hour with the clock then', () => {
      const slot = findAvailableSlots(overnight('2026-10-25', 30)).find(
        (s) => s.startsAt === '2026-10-25T00:30:00.000Z',
      );

      expect(slot).toMatchObject({ localStart: '2026-10-25T01:30', localEnd: '2026-10-25T01:30' });
    });

    it.each([
      ['2027-03-27', '2027-03-27T09:00:00.000Z', '2027-03-27T16:00:00.000Z'],
      ['2027-03-28', '2027-03-28T08:00:00.000Z', '2027-03-28T15:00:00.000Z'],
      ['2026-10-24', '2026-10-24T08:00:00.000Z', '2026-10-24T15:00:00.000Z'],
      ['2026-10-25', '2026-10-25T09:00:00.000Z', '2026-10-25T16:00:00.000Z'],
    ])('keeps daytime hours on wall-clock time on %s', (date, first, last) => {
      const slots = findAvailableSlots(query({ range: { fromDate: date, toDate: date } }));

      expect(slots).toHaveLength(29);
      expect([slots[0]?.startsAt, slots[slots.length - 1]?.startsAt]).toEqual([first, last]);
      expect([
        slots[0]?.localStart.slice(11),
        slots[slots.length - 1]?.localStart.slice(11),
      ]).toEqual(['09:00', '16:00']);
    });

    it('blocks time off given in UTC at the right wall-clock time after the change', () => {
      const timeOff = [
        { startsAt: new Date('2027-03-28T09:00:00Z'), endsAt: new Date('2027-03-28T10:00:00Z') },
      ];
      const offered = starts(
        findAvailableSlots(
          query({
            therapists: [therapist('t1', { timeOff })],
            range: { fromDate: '2027-03-28', toDate: '2027-03-28' },
          }),
        ),
      );

      expect(offered).toContain('09:00'); // 08:00Z–09:00Z
      expect(offered).not.toContain('10:00'); // 09:00Z, inside the time off
      expect(offered).toContain('11:00'); // 10:00Z
    });
  });

  describe('bad input', () => {
    it('accepts a range of 31 dates', () => {
      const q = query({ range: { fromDate: '2026-07-01', toDate: '2026-07-31' } });

      expect(findAvailableSlots(q)).toHaveLength(31 * 29);
    });

    it('rejects a range of 32 dates with DATE_RANGE_TOO_LONG', () => {
      const error = errorOf(query({ range: { fromDate: '2026-07-01', toDate: '2026-08-01' } }));

      expect(error.code).toBe(AvailabilityErrorCode.DateRangeTooLong);
      expect(error.code).toBe('DATE_RANGE_TOO_LONG');
      expect(error.kind).toBe('bad_input');
      expect(error.message).toBe(
        '2026-07-01 to 2026-08-01 covers 32 days; search at most 31 days at a time',
      );
    });

    it('rejects a range that ends before it starts', () => {
      const error = errorOf(query({ range: { fromDate: '2026-07-02', toDate: '2026-07-01' } }));

      expect(error.code).toBe(AvailabilityErrorCode.InvalidDateRange);
    });

    it('rejects a date that does not exist', () => {
      const error = errorOf(query({ range: { fromDate: '2026-02-30', toDate: '2026-03-01' } }));

      expect(error.code).toBe(AvailabilityErrorCode.InvalidDateRange);
    });

    it('rejects an unknown timezone', () => {
      const error = errorOf(query({ clinic: clinic({ timezone: 'Europe/Atlantis' }) }));

      expect(error.code).toBe(AvailabilityErrorCode.InvalidTimezone);
    });

    it('rejects a negative notice', () => {
      const error = errorOf(query({ minimumNoticeMinutes: -1 }));

      expect(error.code).toBe(AvailabilityErrorCode.InvalidMinimumNotice);
    });

    it.each([
      [0, 0],
      [30.5, 0],
      [60, -5],
    ])(
      'rejects a treatment of %p minutes with a %p-minute buffer',
      (durationMinutes, bufferAfterMinutes) => {
        const error = errorOf(
          query({ treatment: { ...query().treatment, durationMinutes, bufferAfterMinutes } }),
        );

        expect(error.code).toBe(AvailabilityErrorCode.InvalidTreatmentTiming);
      },
    );
  });
});
