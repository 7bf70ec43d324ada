import { randomUUID } from 'node:crypto';
import { EligibilityChangedV1, EventEnvelope, TOPICS } from '@app/contracts';
import { OutboxWriter, typeormTransactions } from '@app/messaging';
import { createLogger } from '@app/observability';
import { ServiceTestApp, startServiceTestApp } from '@app/platform/test-support/service-test-app';
import { bookingDefinition } from '../booking.definition';
import { BookingModule } from '../booking.module';
import { BookingsRepository } from '../bookings/bookings.repository';
import { HoldExpiryJob } from '../bookings/hold-expiry.job';
import {
  BookingWorld,
  daysAhead,
  londonLocal,
  seedBookingWorld,
  TREATMENTS,
} from '../bookings/test-support/booking-world';
import { eventually } from '../projections/test-support/projection-events';

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
  async function clearedClient(): Promise<string> {
    const clientId = randomUUID();
    await app.publish(EligibilityChangedV1, {
      aggregateId: clientId,
      clinicId: world.clinicId,
      data: {
        clientId,
        clinicIds: [world.clinicId],
        screeningId: randomUUID(),
        status: 'cleared',
        validUntil: '2030-01-01',
        cause: 'screening',
      },
    });
    await eventually(async () => {
      const rows = await app.dataSource.query<unknown[]>(
        `SELECT 1 FROM client_eligibility_projection WHERE client_id = $1`,
        [clientId],
      );
      expect(rows).toHaveLength(1);
    }, 60_000);
    return clientId;
  }

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
      startsAt: startsAt.toISOString(),
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
    expect(expired.data).toMatchObject({ entryId: firstEntry.id, clientId: first, bookingId });
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
});
