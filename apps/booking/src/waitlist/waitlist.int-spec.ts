import { randomUUID } from 'node:crypto';
import { EventEnvelope, TimeOffApprovedV1, TimeOffCancelledV1, TOPICS } from '@app/contracts';
import type { Caller } from '@app/auth';
import type { Tx } from '@app/database';
import { OutboxWriter, typeormTransactions } from '@app/messaging';
import { createLogger } from '@app/observability';
import { ServiceTestApp, startServiceTestApp } from '@app/platform/test-support/service-test-app';
import { AvailabilityInputsRepository } from '../availability/availability-inputs.repository';
import { AvailabilityService } from '../availability/availability.service';
import { bookingDefinition } from '../booking.definition';
import { BookingModule } from '../booking.module';
import { systemClock } from '../bookings/booking-clock';
import { BookingInputsRepository } from '../bookings/booking-inputs.repository';
import { BookingsRepository } from '../bookings/bookings.repository';
import { BookingsService } from '../bookings/bookings.service';
import { HoldExpiryJob } from '../bookings/hold-expiry.job';
import { RESCHEDULE } from '../bookings/test-support/booking-graphql';
import {
  BookingWorld,
  daysAhead,
  londonLocal,
  seedBookingWorld,
  seedClearedClient,
  TREATMENTS,
} from '../bookings/test-support/booking-world';
import { CatalogueRepository } from '../catalogue/catalogue.repository';
import { CatalogueService } from '../catalogue/catalogue.service';
import { CancellationPoliciesRepository } from '../cancellation-policies/cancellation-policies.repository';
import { CancellationPoliciesService } from '../cancellation-policies/cancellation-policies.service';
import { ClinicProjectionRepository } from '../clinics/clinic-projection.repository';
import { ClinicProjectionService } from '../clinics/clinic-projection.service';
import { eventually } from '../projections/test-support/projection-events';
import { WAITLIST_CONSUMER_GROUP } from './waitlist.consumer';
import { WaitlistRepository } from './waitlist.repository';
import { WaitlistService } from './waitlist.service';

const ENTRY = `id clinicId clientId treatmentId therapistId fromDate toDate status joinedAt bookingId offerExpiresAt`;
const JOIN = `mutation J($input: JoinWaitlistInput!) { joinWaitlist(input: $input) { ${ENTRY} } }`;
const LEAVE = `mutation L($id: ID!) { leaveWaitlist(id: $id) { ${ENTRY} } }`;
const CLINIC_LIST = `query W($clinicId: ID!) { waitlist(clinicId: $clinicId) { ${ENTRY} } }`;
const MINE = `query { myWaitlist { ${ENTRY} } }`;
const HOLD = `mutation H($input: HoldBookingInput!) { holdBooking(input: $input) { id status } }`;
const CONFIRM = `mutation C($id: ID!, $key: String!) { confirmBooking(id: $id, idempotencyKey: $key) { id status } }`;
const CANCEL = `mutation X($id: ID!, $key: String!) { cancelBooking(id: $id, idempotencyKey: $key) { id status } }`;

interface EntryView {
  id: string;
  clinicId: string;
  clientId: string;
  treatmentId: string;
  therapistId: string | null;
  fromDate: string;
  toDate: string;
  status: string;
  joinedAt: string;
  bookingId: string | null;
  offerExpiresAt: string | null;
}

type GqlError = { message: string; extensions?: { code?: string } & Record<string, unknown> };

describe('waitlist through GraphQL (real PostgreSQL and Kafka)', () => {
  let app: ServiceTestApp;
  let world: BookingWorld;
  let staff: string;

  beforeAll(async () => {
    app = await startServiceTestApp(bookingDefinition, BookingModule.forRoot, {
      watchTopics: [TOPICS.booking],
    });
    world = await seedBookingWorld(app, { therapists: 4 });
    staff = await app.token({
      role: 'receptionist',
      clinicIds: [world.clinicId],
      subject: 'reception-w',
    });
  }, 180_000);

  afterAll(async () => {
    await app?.close();
  });

  const therapist = (i: number): string => world.therapistIds[i];
  const dateAhead = (days: number): string => londonLocal(daysAhead(days)).slice(0, 10);

  /** A new screened-and-cleared client of the clinic. */
  const clearedClient = (): Promise<string> => seedClearedClient(app, world.clinicId);

  async function ok<T>(query: string, variables: Record<string, unknown>, token: string) {
    const res = await app.gql<Record<string, T>>(query, variables, token);
    expect(res.errors).toBeUndefined();
    return Object.values(res.data ?? {})[0];
  }

  async function fails(
    query: string,
    variables: Record<string, unknown>,
    token: string,
  ): Promise<GqlError> {
    const res = await app.gql(query, variables, token);
    expect(res.errors).toHaveLength(1);
    return res.errors![0];
  }

  const join = (input: Record<string, unknown>, token = staff) =>
    ok<EntryView>(JOIN, { input }, token);

  function joinInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
    return {
      clientId: world.clients.cleared,
      clinicId: world.clinicId,
      treatmentId: TREATMENTS.pnf30,
      fromDate: dateAhead(2),
      toDate: dateAhead(9),
      ...overrides,
    };
  }

  async function entryRow(id: string): Promise<Record<string, unknown>> {
    const [row] = await app.dataSource.query<Record<string, unknown>[]>(
      `SELECT * FROM waitlist_entry WHERE id = $1`,
      [id],
    );
    return row;
  }

  async function counts(): Promise<{ entries: number; outbox: number; bookings: number }> {
    const [row] = await app.dataSource.query<
      { entries: number; outbox: number; bookings: number }[]
    >(
      `SELECT (SELECT count(*) FROM waitlist_entry)::int AS entries,
              (SELECT count(*) FROM outbox)::int AS outbox,
              (SELECT count(*) FROM booking)::int AS bookings`,
    );
    return row;
  }

  const forEntry = (id: string) => (event: EventEnvelope) => event.aggregateId === id;

  /** Holds and confirms a booking for the world's cleared client, then cancels it. */
  async function freeSlot(therapistId: string, startsAt: Date): Promise<string> {
    const held = await ok<{ id: string }>(
      HOLD,
      {
        input: {
          clinicId: world.clinicId,
          treatmentId: TREATMENTS.pnf30,
          therapistId,
          startsAt: startsAt.toISOString(),
          clientId: world.clients.cleared,
          idempotencyKey: randomUUID(),
        },
      },
      staff,
    );
    await ok(CONFIRM, { id: held.id, key: randomUUID() }, staff);
    await ok(CANCEL, { id: held.id, key: randomUUID() }, staff);
    return held.id;
  }

  it('join: a waiting entry, waitlist.joined (ids and dates only), listed for staff and the client', async () => {
    const clientId = await clearedClient();
    const entry = await join(joinInput({ clientId, therapistId: therapist(3) }));
    expect(entry).toMatchObject({
      clientId,
      clinicId: world.clinicId,
      treatmentId: TREATMENTS.pnf30,
      therapistId: therapist(3),
      fromDate: dateAhead(2),
      toDate: dateAhead(9),
      status: 'waiting',
      bookingId: null,
    });
    const event = await app.event('waitlist.joined', forEntry(entry.id));
    expect(event.clinicId).toBe(world.clinicId);
    expect(event.data).toEqual({
      entryId: entry.id,
      clinicId: world.clinicId,
      clientId,
      treatmentId: TREATMENTS.pnf30,
      therapistId: therapist(3),
      fromDate: dateAhead(2),
      toDate: dateAhead(9),
      joinedAt: entry.joinedAt,
    });
    const listed = await ok<EntryView[]>(CLINIC_LIST, { clinicId: world.clinicId }, staff);
    expect(listed.map((e) => e.id)).toContain(entry.id);
    const client = await app.token({ role: 'client', clientId, subject: `client-${clientId}` });
    const mine = await ok<EntryView[]>(MINE, {}, client);
    expect(mine.map((e) => e.id)).toEqual([entry.id]);

    const left = await ok<EntryView>(LEAVE, { id: entry.id }, client);
    expect(left.status).toBe('left');
    const again = await fails(LEAVE, { id: entry.id }, client);
    expect(again.extensions?.code).toBe('WAITLIST_ENTRY_CLOSED');
  });

  it('a cancellation is offered to the first matching entry (FIFO), not to a non-matching one; expiry passes it on; confirming books', async () => {
    const day = 5;
    const startsAt = daysAhead(day, 10);
    const window = { fromDate: dateAhead(day - 1), toDate: dateAhead(day + 1) };
    const [other, first, second] = [
      await clearedClient(),
      await clearedClient(),
      await clearedClient(),
    ];
    // Joined first but waits only for another therapist: does not match.
    const notMatching = await join(
      joinInput({ clientId: other, therapistId: therapist(1), ...window }),
    );
    const firstEntry = await join(joinInput({ clientId: first, ...window }));
    const secondEntry = await join(
      joinInput({ clientId: second, therapistId: therapist(0), ...window }),
    );

    await freeSlot(therapist(0), startsAt);

    const offer = await app.event('waitlist.offer_made', forEntry(firstEntry.id), 60_000);
    const bookingId = (offer.data as { bookingId: string }).bookingId;
    expect(offer.data).toMatchObject({
      entryId: firstEntry.id,
      clientId: first,
      clinicId: world.clinicId,
      therapistId: therapist(0),
      treatmentId: TREATMENTS.pnf30,
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 30 * 60_000).toISOString(),
      localStart: londonLocal(startsAt),
      localEnd: londonLocal(new Date(startsAt.getTime() + 30 * 60_000)),
      timezone: 'Europe/London',
    });
    const [hold] = await app.dataSource.query<Record<string, unknown>[]>(
      `SELECT * FROM booking WHERE id = $1`,
      [bookingId],
    );
    expect(hold).toMatchObject({
      status: 'held',
      client_id: first,
      therapist_id: therapist(0),
      treatment_id: TREATMENTS.pnf30,
    });
    expect((hold.starts_at as Date).toISOString()).toBe(startsAt.toISOString());
    expect((offer.data as { offerExpiresAt: string }).offerExpiresAt).toBe(
      (hold.hold_expires_at as Date).toISOString(),
    );
    expect(await entryRow(firstEntry.id)).toMatchObject({
      status: 'offered',
      booking_id: bookingId,
    });
    expect((await entryRow(notMatching.id)).status).toBe('waiting');
    expect((await entryRow(secondEntry.id)).status).toBe('waiting');

    // The offer is not taken up: the hold expires, the slot goes to the next matching entry.
    await app.dataSource.query(
      `UPDATE booking SET hold_expires_at = now() - interval '1 minute' WHERE id = $1`,
      [bookingId],
    );
    const job = new HoldExpiryJob(
      new BookingsRepository(app.dataSource),
      new OutboxWriter(),
      typeormTransactions(app.dataSource),
      createLogger({ service: 'booking-test', level: 'warn', format: 'json' }),
    );
    await eventually(async () => {
      await job.runAt(new Date());
      const [row] = await app.dataSource.query<{ status: string }[]>(
        `SELECT status FROM booking WHERE id = $1`,
        [bookingId],
      );
      expect(row.status).toBe('hold_expired');
    });
    const expired = await app.event('waitlist.offer_expired', forEntry(firstEntry.id), 60_000);
    expect(expired.data).toMatchObject({
      entryId: firstEntry.id,
      clientId: first,
      clinicId: world.clinicId,
      bookingId,
      therapistId: therapist(0),
      treatmentId: TREATMENTS.pnf30,
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 30 * 60_000).toISOString(),
      localStart: londonLocal(startsAt),
      localEnd: londonLocal(new Date(startsAt.getTime() + 30 * 60_000)),
      timezone: 'Europe/London',
    });
    const next = await app.event('waitlist.offer_made', forEntry(secondEntry.id), 60_000);
    expect(next.data).toMatchObject({
      clientId: second,
      therapistId: therapist(0),
      startsAt: startsAt.toISOString(),
    });
    expect((await entryRow(firstEntry.id)).status).toBe('offer_expired');
    expect((await entryRow(notMatching.id)).status).toBe('waiting');
    expect(
      app.events((e) => e.type === 'waitlist.offer_made' && e.aggregateId === notMatching.id),
    ).toHaveLength(0);

    // The client confirms the held booking: the entry is booked.
    const secondClient = await app.token({
      role: 'client',
      clientId: second,
      subject: `client-${second}`,
    });
    const nextBooking = (next.data as { bookingId: string }).bookingId;
    await ok(CONFIRM, { id: nextBooking, key: randomUUID() }, secondClient);
    await eventually(async () => {
      expect((await entryRow(secondEntry.id)).status).toBe('booked');
    }, 60_000);
    const mine = await ok<EntryView[]>(MINE, {}, secondClient);
    expect(mine[0]).toMatchObject({ id: secondEntry.id, status: 'booked', bookingId: nextBooking });
  });

  describe('other ways a slot frees (reschedule, a declined offer)', () => {
    it('a slot freed by a reschedule is offered to the matching entry at the old start', async () => {
      const day = 20;
      const oldStart = daysAhead(day, 10);
      const held = await ok<{ id: string }>(
        HOLD,
        {
          input: {
            clinicId: world.clinicId,
            treatmentId: TREATMENTS.pnf30,
            therapistId: therapist(0),
            startsAt: oldStart.toISOString(),
            clientId: world.clients.cleared,
            idempotencyKey: randomUUID(),
          },
        },
        staff,
      );
      await ok(CONFIRM, { id: held.id, key: randomUUID() }, staff);
      // Waits for that very day and therapist: only the reschedule can free it.
      const clientId = await clearedClient();
      const entry = await join(
        joinInput({
          clientId,
          therapistId: therapist(0),
          fromDate: dateAhead(day),
          toDate: dateAhead(day),
        }),
      );

      const newStart = daysAhead(day + 1, 10);
      await ok(
        RESCHEDULE,
        { id: held.id, input: { startsAt: newStart.toISOString() }, key: randomUUID() },
        staff,
      );

      const offer = await app.event('waitlist.offer_made', forEntry(entry.id), 60_000);
      const bookingId = (offer.data as { bookingId: string }).bookingId;
      expect(bookingId).not.toBe(held.id);
      expect(offer.data).toMatchObject({
        entryId: entry.id,
        clientId,
        clinicId: world.clinicId,
        therapistId: therapist(0),
        treatmentId: TREATMENTS.pnf30,
        startsAt: oldStart.toISOString(),
        localStart: londonLocal(oldStart),
      });
      expect(await entryRow(entry.id)).toMatchObject({ status: 'offered', booking_id: bookingId });
      const [hold] = await app.dataSource.query<Record<string, unknown>[]>(
        `SELECT * FROM booking WHERE id = $1`,
        [bookingId],
      );
      expect(hold).toMatchObject({
        status: 'held',
        client_id: clientId,
        therapist_id: therapist(0),
      });
      expect((hold.starts_at as Date).toISOString()).toBe(oldStart.toISOString());
    });

    it('a client cancelling an offered hold declines it: the entry is offer_declined and the next matching entry gets the offer', async () => {
      const day = 22;
      const startsAt = daysAhead(day, 10);
      const window = {
        therapistId: therapist(0),
        fromDate: dateAhead(day),
        toDate: dateAhead(day),
      };
      const [first, second] = [await clearedClient(), await clearedClient()];
      const firstEntry = await join(joinInput({ clientId: first, ...window }));
      const secondEntry = await join(joinInput({ clientId: second, ...window }));

      await freeSlot(therapist(0), startsAt);
      const offer = await app.event('waitlist.offer_made', forEntry(firstEntry.id), 60_000);
      const declined = (offer.data as { bookingId: string }).bookingId;
      expect((await entryRow(secondEntry.id)).status).toBe('waiting');

      const firstClient = await app.token({
        role: 'client',
        clientId: first,
        subject: `client-${first}`,
      });
      const cancelled = await ok<{ id: string; status: string }>(
        CANCEL,
        { id: declined, key: randomUUID() },
        firstClient,
      );
      expect(cancelled).toEqual({ id: declined, status: 'cancelled' });

      const next = await app.event('waitlist.offer_made', forEntry(secondEntry.id), 60_000);
      const nextBooking = (next.data as { bookingId: string }).bookingId;
      expect(nextBooking).not.toBe(declined);
      expect(next.data).toMatchObject({
        entryId: secondEntry.id,
        clientId: second,
        therapistId: therapist(0),
        startsAt: startsAt.toISOString(),
      });
      // Declined in the same transaction as the next offer, so already visible here.
      const firstRow = await entryRow(firstEntry.id);
      expect(firstRow).toMatchObject({ status: 'offer_declined', booking_id: declined });
      expect(firstRow.closed_at).toBeInstanceOf(Date);
      expect(await entryRow(secondEntry.id)).toMatchObject({
        status: 'offered',
        booking_id: nextBooking,
      });
      expect(
        app.events((e) => e.type === 'waitlist.offer_made' && e.aggregateId === firstEntry.id),
      ).toHaveLength(1);
    });
  });

  describe('denials write nothing', () => {
    it.each([
      ['a client for another client', () => ({ role: 'client' as const, clientId: randomUUID() })],
      [
        'a therapist',
        () => ({
          role: 'therapist' as const,
          therapistId: randomUUID(),
          clinicIds: [world.clinicId],
        }),
      ],
      [
        'reception of another clinic',
        () => ({ role: 'receptionist' as const, clinicIds: [randomUUID()] }),
      ],
      [
        'an integrator without bookings:write',
        () => ({
          role: 'integrator' as const,
          clinicIds: [world.clinicId],
          scopes: ['availability:read'],
        }),
      ],
    ])('%s: FORBIDDEN', async (_name, claims) => {
      const token = await app.token({ ...claims(), subject: `denied-${randomUUID()}` });
      const before = await counts();
      const error = await fails(
        JOIN,
        { input: joinInput({ clientId: world.clients.cleared }) },
        token,
      );
      expect(error.extensions?.code).toBe('FORBIDDEN');
      expect(await counts()).toEqual(before);
    });

    it("a client cannot see a clinic's waitlist; staff have no myWaitlist", async () => {
      const client = await app.token({
        role: 'client',
        clientId: world.clients.cleared,
        subject: 'client-w',
      });
      expect(
        (await fails(CLINIC_LIST, { clinicId: world.clinicId }, client)).extensions?.code,
      ).toBe('FORBIDDEN');
      expect((await fails(MINE, {}, staff)).extensions?.code).toBe('FORBIDDEN');
    });

    it("a client cannot leave another client's entry (not found)", async () => {
      const clientId = await clearedClient();
      const entry = await join(joinInput({ clientId }));
      const stranger = await app.token({ role: 'client', clientId: randomUUID(), subject: 'x' });
      expect((await fails(LEAVE, { id: entry.id }, stranger)).extensions?.code).toBe(
        'WAITLIST_ENTRY_NOT_FOUND',
      );
      expect((await entryRow(entry.id)).status).toBe('waiting');
    });
  });

  describe('bad input writes nothing', () => {
    it.each([
      [
        'a window over 31 days',
        () => joinInput({ fromDate: dateAhead(2), toDate: dateAhead(40) }),
        'INVALID_WAITLIST_WINDOW',
      ],
      [
        'a window ending before it starts',
        () => joinInput({ fromDate: dateAhead(5), toDate: dateAhead(4) }),
        'INVALID_WAITLIST_WINDOW',
      ],
      [
        'a window in the past',
        () => joinInput({ fromDate: dateAhead(-3), toDate: dateAhead(3) }),
        'WAITLIST_WINDOW_IN_PAST',
      ],
      ['a malformed date', () => joinInput({ fromDate: '2026-13-01' }), 'INVALID_WAITLIST_WINDOW'],
      [
        'a client id that is not a UUID',
        () => joinInput({ clientId: 'nope' }),
        'INVALID_WAITLIST_INPUT',
      ],
      [
        'an unknown treatment',
        () => joinInput({ treatmentId: randomUUID() }),
        'TREATMENT_NOT_FOUND',
      ],
      [
        'a therapist not at the clinic',
        () => joinInput({ therapistId: randomUUID() }),
        'THERAPIST_NOT_FOUND',
      ],
      [
        'a client not suitable',
        () => joinInput({ clientId: world.clients.notSuitable }),
        'CLIENT_NOT_ELIGIBLE',
      ],
    ])('%s', async (_name, input, code) => {
      const before = await counts();
      const error = await fails(JOIN, { input: input() }, staff);
      expect(error.extensions?.code).toBe(code);
      expect(await counts()).toEqual(before);
    });

    it('joining twice for the same treatment: ALREADY_ON_WAITLIST', async () => {
      const clientId = await clearedClient();
      await join(joinInput({ clientId }));
      const before = await counts();
      const error = await fails(JOIN, { input: joinInput({ clientId }) }, staff);
      expect(error.extensions?.code).toBe('ALREADY_ON_WAITLIST');
      expect(await counts()).toEqual(before);
    });
  });

  /**
   * The waitlist service as the consumer runs it, built on the test app's database with its
   * own OutboxWriter, so a test can make the offer step fail (a crash after the hold) without
   * touching the running app. Each `deliver` is one delivery of an event: one transaction,
   * rolled back when the handler throws, as the consumer's inbox transaction is.
   */
  function waitlistService(outbox = new OutboxWriter()): {
    service: WaitlistService;
    outbox: OutboxWriter;
    deliver: (work: (service: WaitlistService, tx: Tx) => Promise<unknown>) => Promise<void>;
    search: AvailabilityService;
  } {
    const transactions = typeormTransactions(app.dataSource);
    const inputs = new BookingInputsRepository();
    const catalogue = new CatalogueService(
      new CatalogueRepository(app.dataSource),
      outbox,
      transactions,
    );
    const availability = new AvailabilityService(new AvailabilityInputsRepository(app.dataSource));
    const bookings = new BookingsService(
      new BookingsRepository(app.dataSource),
      inputs,
      catalogue,
      outbox,
      transactions,
      availability,
      new CancellationPoliciesService(
        new CancellationPoliciesRepository(app.dataSource),
        new ClinicProjectionService(new ClinicProjectionRepository(app.dataSource)),
        outbox,
        transactions,
      ),
      systemClock,
    );
    const service = new WaitlistService(
      new WaitlistRepository(),
      inputs,
      catalogue,
      bookings,
      availability,
      outbox,
      transactions,
      createLogger({ service: 'booking-test', level: 'warn', format: 'json' }),
      systemClock,
    );
    return {
      service,
      outbox,
      search: availability,
      deliver: async (work) => {
        await transactions.run((tx) => work(service, tx));
      },
    };
  }

  async function liveBookingsOf(clientId: string): Promise<Record<string, unknown>[]> {
    return app.dataSource.query<Record<string, unknown>[]>(
      `SELECT * FROM booking WHERE client_id = $1 AND status IN ('held', 'confirmed')`,
      [clientId],
    );
  }

  async function offerRows(entryId: string): Promise<Record<string, unknown>[]> {
    return app.dataSource.query<Record<string, unknown>[]>(
      `SELECT envelope FROM outbox WHERE event_type = 'waitlist.offer_made'
         AND envelope->>'aggregateId' = $1`,
      [entryId],
    );
  }

  /** Makes the next waitlist.offer_made of `entryId` throw, as a crash after the hold would. */
  function failOfferOnce(outbox: OutboxWriter, entryId: string): jest.SpyInstance {
    const original = outbox.append.bind(outbox);
    let failed = false;
    return jest.spyOn(outbox, 'append').mockImplementation((async (
      tx: Tx,
      definition: { type: string },
      event: { aggregateId: string },
    ) => {
      if (!failed && definition.type === 'waitlist.offer_made' && event.aggregateId === entryId) {
        failed = true;
        throw new Error('simulated crash after the hold');
      }
      return (original as (...args: unknown[]) => Promise<unknown>)(tx, definition, event);
    }) as unknown as OutboxWriter['append']);
  }

  describe('offers are placed in the consumer transaction (H1)', () => {
    it('a failure after the hold leaves no orphan; the redelivery holds once and offers it', async () => {
      const day = 12;
      const startsAt = daysAhead(day, 10);
      const clientId = await clearedClient();
      const entry = await join(
        joinInput({
          clientId,
          therapistId: therapist(2),
          fromDate: dateAhead(day),
          toDate: dateAhead(day),
        }),
      );
      const { outbox, deliver } = waitlistService();
      const spy = failOfferOnce(outbox, entry.id);
      const freed = {
        clinicId: world.clinicId,
        therapistId: therapist(2),
        startsAt,
        localDate: dateAhead(day),
      };
      const eventId = randomUUID();

      await expect(deliver((service, tx) => service.slotFreed(tx, freed, eventId))).rejects.toThrow(
        'simulated crash after the hold',
      );
      // Nothing of the failed delivery survives: no hold, no offer, the entry still waiting.
      expect(await liveBookingsOf(clientId)).toHaveLength(0);
      expect(await offerRows(entry.id)).toHaveLength(0);
      expect((await entryRow(entry.id)).status).toBe('waiting');

      // The redelivery (well within the 10-minute hold) gets the freed slot itself, once.
      await deliver((service, tx) => service.slotFreed(tx, freed, eventId));
      const live = await liveBookingsOf(clientId);
      expect(live).toHaveLength(1);
      expect(live[0]).toMatchObject({ status: 'held', therapist_id: therapist(2) });
      expect((live[0].starts_at as Date).toISOString()).toBe(startsAt.toISOString());
      expect(await entryRow(entry.id)).toMatchObject({ status: 'offered', booking_id: live[0].id });
      const offers = await offerRows(entry.id);
      expect(offers).toHaveLength(1);
      expect((offers[0].envelope as { data: Record<string, unknown> }).data).toMatchObject({
        bookingId: live[0].id,
        startsAt: startsAt.toISOString(),
        treatmentId: TREATMENTS.pnf30,
        localStart: londonLocal(startsAt),
        timezone: 'Europe/London',
      });
      spy.mockRestore();
    });

    it('a redelivery after the hold time has passed offers a live hold, never a dead booking', async () => {
      const day = 13;
      const startsAt = daysAhead(day, 10);
      const clientId = await clearedClient();
      const entry = await join(
        joinInput({
          clientId,
          therapistId: therapist(2),
          fromDate: dateAhead(day),
          toDate: dateAhead(day),
        }),
      );
      const { outbox, deliver } = waitlistService();
      const spy = failOfferOnce(outbox, entry.id);
      const freed = {
        clinicId: world.clinicId,
        therapistId: therapist(2),
        startsAt,
        localDate: dateAhead(day),
      };
      const eventId = randomUUID();
      await expect(
        deliver((service, tx) => service.slotFreed(tx, freed, eventId)),
      ).rejects.toThrow();

      // Ten minutes pass: any hold the failed delivery had left would expire now.
      await app.dataSource.query(
        `UPDATE booking SET status = 'hold_expired', hold_expires_at = now() - interval '1 minute'
          WHERE client_id = $1 AND status = 'held'`,
        [clientId],
      );
      await deliver((service, tx) => service.slotFreed(tx, freed, eventId));

      const row = await entryRow(entry.id);
      expect(row.status).toBe('offered');
      const [booking] = await app.dataSource.query<Record<string, unknown>[]>(
        `SELECT * FROM booking WHERE id = $1`,
        [row.booking_id],
      );
      expect(booking.status).toBe('held');
      expect((booking.hold_expires_at as Date).getTime()).toBeGreaterThan(Date.now());
      expect((row.offer_expires_at as Date).getTime()).toBeGreaterThan(Date.now());
      expect(
        await app.dataSource.query(`SELECT 1 FROM booking WHERE client_id = $1`, [clientId]),
      ).toHaveLength(1);
      expect(await offerRows(entry.id)).toHaveLength(1);
      spy.mockRestore();
    });
  });

  it('entries behind more than a page of non-fitting ones still get the offer (L5)', async () => {
    const day = 14;
    // 60 earlier entries whose treatment the clinic does not offer: none can take the slot.
    await app.dataSource.query(
      `INSERT INTO waitlist_entry (id, clinic_id, client_id, treatment_id, therapist_id, from_date,
         to_date, status, joined_at, created_by_subject, created_by_role, version)
       SELECT gen_random_uuid(), $1, gen_random_uuid(), gen_random_uuid(), NULL, $2::date, $2::date,
              'waiting', now() - interval '1 day' + g * interval '1 second', 'test', 'receptionist', 1
         FROM generate_series(1, 60) g`,
      [world.clinicId, dateAhead(day)],
    );
    try {
      const clientId = await clearedClient();
      const entry = await join(
        joinInput({ clientId, fromDate: dateAhead(day), toDate: dateAhead(day) }),
      );
      const { deliver } = waitlistService();
      await deliver((service, tx) =>
        service.slotFreed(
          tx,
          {
            clinicId: world.clinicId,
            therapistId: therapist(2),
            startsAt: daysAhead(day, 10),
            localDate: dateAhead(day),
          },
          randomUUID(),
        ),
      );
      expect((await entryRow(entry.id)).status).toBe('offered');
      expect(await liveBookingsOf(clientId)).toHaveLength(1);
    } finally {
      await app.dataSource.query(
        `UPDATE waitlist_entry SET status = 'left', closed_at = now() WHERE created_by_subject = 'test'`,
      );
    }
  });

  describe('cancelled time off is offered (M4)', () => {
    const day = 16;

    async function approveTimeOff(therapistId: string, from: Date, to: Date): Promise<string> {
      const timeOffId = randomUUID();
      await app.publish(TimeOffApprovedV1, {
        aggregateId: therapistId,
        clinicId: null,
        data: {
          timeOffId,
          therapistId,
          clinicIds: [world.clinicId],
          kind: 'holiday',
          startsAt: from.toISOString(),
          endsAt: to.toISOString(),
        },
      });
      await eventually(async () => {
        const rows = await app.dataSource.query<unknown[]>(
          `SELECT 1 FROM time_off_projection WHERE id = $1 AND status = 'approved'`,
          [timeOffId],
        );
        expect(rows).toHaveLength(1);
      }, 60_000);
      return timeOffId;
    }

    it('the search and the hold ignore the cancelled time off the projection still holds; the consumer offers it', async () => {
      const from = daysAhead(day, 8);
      const to = daysAhead(day, 18);
      const timeOffId = await approveTimeOff(therapist(1), from, to);
      const { search, deliver } = waitlistService();
      const caller: Caller = {
        subject: 'test',
        role: 'clinic_manager',
        clinicIds: [world.clinicId],
        scopes: [],
      };
      const query = {
        clinicId: world.clinicId,
        treatmentId: TREATMENTS.pnf30,
        from: dateAhead(day),
        to: dateAhead(day),
        therapistId: therapist(1),
      };
      const inTimeOff = (slot: { startsAt: string }) =>
        Date.parse(slot.startsAt) >= from.getTime() && Date.parse(slot.startsAt) < to.getTime();
      expect((await search.search(caller, query)).filter(inTimeOff)).toHaveLength(0);
      expect(
        (await search.search(caller, { ...query, ignoreTimeOffIds: [timeOffId] })).filter(inTimeOff)
          .length,
      ).toBeGreaterThan(0);

      // The projection still says approved (its consumer group has not seen the cancel).
      const clientId = await clearedClient();
      const entry = await join(
        joinInput({
          clientId,
          therapistId: therapist(1),
          fromDate: dateAhead(day),
          toDate: dateAhead(day),
        }),
      );
      const cancelled = {
        timeOffId,
        therapistId: therapist(1),
        clinicIds: [world.clinicId],
        kind: 'holiday' as const,
        startsAt: from.toISOString(),
        endsAt: to.toISOString(),
        wasApproved: true,
      };
      await deliver((s, tx) => s.timeOffCancelled(tx, cancelled, randomUUID()));
      const row = await entryRow(entry.id);
      expect(row.status).toBe('offered');
      const [hold] = await liveBookingsOf(clientId);
      expect(hold).toMatchObject({ status: 'held', therapist_id: therapist(1) });
      expect((hold.starts_at as Date).toISOString()).toBe(from.toISOString());

      // Through Kafka: the waitlist consumer handles time_off.cancelled.
      const second = await clearedClient();
      const secondEntry = await join(
        joinInput({
          clientId: second,
          therapistId: therapist(1),
          fromDate: dateAhead(day),
          toDate: dateAhead(day),
        }),
      );
      const envelope = await app.publish(TimeOffCancelledV1, {
        aggregateId: therapist(1),
        clinicId: null,
        data: cancelled,
      });
      const offer = await app.event('waitlist.offer_made', forEntry(secondEntry.id), 60_000);
      // The nearest free slot to the freed time (just before it or in it), that day.
      const offered = offer.data as { localStart: string; therapistId: string };
      expect(offered.therapistId).toBe(therapist(1));
      expect(offered.localStart.slice(0, 10)).toBe(dateAhead(day));
      const inbox = await app.dataSource.query<unknown[]>(
        `SELECT 1 FROM inbox WHERE consumer_group = $1 AND event_id = $2`,
        [WAITLIST_CONSUMER_GROUP, envelope.eventId],
      );
      expect(inbox).toHaveLength(1);
    });

    it('time off cancelled before it was approved offers nothing', async () => {
      const { deliver } = waitlistService();
      const clientId = await clearedClient();
      const entry = await join(
        joinInput({
          clientId,
          therapistId: therapist(3),
          fromDate: dateAhead(day + 1),
          toDate: dateAhead(day + 1),
        }),
      );
      await deliver((s, tx) =>
        s.timeOffCancelled(
          tx,
          {
            timeOffId: randomUUID(),
            therapistId: therapist(3),
            clinicIds: [world.clinicId],
            startsAt: daysAhead(day + 1, 8).toISOString(),
            endsAt: daysAhead(day + 1, 18).toISOString(),
            wasApproved: false,
          },
          randomUUID(),
        ),
      );
      expect((await entryRow(entry.id)).status).toBe('waiting');
      await app.dataSource.query(`UPDATE waitlist_entry SET status = 'left' WHERE id = $1`, [
        entry.id,
      ]);
    });
  });
});
