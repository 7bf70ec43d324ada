import { randomUUID } from 'node:crypto';
import { DynamicModule, Module } from '@nestjs/common';
import { EventEnvelope, TOPICS } from '@app/contracts';
import type { ServiceModuleFactory } from '@app/platform';
import { ServiceTestApp, startServiceTestApp } from '@app/platform/test-support/service-test-app';
import { bookingDefinition } from '../booking.definition';
import { BookingModule } from '../booking.module';
import { BOOKING_CLOCK, BookingClock } from './booking-clock';
import {
  bookingRow,
  BookingView,
  bookingWriteCounts,
  FIELDS,
  gqlFails,
  gqlOk,
} from './test-support/booking-graphql';
import {
  BookingWorld,
  londonLocal,
  seedBookingWorld,
  TREATMENTS,
} from './test-support/booking-world';

/**
 * Europe/London in 2027: on Sunday 28 March the clocks go forward at 01:00 GMT to 02:00 BST
 * (01:00–01:59 does not exist; a 23-hour day), on Sunday 31 October they go back at 02:00 BST
 * to 01:00 GMT (01:00–01:59 happens twice; a 25-hour day). Bookings have no horizon, so both
 * days can be booked now. The clinic is open around the clock.
 */
const OFFSETS = `${FIELDS} localStartOffset localEndOffset`;
const HOLD = `mutation Hold($input: HoldBookingInput!) { holdBooking(input: $input) { ${OFFSETS} } }`;
const CONFIRM = `mutation Confirm($id: ID!, $key: String!) {
  confirmBooking(id: $id, idempotencyKey: $key) { ${OFFSETS} } }`;
const RESCHEDULE = `mutation Move($id: ID!, $input: RescheduleBookingInput!, $key: String!) {
  rescheduleBooking(id: $id, input: $input, idempotencyKey: $key) { ${OFFSETS} } }`;
const CANCEL = `mutation Cancel($id: ID!, $key: String!) {
  cancelBooking(id: $id, idempotencyKey: $key) { ${OFFSETS} } }`;
const BOOKING = `query B($id: ID!) { booking(id: $id) { ${OFFSETS} } }`;
const AVAILABILITY = `query A($clinicId: ID!, $treatmentId: ID!, $from: String!, $to: String!, $therapistId: ID) {
  availability(clinicId: $clinicId, treatmentId: $treatmentId, from: $from, to: $to, therapistId: $therapistId) {
    startsAt endsAt localStart localEnd utcOffset therapistId roomId } }`;

interface OffsetBookingView extends BookingView {
  localStartOffset: string;
  localEndOffset: string;
}

interface SlotView {
  startsAt: string;
  endsAt: string;
  localStart: string;
  localEnd: string;
  utcOffset: string;
  therapistId: string;
  roomId: string;
}

const MINUTE_MS = 60_000;
const SPRING = '2027-03-28';
const AUTUMN = '2027-10-31';

/** The service's clock (BOOKING_CLOCK): real time, or a fixed instant while `at` runs. */
class MovableClock implements BookingClock {
  private fixed: Date | undefined;

  now(): Date {
    return this.fixed ?? new Date();
  }

  async at<T>(instant: string, work: () => Promise<T>): Promise<T> {
    this.fixed = new Date(instant);
    try {
      return await work();
    } finally {
      this.fixed = undefined;
    }
  }
}

@Module({})
class ClockModule {}

/** The booking service as in production, with BOOKING_CLOCK provided to every module. */
function bookingWithClock(clock: BookingClock): ServiceModuleFactory {
  return (config, logger): DynamicModule => ({
    module: ClockModule,
    global: true,
    imports: [BookingModule.forRoot(config, logger)],
    providers: [{ provide: BOOKING_CLOCK, useValue: clock }],
    exports: [BOOKING_CLOCK],
  });
}

const iso = (instant: string): string => new Date(instant).toISOString();
const minutesBetween = (from: string, to: string): number =>
  (Date.parse(to) - Date.parse(from)) / MINUTE_MS;

describe('clock-change days through the booking lifecycle (Europe/London, 2027)', () => {
  const clock = new MovableClock();
  let app: ServiceTestApp;
  let world: BookingWorld;
  let staff: string;
  let client: string;

  beforeAll(async () => {
    app = await startServiceTestApp(bookingDefinition, bookingWithClock(clock), {
      watchTopics: [TOPICS.booking],
    });
    world = await seedBookingWorld(app, { therapists: 3 });
    staff = await app.token({
      role: 'receptionist',
      clinicIds: [world.clinicId],
      subject: 'reception-dst',
    });
    client = await app.token({
      role: 'client',
      clientId: world.clients.cleared,
      subject: 'client-dst',
    });
  }, 180_000);

  afterAll(async () => {
    await app?.close();
  });

  const therapist = (i: number): string => world.therapistIds[i];

  const ok = <T>(query: string, variables: Record<string, unknown>, token = staff): Promise<T> =>
    gqlOk<T>(app, query, variables, token);

  const hold = (startsAt: string, therapistId: string, treatmentId: string = TREATMENTS.pnf30) =>
    ok<OffsetBookingView>(HOLD, {
      input: {
        clinicId: world.clinicId,
        treatmentId,
        therapistId,
        startsAt,
        clientId: world.clients.cleared,
        idempotencyKey: randomUUID(),
      },
    });
  const confirm = (id: string) => ok<OffsetBookingView>(CONFIRM, { id, key: randomUUID() });

  const slotsOn = (date: string, therapistId: string) =>
    ok<SlotView[]>(AVAILABILITY, {
      clinicId: world.clinicId,
      treatmentId: TREATMENTS.pnf30,
      from: date,
      to: date,
      therapistId,
    });

  const byBooking = (id: string) => (event: EventEnvelope) => event.aggregateId === id;

  /**
   * The event carries the booking's times as the API returned them. Events have no offset
   * fields (v1 is unchanged): startsAt/endsAt are the instants, localStart the label.
   */
  function expectTimes(event: EventEnvelope, booking: OffsetBookingView): void {
    expect(event.data).toMatchObject({
      bookingId: booking.id,
      startsAt: booking.startsAt,
      endsAt: booking.endsAt,
      localStart: booking.localStart,
      localEnd: booking.localEnd,
      timezone: 'Europe/London',
    });
    expect(event.data).not.toHaveProperty('localStartOffset');
  }

  /** Every slot is labelled with the London wall clock of its instants, 30 real minutes long. */
  function expectLabelledInRealTime(slots: SlotView[]): void {
    for (const slot of slots) {
      expect(slot.localStart).toBe(londonLocal(slot.startsAt));
      expect(slot.localEnd).toBe(londonLocal(slot.endsAt));
      expect(minutesBetween(slot.startsAt, slot.endsAt)).toBe(30);
    }
    const gaps = slots.slice(1).map((slot, i) => minutesBetween(slots[i].startsAt, slot.startsAt));
    expect(new Set(gaps)).toEqual(new Set([15]));
  }

  describe('availability', () => {
    it('28 March: no slot in the missing hour; 00:45 GMT is followed by 02:00 BST, 15 real minutes later', async () => {
      const day = await slotsOn(SPRING, therapist(0));
      const dayBefore = await slotsOn('2027-03-27', therapist(0));

      expect(day.filter((slot) => slot.localStart.startsWith(`${SPRING}T01:`))).toEqual([]);
      expectLabelledInRealTime(day);
      // A 23-hour day: one hour (four quarter-hour starts) fewer than the day before.
      expect(day.length).toBe(dayBefore.length - 4);
      expect(day[0]).toMatchObject({
        startsAt: iso('2027-03-28T00:00:00Z'),
        localStart: `${SPRING}T00:00`,
        utcOffset: '+00:00',
      });
      const last = day.findIndex((slot) => slot.localStart === `${SPRING}T00:45`);
      expect(day[last]).toMatchObject({
        startsAt: iso('2027-03-28T00:45:00Z'),
        endsAt: iso('2027-03-28T01:15:00Z'),
        localEnd: `${SPRING}T02:15`,
        utcOffset: '+00:00',
      });
      expect(day[last + 1]).toMatchObject({
        startsAt: iso('2027-03-28T01:00:00Z'),
        localStart: `${SPRING}T02:00`,
        utcOffset: '+01:00',
      });
      for (const slot of day) {
        expect(slot.utcOffset).toBe(
          Date.parse(slot.startsAt) < Date.parse('2027-03-28T01:00:00Z') ? '+00:00' : '+01:00',
        );
      }
    });

    it('31 October: both 01:xx hours are offered, told apart by startsAt and utcOffset', async () => {
      const day = await slotsOn(AUTUMN, therapist(0));
      const dayBefore = await slotsOn('2027-10-30', therapist(0));

      expectLabelledInRealTime(day);
      // A 25-hour day: four more quarter-hour starts than the day before.
      expect(day.length).toBe(dayBefore.length + 4);
      expect(day[0]).toMatchObject({
        startsAt: iso('2027-10-30T23:00:00Z'),
        localStart: `${AUTUMN}T00:00`,
        utcOffset: '+01:00',
      });
      const repeated = day.filter((slot) => slot.localStart.startsWith(`${AUTUMN}T01:`));
      expect(repeated).toHaveLength(8);
      expect(
        day
          .filter((slot) => slot.localStart === `${AUTUMN}T01:30`)
          .map(({ startsAt, utcOffset }) => ({ startsAt, utcOffset })),
      ).toEqual([
        { startsAt: iso('2027-10-31T00:30:00Z'), utcOffset: '+01:00' },
        { startsAt: iso('2027-10-31T01:30:00Z'), utcOffset: '+00:00' },
      ]);
    });
  });

  it('hold -> confirm -> reschedule across the spring change -> cancel: real minutes, right labels and offsets', async () => {
    // 60 minutes from 00:30 GMT end at 01:30 UTC, which is 02:30 BST on the wall.
    const held = await hold('2027-03-28T00:30:00Z', therapist(1), TREATMENTS.pnf60);
    expect(held).toMatchObject({
      status: 'held',
      startsAt: iso('2027-03-28T00:30:00Z'),
      endsAt: iso('2027-03-28T01:30:00Z'),
      localStart: `${SPRING}T00:30`,
      localEnd: `${SPRING}T02:30`,
      localStartOffset: '+00:00',
      localEndOffset: '+01:00',
      timezone: 'Europe/London',
      pricePence: 6000,
    });
    expect(minutesBetween(held.startsAt, held.endsAt)).toBe(60);
    expect(await bookingRow(app, held.id)).toMatchObject({
      local_start: `${SPRING}T00:30`,
      local_end: `${SPRING}T02:30`,
      blocks_until: new Date('2027-03-28T01:45:00Z'),
    });
    expectTimes(await app.event('booking.held', byBooking(held.id)), held);

    const confirmed = await confirm(held.id);
    expect(confirmed).toMatchObject({ status: 'confirmed', localStartOffset: '+00:00' });
    expectTimes(await app.event('booking.confirmed', byBooking(held.id)), confirmed);

    // To 03:00 BST, after the change: still 60 real minutes.
    const moved = await ok<OffsetBookingView>(RESCHEDULE, {
      id: held.id,
      input: { startsAt: '2027-03-28T02:00:00Z' },
      key: randomUUID(),
    });
    expect(moved).toMatchObject({
      status: 'confirmed',
      startsAt: iso('2027-03-28T02:00:00Z'),
      endsAt: iso('2027-03-28T03:00:00Z'),
      localStart: `${SPRING}T03:00`,
      localEnd: `${SPRING}T04:00`,
      localStartOffset: '+01:00',
      localEndOffset: '+01:00',
    });
    const rescheduled = await app.event('booking.rescheduled', byBooking(held.id));
    expectTimes(rescheduled, moved);
    expect(rescheduled.data).toMatchObject({
      previousStartsAt: held.startsAt,
      previousEndsAt: held.endsAt,
      previousLocalStart: `${SPRING}T00:30`,
      previousLocalEnd: `${SPRING}T02:30`,
    });
    expect(await ok<OffsetBookingView>(BOOKING, { id: held.id })).toEqual(moved);

    // Months ahead on the real clock: not late, no fee.
    const cancelled = await ok<OffsetBookingView>(
      CANCEL,
      { id: held.id, key: randomUUID() },
      client,
    );
    expect(cancelled).toMatchObject({
      status: 'cancelled',
      cancelledBy: 'client',
      lateCancellation: false,
      lateFeePence: null,
      localStart: `${SPRING}T03:00`,
    });
    const event = await app.event('booking.cancelled', byBooking(held.id));
    expectTimes(event, cancelled);
    expect(event.data).toMatchObject({ late: false, lateFeePence: null });
  });

  it('31 October: two bookings labelled 01:30 are told apart by startsAt and localStartOffset', async () => {
    const first = await hold('2027-10-31T00:30:00Z', therapist(2));
    const second = await hold('2027-10-31T01:30:00Z', therapist(2));
    await confirm(first.id);
    await confirm(second.id);

    // The first ends at 01:00 GMT, the end of the BST hour: its end label is before its start label.
    expect(first).toMatchObject({
      localStart: `${AUTUMN}T01:30`,
      localEnd: `${AUTUMN}T01:00`,
      localStartOffset: '+01:00',
      localEndOffset: '+00:00',
      endsAt: iso('2027-10-31T01:00:00Z'),
    });
    expect(second).toMatchObject({
      localStart: `${AUTUMN}T01:30`,
      localEnd: `${AUTUMN}T02:00`,
      localStartOffset: '+00:00',
      localEndOffset: '+00:00',
      endsAt: iso('2027-10-31T02:00:00Z'),
    });
    for (const booking of [first, second]) {
      expect(minutesBetween(booking.startsAt, booking.endsAt)).toBe(30);
      expectTimes(await app.event('booking.held', byBooking(booking.id)), booking);
    }
  });

  it('a start without a UTC offset (01:30 on 28 March never happens) is BAD_USER_INPUT; nothing written', async () => {
    const before = await bookingWriteCounts(app);
    const errors = await gqlFails(
      app,
      HOLD,
      {
        input: {
          clinicId: world.clinicId,
          treatmentId: TREATMENTS.pnf30,
          therapistId: therapist(2),
          startsAt: '2027-03-28T01:30:00',
          clientId: world.clients.cleared,
          idempotencyKey: randomUUID(),
        },
      },
      staff,
    );
    expect(errors.extensions?.code).toBe('BAD_USER_INPUT');
    expect(errors.message).toContain('with Z or a UTC offset');
    expect(await bookingWriteCounts(app)).toEqual(before);
  });

  describe('late cancellation is measured in real hours (the service clock set to the day before)', () => {
    async function cancelAsClientAt(now: string, startsAt: string) {
      const booked = await hold(startsAt, therapist(0), TREATMENTS.pnf60);
      await confirm(booked.id);
      const cancelled = await clock.at(now, () =>
        ok<OffsetBookingView>(CANCEL, { id: booked.id, key: randomUUID() }, client),
      );
      const event = await app.event('booking.cancelled', byBooking(booked.id));
      return { cancelled, event };
    }

    it('spring: 23.5 real hours before 12:00 BST (24.5 h on the wall clock) is late, with the fee', async () => {
      const { cancelled, event } = await cancelAsClientAt(
        '2027-03-27T11:30:00Z',
        '2027-03-28T11:00:00Z',
      );
      expect(cancelled).toMatchObject({
        localStart: `${SPRING}T12:00`,
        lateCancellation: true,
        lateFeePence: 3000,
      });
      expect(event.data).toMatchObject({ late: true, lateFeePence: 3000 });
    });

    it('autumn: 24.5 real hours before 12:00 GMT (23.5 h on the wall clock) is not late', async () => {
      const { cancelled, event } = await cancelAsClientAt(
        '2027-10-30T11:30:00Z',
        '2027-10-31T12:00:00Z',
      );
      expect(cancelled).toMatchObject({
        localStart: `${AUTUMN}T12:00`,
        lateCancellation: false,
        lateFeePence: null,
      });
      expect(event.data).toMatchObject({ late: false, lateFeePence: null });
    });
  });
});
