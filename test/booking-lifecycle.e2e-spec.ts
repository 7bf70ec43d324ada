import { randomUUID } from 'node:crypto';
import {
  BOOKING,
  BookingView,
  CANCEL,
  CHECK_IN,
  COMPLETE,
  CONFIRM,
  GqlError,
  HOLD,
  RESCHEDULE,
} from '../apps/booking/src/bookings/test-support/booking-graphql';
import { TREATMENTS } from '../apps/booking/src/bookings/test-support/booking-world';
import {
  availability,
  BookableWorld,
  buildBookableWorld,
  INITIAL_ASSESSMENT,
  Slot,
} from '../infra/scripts/booking-world';
import { eventually } from './support/kafka-events';
import { gql, RunningPlatform, startPlatform } from './support/running-platform';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** The clinic buildBookableWorld opens runs on London time. */
const CLINIC_ZONE = 'Europe/London';

/** The clinic-local date `offsetDays` from now, "YYYY-MM-DD". */
function clinicDate(offsetDays: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: CLINIC_ZONE }).format(
    new Date(Date.now() + offsetDays * DAY_MS),
  );
}

/** The weekday of a calendar date, as series inputs name it. */
function weekdayOf(date: string): string {
  const names = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
  return names[new Date(`${date}T12:00:00Z`).getUTCDay()] ?? '';
}

/**
 * The booking lifecycle through the real gateway, every app running and the world built
 * through the real services (buildBookableWorld: a clinic open 08:00–20:00 every day, two
 * physiotherapists, two registered clients), each caller with its own token: a client
 * holds, confirms, moves and cancels their own booking (with and without the late fee);
 * reception checks in and the booking's therapist completes, after which client-record
 * opens the session record (booking.completed across services); a retried hold replays;
 * the error codes and their extensions survive the gateway; each role's denial; a series;
 * and a waitlist offer after a cancellation. Treatment: the initial assessment
 * (self-bookable, no clearance needed) unless a test says otherwise. Each test books its
 * own days so none depends on another.
 */
describe('the booking lifecycle through the gateway', () => {
  let platform: RunningPlatform;
  let world: BookableWorld;
  let url: string;
  let therapistA: string;
  let therapistB: string;
  let clientA: string;
  let clientB: string;
  let reception: string;
  let asClientA: string;
  let asClientB: string;
  let asTherapistA: string;

  beforeAll(async () => {
    platform = await startPlatform();
    url = platform.gatewayUrl;
    world = await buildBookableWorld({
      gatewayUrl: url,
      token: (request) => platform.token(request),
      therapists: 2,
      rooms: 2,
      clients: 2,
      days: 2,
    });
    [therapistA = '', therapistB = ''] = world.therapistIds;
    [clientA = '', clientB = ''] = world.clientIds;
    reception = world.receptionToken;
    asClientA = await platform.token({
      role: 'client',
      clientId: clientA,
      subject: `client-a-${randomUUID()}`,
    });
    asClientB = await platform.token({
      role: 'client',
      clientId: clientB,
      subject: `client-b-${randomUUID()}`,
    });
    asTherapistA = await platform.token({
      role: 'therapist',
      therapistId: therapistA,
      clinicIds: [world.clinicId],
      subject: `therapist-a-${randomUUID()}`,
    });
  });

  afterAll(async () => {
    await platform?.stop();
  });

  /** The one result field of a request that must succeed (HTTP 200, no errors). */
  async function ok<T>(query: string, variables: Record<string, unknown>, token: string) {
    const reply = await gql<Record<string, T>>(url, query, { token, variables });
    expect(reply.errors).toBeUndefined();
    expect(reply.status).toBe(200);
    const value = Object.values(reply.data ?? {})[0];
    expect(value).toBeDefined();
    return value;
  }

  /** The one error of a request that must fail, with no data. */
  async function fails(
    query: string,
    variables: Record<string, unknown>,
    token: string,
  ): Promise<GqlError & { status: number }> {
    const reply = await gql(url, query, { token, variables });
    expect(reply.errors).toHaveLength(1);
    expect(reply.data ?? null).toBeNull();
    return { ...(reply.errors?.[0] ?? { message: '' }), status: reply.status };
  }

  /** The initial-assessment slots of one therapist on clinic-local days from..to ahead. */
  async function slotsOf(therapistId: string, fromDay: number, toDay: number): Promise<Slot[]> {
    const slots = await availability(
      url,
      reception,
      world.clinicId,
      clinicDate(fromDay),
      clinicDate(toDay),
      therapistId,
    );
    expect(slots.length).toBeGreaterThan(1);
    return slots;
  }

  function holdInput(
    slot: Pick<Slot, 'therapistId' | 'startsAt'>,
    clientId: string,
    options: { treatmentId?: string; key?: string } = {},
  ): Record<string, unknown> {
    return {
      input: {
        clinicId: world.clinicId,
        treatmentId: options.treatmentId ?? INITIAL_ASSESSMENT,
        therapistId: slot.therapistId,
        startsAt: slot.startsAt,
        clientId,
        idempotencyKey: options.key ?? randomUUID(),
      },
    };
  }

  /** Ids of every booking of the clinic in the next 30 days, as reception's diary lists them. */
  async function diaryIds(from = new Date(), to = new Date(Date.now() + 30 * DAY_MS)) {
    const diary = await ok<{ id: string }[]>(
      `query($clinicId: ID!, $from: DateTime!, $to: DateTime!) {
        clinicDiary(clinicId: $clinicId, from: $from, to: $to) { id } }`,
      { clinicId: world.clinicId, from: from.toISOString(), to: to.toISOString() },
      reception,
    );
    return diary.map((booking) => booking.id).sort();
  }

  it('lets a client hold, confirm, reschedule and cancel their own booking; days ahead it is not late and costs nothing', async () => {
    const [first] = await slotsOf(therapistA, 3, 3);
    const [later] = await slotsOf(therapistA, 4, 4);

    const held = await ok<BookingView>(HOLD, holdInput(first, clientA), asClientA);
    expect(held).toMatchObject({
      status: 'held',
      clinicId: world.clinicId,
      clientId: clientA,
      therapistId: therapistA,
      treatmentId: INITIAL_ASSESSMENT,
      startsAt: first.startsAt,
      localStart: first.localStart,
      timezone: CLINIC_ZONE,
      pricePence: 6500,
      currency: 'GBP',
    });
    expect(held.holdExpiresAt).not.toBeNull();

    const confirmed = await ok<BookingView>(CONFIRM, { id: held.id, key: randomUUID() }, asClientA);
    expect(confirmed).toMatchObject({ id: held.id, status: 'confirmed', holdExpiresAt: null });

    const moved = await ok<BookingView>(
      RESCHEDULE,
      { id: held.id, input: { startsAt: later.startsAt }, key: randomUUID() },
      asClientA,
    );
    expect(moved).toMatchObject({
      id: held.id,
      status: 'confirmed',
      therapistId: therapistA,
      startsAt: later.startsAt,
      localStart: later.localStart,
    });

    const cancelled = await ok<BookingView>(
      CANCEL,
      { id: held.id, key: randomUUID(), reason: 'client_request' },
      asClientA,
    );
    expect(cancelled).toMatchObject({
      id: held.id,
      status: 'cancelled',
      cancelledBy: 'client',
      lateCancellation: false,
      lateFeePence: null,
      startsAt: later.startsAt,
    });

    const readBack = await ok<BookingView>(BOOKING, { id: held.id }, asClientA);
    expect(readBack).toEqual(cancelled);
  });

  it('charges the late fee (half the price) when the client cancels a confirmed booking under 24 hours ahead', async () => {
    // The clinic opens 08:00–20:00 every day and slots start at least 2 hours ahead, so the
    // earliest slot from today or tomorrow is always under 24 hours away.
    const [soon] = await slotsOf(therapistA, 0, 1);
    expect(Date.parse(soon.startsAt) - Date.now()).toBeLessThan(23 * HOUR_MS);

    const held = await ok<BookingView>(HOLD, holdInput(soon, clientA), asClientA);
    await ok<BookingView>(CONFIRM, { id: held.id, key: randomUUID() }, asClientA);
    const cancelled = await ok<BookingView>(
      CANCEL,
      { id: held.id, key: randomUUID(), reason: 'illness' },
      asClientA,
    );
    expect(cancelled).toMatchObject({
      id: held.id,
      status: 'cancelled',
      cancelledBy: 'client',
      lateCancellation: true,
      lateFeePence: Math.floor(held.pricePence / 2),
    });
    expect(cancelled.lateFeePence).toBe(3250);
  });

  it("lets reception check the client in and the booking's therapist complete it; client-record then opens that therapist's session record", async () => {
    const [slot] = await slotsOf(therapistA, 5, 5);
    const held = await ok<BookingView>(HOLD, holdInput(slot, clientA), reception);
    await ok<BookingView>(CONFIRM, { id: held.id, key: randomUUID() }, reception);

    const checkedIn = await ok<BookingView>(CHECK_IN, { id: held.id }, reception);
    expect(checkedIn).toMatchObject({ id: held.id, status: 'checked_in' });
    const completed = await ok<BookingView>(COMPLETE, { id: held.id }, asTherapistA);
    expect(completed).toMatchObject({ id: held.id, status: 'completed', therapistId: therapistA });

    // booking.completed travels booking -> Kafka -> client-record, which opens the record.
    const opened = await eventually(async () => {
      const reply = await gql<{
        sessionRecords: { id: string; bookingId: string; therapistId: string; status: string }[];
      }>(
        url,
        `query($clientId: ID!) { sessionRecords(clientId: $clientId) {
          id bookingId therapistId status } }`,
        { token: asTherapistA, variables: { clientId: clientA } },
      );
      return reply.data?.sessionRecords.find((record) => record.bookingId === held.id);
    }, 'client-record to open the session record of the completed booking');
    expect(opened).toMatchObject({ bookingId: held.id, therapistId: therapistA, status: 'open' });
  });

  it('answers a retried hold with the same idempotency key with the same booking, and books once', async () => {
    const [slot] = await slotsOf(therapistA, 6, 6);
    const key = randomUUID();
    const first = await ok<BookingView>(HOLD, holdInput(slot, clientA, { key }), asClientA);
    const retried = await ok<BookingView>(HOLD, holdInput(slot, clientA, { key }), asClientA);
    expect(retried.id).toBe(first.id);
    expect(retried).toEqual(first);

    const dayStart = new Date(Date.parse(slot.startsAt) - 6 * HOUR_MS);
    const dayEnd = new Date(Date.parse(slot.startsAt) + 6 * HOUR_MS);
    expect(await diaryIds(dayStart, dayEnd)).toEqual([first.id]);
  });

  it('keeps error codes and their extensions through the gateway, and writes nothing for them', async () => {
    const [taken] = await slotsOf(therapistA, 7, 7);
    const [other] = await slotsOf(therapistA, 8, 8);
    const held = await ok<BookingView>(HOLD, holdInput(taken, clientA), reception);
    const before = await diaryIds();

    const unavailable = await fails(HOLD, holdInput(taken, clientB), reception);
    expect(unavailable.status).toBe(200);
    expect(unavailable.extensions?.code).toBe('SLOT_UNAVAILABLE');
    const alternatives = unavailable.extensions?.alternatives as Slot[] | undefined;
    expect(alternatives?.length).toBeGreaterThan(0);
    expect(alternatives?.length).toBeLessThanOrEqual(5);
    for (const alternative of alternatives ?? []) {
      expect(alternative).toMatchObject({
        startsAt: expect.any(String) as string,
        localStart: expect.any(String) as string,
        therapistId: expect.any(String) as string,
        roomId: expect.any(String) as string,
      });
      expect(alternative.startsAt).not.toBe(taken.startsAt);
    }

    const invalid = await fails(COMPLETE, { id: held.id }, reception);
    expect(invalid.extensions).toMatchObject({
      code: 'INVALID_BOOKING_TRANSITION',
      currentStatus: 'held',
      action: 'complete',
    });
    expect(invalid.message).toContain('held');

    // The PNF stretch needs a screening clearance; the world's clients were never screened.
    const ineligible = await fails(
      HOLD,
      holdInput(other, clientA, { treatmentId: TREATMENTS.pnf30 }),
      reception,
    );
    expect(ineligible.extensions).toMatchObject({
      code: 'CLIENT_NOT_ELIGIBLE',
      reason: 'not screened',
    });

    expect(await diaryIds()).toEqual(before);
    expect(await ok<BookingView>(BOOKING, { id: held.id }, reception)).toMatchObject({
      status: 'held',
    });
  });

  it('answers a startsAt without a UTC offset with BAD_USER_INPUT through the gateway; nothing written', async () => {
    const [slot] = await slotsOf(therapistA, 8, 8);
    const before = await diaryIds();
    const withoutOffset = `${slot.localStart}:00`;
    expect(withoutOffset).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00$/);
    const badInput = await fails(
      HOLD,
      holdInput({ therapistId: therapistA, startsAt: withoutOffset }, clientA),
      reception,
    );
    expect(badInput.extensions?.code).toBe('BAD_USER_INPUT');
    expect(badInput.message).toContain('with Z or a UTC offset');
    // The subgraph's own address stays inside the platform.
    expect(JSON.stringify(badInput)).not.toContain('/graphql');
    expect(await diaryIds()).toEqual(before);
  });

  it("refuses another clinic's reception (BOOKING_NOT_FOUND), a therapist and an integrator without bookings:write (FORBIDDEN)", async () => {
    const slots = await slotsOf(therapistA, 9, 9);
    const [slot] = slots;
    // The day's last slot, hours after the held one: a hold there is refused only by role.
    const free = slots[slots.length - 1];
    expect(Date.parse(free.startsAt) - Date.parse(slot.startsAt)).toBeGreaterThan(2 * HOUR_MS);
    const held = await ok<BookingView>(HOLD, holdInput(slot, clientA), reception);
    const before = await diaryIds();

    const elsewhere = await platform.token({
      role: 'receptionist',
      clinicIds: [randomUUID()],
      subject: `elsewhere-${randomUUID()}`,
    });
    const notFound = await fails(CONFIRM, { id: held.id, key: randomUUID() }, elsewhere);
    expect(notFound.extensions?.code).toBe('BOOKING_NOT_FOUND');

    const byTherapist = await fails(HOLD, holdInput(free, clientA), asTherapistA);
    expect(byTherapist.extensions?.code).toBe('FORBIDDEN');

    const readOnlyIntegrator = await platform.token({
      role: 'integrator',
      clinicIds: [world.clinicId],
      scopes: ['bookings:read'],
      subject: `integrator-${randomUUID()}`,
    });
    const byIntegrator = await fails(HOLD, holdInput(free, clientA), readOnlyIntegrator);
    expect(byIntegrator.extensions?.code).toBe('FORBIDDEN');
    expect(byIntegrator.message).toContain('bookings:write');

    expect(await diaryIds()).toEqual(before);
    expect(await ok<BookingView>(BOOKING, { id: held.id }, reception)).toMatchObject({
      status: 'held',
    });
  });

  it('books a series of two sessions through the gateway, both confirmed', async () => {
    const firstDay = clinicDate(10);
    const secondDay = clinicDate(11);
    const series = await ok<{
      id: string;
      status: string;
      clientId: string;
      therapistId: string;
      bookings: { id: string; status: string; therapistId: string; localStart: string }[];
    }>(
      `mutation($input: BookSeriesInput!) { bookSeries(input: $input) {
        id status clientId therapistId bookings { id status therapistId localStart } } }`,
      {
        input: {
          clientId: clientA,
          clinicId: world.clinicId,
          treatmentId: INITIAL_ASSESSMENT,
          therapistId: therapistB,
          sessionsPerWeek: 2,
          weeks: 1,
          preferredWeekdays: [weekdayOf(firstDay), weekdayOf(secondDay)],
          preferredTime: '11:00',
          startsOn: firstDay,
          idempotencyKey: randomUUID(),
        },
      },
      reception,
    );
    expect(series).toMatchObject({ status: 'active', clientId: clientA, therapistId: therapistB });
    expect(series.bookings).toEqual([
      {
        id: expect.any(String) as string,
        status: 'confirmed',
        therapistId: therapistB,
        localStart: `${firstDay}T11:00`,
      },
      {
        id: expect.any(String) as string,
        status: 'confirmed',
        therapistId: therapistB,
        localStart: `${secondDay}T11:00`,
      },
    ]);
    const ids = series.bookings.map((booking) => booking.id);
    expect(new Set(ids).size).toBe(2);
    for (const id of ids) {
      expect(await ok<BookingView>(BOOKING, { id }, reception)).toMatchObject({
        status: 'confirmed',
        clientId: clientA,
      });
    }
  });

  it('offers a slot freed by a cancellation to the waitlisted client, who sees the held offer in myWaitlist', async () => {
    const day = clinicDate(12);
    const entry = await ok<{ id: string; status: string }>(
      `mutation($input: JoinWaitlistInput!) { joinWaitlist(input: $input) { id status } }`,
      {
        input: {
          clientId: clientB,
          clinicId: world.clinicId,
          treatmentId: INITIAL_ASSESSMENT,
          fromDate: day,
          toDate: day,
          therapistId: therapistB,
        },
      },
      asClientB,
    );
    expect(entry.status).toBe('waiting');

    const [slot] = await slotsOf(therapistB, 12, 12);
    const taken = await ok<BookingView>(HOLD, holdInput(slot, clientA), reception);
    await ok<BookingView>(CONFIRM, { id: taken.id, key: randomUUID() }, reception);
    await ok<BookingView>(
      CANCEL,
      { id: taken.id, key: randomUUID(), reason: 'client_request' },
      reception,
    );

    const MY_WAITLIST = `query { myWaitlist { id status bookingId offerExpiresAt } }`;
    const offered = await eventually(async () => {
      const mine = await ok<
        { id: string; status: string; bookingId: string | null; offerExpiresAt: string | null }[]
      >(MY_WAITLIST, {}, asClientB);
      const found = mine.find((e) => e.id === entry.id);
      return found?.status === 'offered' ? found : undefined;
    }, 'the waitlist to offer the freed slot');
    expect(offered.bookingId).not.toBeNull();
    expect(offered.offerExpiresAt).not.toBeNull();

    const offer = await ok<BookingView>(BOOKING, { id: offered.bookingId }, asClientB);
    expect(offer).toMatchObject({
      status: 'held',
      clientId: clientB,
      therapistId: therapistB,
      startsAt: slot.startsAt,
    });
    expect(offer.id).not.toBe(taken.id);
  });
});
