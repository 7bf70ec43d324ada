import { randomUUID } from 'node:crypto';
import {
  CarePlanCreatedV1,
  CertificationExpiredV1,
  CertificationRevokedV1,
  ClientErasedV1,
  EventEnvelope,
  TimeOffApprovedV1,
  TimeOffCancelledV1,
  TOPICS,
} from '@app/contracts';
import { OutboxWriter, typeormTransactions } from '@app/messaging';
import { ServiceTestApp, startServiceTestApp } from '@app/platform/test-support/service-test-app';
import { bookingDefinition } from '../booking.definition';
import { BookingModule } from '../booking.module';
import {
  BookingWorld,
  daysAhead,
  londonLocal,
  seedBookingWorld,
  seedClearedClient,
  TREATMENTS,
} from '../bookings/test-support/booking-world';
import { clientLockName } from '../bookings/booking-locks';
import { ScheduleProjectionRepository } from '../projections/schedules/schedule-projection.repository';
import { ScheduleProjectionService } from '../projections/schedules/schedule-projection.service';
import { certificationState, eventually } from '../projections/test-support/projection-events';
import { REACTIONS_CONSUMER_GROUP } from './reactions.consumer';
import { ReactionsRepository } from './reactions.repository';
import { ReactionsService } from './reactions.service';

const HOLD = `mutation H($input: HoldBookingInput!) { holdBooking(input: $input) { id status } }`;
const CONFIRM = `mutation C($id: ID!, $key: String!) { confirmBooking(id: $id, idempotencyKey: $key) { id status } }`;
const RESCHEDULE = `mutation M($id: ID!, $input: RescheduleBookingInput!, $key: String!) {
  rescheduleBooking(id: $id, input: $input, idempotencyKey: $key) { id status therapistId startsAt } }`;
const CANCEL = `mutation X($id: ID!, $key: String!) { cancelBooking(id: $id, idempotencyKey: $key) { id status } }`;
const JOIN = `mutation J($input: JoinWaitlistInput!) { joinWaitlist(input: $input) { id status } }`;
const BOOK_SERIES = `mutation B($input: BookSeriesInput!) { bookSeries(input: $input) { id bookings { id } } }`;
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

const ATTENTION = `query Attention($clinicId: ID!) {
  bookingsNeedingAttention(clinicId: $clinicId) {
    bookingId clinicId clientId therapistId status startsAt localStart cause raisedAt
  }
}`;

interface AttentionRow {
  bookingId: string;
  therapistId: string;
  status: string;
  cause: string;
}

describe('reactions: booking reacting to time off, lapsed certifications and erasure', () => {
  let app: ServiceTestApp;
  let world: BookingWorld;

  beforeAll(async () => {
    app = await startServiceTestApp(bookingDefinition, BookingModule.forRoot, {
      watchTopics: [TOPICS.booking],
    });
    world = await seedBookingWorld(app, { therapists: 3, rooms: 3 });
  }, 180_000);

  afterAll(async () => {
    await app.close();
  });

  /** A booking row as the lifecycle writes it (its own tests cover how it gets there). */
  async function book(row: {
    therapistId: string;
    startsAt: Date;
    treatmentId?: string;
    clientId?: string;
    roomId?: string;
    status?: string;
    minutes?: number;
  }): Promise<string> {
    const id = randomUUID();
    const minutes = row.minutes ?? 60;
    const endsAt = new Date(row.startsAt.getTime() + minutes * 60_000);
    await app.dataSource.query(
      `INSERT INTO booking (id, clinic_id, client_id, therapist_id, room_id, treatment_id,
         starts_at, ends_at, blocks_until, status, price_pence, currency, local_start, local_end,
         timezone, created_by_subject, created_by_role, confirmed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8::timestamptz + interval '15 minutes', $9,
         6000, 'GBP', $10, $11, 'Europe/London', 'reception-1', 'receptionist', now())`,
      [
        id,
        world.clinicId,
        row.clientId ?? world.clients.cleared,
        row.therapistId,
        row.roomId ?? world.roomIds[0],
        row.treatmentId ?? TREATMENTS.pnf60,
        row.startsAt,
        endsAt,
        row.status ?? 'confirmed',
        londonLocal(row.startsAt),
        londonLocal(endsAt),
      ],
    );
    return id;
  }

  async function processed(eventId: string): Promise<void> {
    await eventually(async () => {
      const rows = await app.dataSource.query<unknown[]>(
        `SELECT 1 FROM inbox WHERE consumer_group = $1 AND event_id = $2`,
        [REACTIONS_CONSUMER_GROUP, eventId],
      );
      expect(rows).toHaveLength(1);
    }, 60_000);
  }

  async function attention(token: string): Promise<AttentionRow[]> {
    const result = await app.gql<{ bookingsNeedingAttention: AttentionRow[] }>(
      ATTENTION,
      { clinicId: world.clinicId },
      token,
    );
    expect(result.errors).toBeUndefined();
    return result.data!.bookingsNeedingAttention;
  }

  async function receptionist(): Promise<string> {
    return app.token({ subject: 'reception-1', role: 'receptionist', clinicIds: [world.clinicId] });
  }

  async function status(id: string): Promise<string> {
    const [row] = await app.dataSource.query<{ status: string }[]>(
      `SELECT status FROM booking WHERE id = $1`,
      [id],
    );
    return row.status;
  }

  async function ok<T>(query: string, variables: Record<string, unknown>, token: string) {
    const result = await app.gql<Record<string, T>>(query, variables, token);
    expect(result.errors).toBeUndefined();
    return Object.values(result.data ?? {})[0];
  }

  /** A new screened-and-cleared client of the clinic. */
  const clearedClient = (): Promise<string> => seedClearedClient(app, world.clinicId);

  function erasure(clientId: string) {
    return {
      clientId,
      clinicIds: [world.clinicId],
      erasedAt: new Date().toISOString(),
      retentionUntil: '2034-01-01',
    };
  }

  /** Tables of booking's database with a row whose text mentions any of `needles`. */
  async function tablesMentioning(...needles: string[]): Promise<string[]> {
    const tables = await app.dataSource.query<{ name: string }[]>(
      `SELECT table_name AS name FROM information_schema.tables
        WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1`,
    );
    const hits: string[] = [];
    for (const { name } of tables) {
      const [row] = await app.dataSource.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM "${name}" t WHERE t::text ILIKE ANY ($1)`,
        [needles.map((needle) => `%${needle}%`)],
      );
      if (row.n > 0) {
        hits.push(name);
      }
    }
    return hits;
  }

  async function approveTimeOff(
    therapistId: string,
    startsAt: Date,
    endsAt: Date,
    timeOffId = randomUUID(),
  ): Promise<{ timeOffId: string; envelope: EventEnvelope }> {
    const envelope = await app.publish(TimeOffApprovedV1, {
      aggregateId: therapistId,
      clinicId: null,
      data: {
        timeOffId,
        therapistId,
        clinicIds: [world.clinicId],
        kind: 'sickness',
        startsAt: startsAt.toISOString(),
        endsAt: endsAt.toISOString(),
      },
    });
    await processed(envelope.eventId);
    return { timeOffId, envelope };
  }

  it('time off approved over a confirmed booking raises booking.needs_reschedule and flags it; the booking stays confirmed; cancelling the time off clears it', async () => {
    const therapistId = world.therapistIds[0];
    const inside = await book({ therapistId, startsAt: daysAhead(5, 10) });
    const held = await book({ therapistId, startsAt: daysAhead(5, 13), status: 'held' });
    const outside = await book({ therapistId, startsAt: daysAhead(7, 10) });
    const cancelled = await book({ therapistId, startsAt: daysAhead(5, 15), status: 'cancelled' });
    const other = await book({
      therapistId: world.therapistIds[1],
      startsAt: daysAhead(5, 10),
      roomId: world.roomIds[1],
    });

    const { timeOffId } = await approveTimeOff(therapistId, daysAhead(5, 0), daysAhead(6, 0));

    const raised = await app.event(
      'booking.needs_reschedule',
      (e) => (e.data as { bookingId: string }).bookingId === inside,
    );
    expect(raised.clinicId).toBe(world.clinicId);
    expect(raised.aggregateId).toBe(inside);
    expect(raised.data).toMatchObject({
      bookingId: inside,
      clinicId: world.clinicId,
      clientId: world.clients.cleared,
      therapistId,
      treatmentId: TREATMENTS.pnf60,
      status: 'confirmed',
      cause: 'therapist_time_off',
      startsAt: daysAhead(5, 10).toISOString(),
      endsAt: daysAhead(5, 11).toISOString(),
      localStart: londonLocal(daysAhead(5, 10)),
      localEnd: londonLocal(daysAhead(5, 11)),
      timezone: 'Europe/London',
    });
    // Never the kind of time off (sickness is health data).
    expect(JSON.stringify(raised)).not.toMatch(/sickness|kind/);
    expect(await status(inside)).toBe('confirmed');
    expect(await status(held)).toBe('held');

    const flagged = await attention(await receptionist());
    expect(flagged.map((row) => row.bookingId).sort()).toEqual([inside, held].sort());
    expect(flagged.every((row) => row.cause === 'therapist_time_off')).toBe(true);
    for (const untouched of [outside, cancelled, other]) {
      expect(flagged.map((row) => row.bookingId)).not.toContain(untouched);
    }

    const cancel = await app.publish(TimeOffCancelledV1, {
      aggregateId: therapistId,
      clinicId: null,
      data: {
        timeOffId,
        therapistId,
        clinicIds: [world.clinicId],
        kind: 'sickness',
        startsAt: daysAhead(5, 0).toISOString(),
        endsAt: daysAhead(6, 0).toISOString(),
        wasApproved: true,
      },
    });
    await processed(cancel.eventId);
    const cleared = await app.event(
      'booking.attention_cleared',
      (e) => (e.data as { bookingId: string }).bookingId === inside,
    );
    expect(cleared.data).toMatchObject({ cause: 'therapist_time_off', status: 'confirmed' });
    expect(await attention(await receptionist())).toEqual([]);
    expect(await status(inside)).toBe('confirmed');
  }, 120_000);

  it('certification.expired flags only future bookings whose treatment needs that certification on their date', async () => {
    const therapistId = world.therapistIds[2];
    const room = world.roomIds[2];
    const needsPnfAfter = await book({ therapistId, startsAt: daysAhead(10, 10), roomId: room });
    const needsPnfBefore = await book({ therapistId, startsAt: daysAhead(2, 10), roomId: room });
    const assessmentAfter = await book({
      therapistId,
      startsAt: daysAhead(11, 10),
      roomId: room,
      treatmentId: TREATMENTS.assessment,
    });
    const lapsedOn = daysAhead(8).toISOString().slice(0, 10);
    const seeded = async (type: string): Promise<string> => {
      const [row] = await app.dataSource.query<{ id: string }[]>(
        `SELECT id FROM certification_projection WHERE therapist_id = $1 AND type = $2`,
        [therapistId, type],
      );
      return row.id;
    };
    const expired = await app.publish(CertificationExpiredV1, {
      aggregateId: therapistId,
      clinicId: null,
      data: {
        ...certificationState(therapistId, {
          certificationId: await seeded('pnf_level_1'),
          type: 'pnf_level_1',
          issuedOn: '2025-01-01',
          expiresOn: lapsedOn,
          verified: true,
          status: 'expired',
        }),
        renewed: false,
      },
    });
    await processed(expired.eventId);
    const raised = await app.event(
      'booking.needs_reschedule',
      (e) => (e.data as { bookingId: string }).bookingId === needsPnfAfter,
    );
    expect(raised.data).toMatchObject({ cause: 'certification_expired', therapistId });

    const mine = async (): Promise<string[][]> =>
      (await attention(await receptionist()))
        .filter((row) => row.therapistId === therapistId)
        .map((row) => [row.bookingId, row.cause]);
    expect(await mine()).toEqual([[needsPnfAfter, 'certification_expired']]);
    expect((await mine()).flat()).not.toContain(needsPnfBefore);
    expect((await mine()).flat()).not.toContain(assessmentAfter);

    // renewed: true (a later certification already covers) flags nothing more.
    const renewed = await app.publish(CertificationExpiredV1, {
      aggregateId: therapistId,
      clinicId: null,
      data: {
        ...certificationState(therapistId, { expiresOn: daysAhead(1).toISOString().slice(0, 10) }),
        verified: true,
        renewed: true,
      },
    });
    await processed(renewed.eventId);
    expect(await mine()).toEqual([[needsPnfAfter, 'certification_expired']]);

    // Revoking hcpc_registration flags the assessment (it needs it), not the PNF bookings.
    const revoked = await app.publish(CertificationRevokedV1, {
      aggregateId: therapistId,
      clinicId: null,
      data: {
        ...certificationState(therapistId, {
          certificationId: await seeded('hcpc_registration'),
          type: 'hcpc_registration',
          issuedOn: '2025-01-01',
          expiresOn: '2031-01-01',
          verified: true,
          status: 'revoked',
        }),
        revokedOn: lapsedOn,
      },
    });
    await processed(revoked.eventId);
    expect(await mine()).toEqual([
      [needsPnfAfter, 'certification_expired'],
      [assessmentAfter, 'certification_revoked'],
    ]);
    expect(await status(needsPnfAfter)).toBe('confirmed');
  }, 120_000);

  it('client.erased pseudonymises every booking and idempotency row of the client and frees their future slots', async () => {
    const clientId = randomUUID();
    const therapistId = world.therapistIds[1];
    const room = world.roomIds[1];
    const past = await book({
      therapistId,
      clientId,
      roomId: room,
      startsAt: daysAhead(-3, 10),
      status: 'completed',
    });
    const future = await book({ therapistId, clientId, roomId: room, startsAt: daysAhead(9, 10) });
    await app.dataSource.query(
      `INSERT INTO idempotency_key (caller_subject, key, operation, request_hash, booking_id, response)
       VALUES ($1, $2, 'holdBooking', 'h', $3, $4)`,
      [clientId, randomUUID(), future, JSON.stringify({ id: future, clientId })],
    );
    const outboxBefore = await app.dataSource.query<{ n: string }[]>(
      `SELECT count(*) AS n FROM outbox WHERE event_type = 'booking.cancelled'`,
    );

    const erased = await app.publish(ClientErasedV1, {
      aggregateId: clientId,
      clinicId: null,
      data: {
        clientId,
        clinicIds: [world.clinicId],
        erasedAt: new Date().toISOString(),
        retentionUntil: '2034-01-01',
      },
    });
    await processed(erased.eventId);

    const bookingRows = await app.dataSource.query<unknown[]>(
      `SELECT 1 FROM booking WHERE client_id::text = $1 OR created_by_subject = $1`,
      [clientId],
    );
    expect(bookingRows).toHaveLength(0);
    const keyRows = await app.dataSource.query<unknown[]>(
      `SELECT 1 FROM idempotency_key WHERE caller_subject = $1 OR response::text LIKE $2`,
      [clientId, `%${clientId}%`],
    );
    expect(keyRows).toHaveLength(0);

    const rows = await app.dataSource.query<
      { id: string; client_id: string; status: string; cancelled_by: string | null }[]
    >(
      `SELECT id, client_id, status, cancelled_by FROM booking WHERE id = ANY($1) ORDER BY starts_at`,
      [[past, future]],
    );
    expect(rows.map((row) => row.status)).toEqual(['completed', 'cancelled']);
    expect(rows[1].cancelled_by).toBe('clinic');
    // One pseudonym for all the client's bookings, not the old id.
    expect(rows[0].client_id).toBe(rows[1].client_id);
    expect(rows[0].client_id).not.toBe(clientId);

    const cancelledEvent = await app.event(
      'booking.cancelled',
      (e) => (e.data as { bookingId: string }).bookingId === future,
    );
    expect(cancelledEvent.data).toMatchObject({
      clientId: rows[1].client_id,
      cancelledBy: 'clinic',
      late: false,
      lateFeePence: null,
    });
    const outboxAfter = await app.dataSource.query<{ n: string }[]>(
      `SELECT count(*) AS n FROM outbox WHERE event_type = 'booking.cancelled'`,
    );
    expect(Number(outboxAfter[0].n)).toBe(Number(outboxBefore[0].n) + 1);

    // The slot is free again: the same therapist and room can be booked at that time.
    await expect(book({ therapistId, roomId: room, startsAt: daysAhead(9, 10) })).resolves.toEqual(
      expect.any(String),
    );
  }, 120_000);

  it('client.erased leaves neither the client id, their login subject nor their care plan anywhere in booking except the erasure record', async () => {
    const clientId = await clearedClient();
    const subject = `client-login-${randomUUID()}`;
    const client = await app.token({ role: 'client', clientId, subject });
    const staff = await receptionist();
    const carePlanId = randomUUID();
    const startsOn = londonLocal(daysAhead(14)).slice(0, 10);
    await app.publish(CarePlanCreatedV1, {
      aggregateId: carePlanId,
      clinicId: world.clinicId,
      data: {
        carePlanId,
        clientId,
        clinicId: world.clinicId,
        version: 1,
        status: 'active',
        sessionsPerWeek: 1,
        weeks: 2,
        maintenanceEveryWeeks: null,
        startsOn,
        preferredTherapistId: null,
      },
    });
    await eventually(async () => {
      const rows = await app.dataSource.query<unknown[]>(
        `SELECT 1 FROM care_plan_projection WHERE id = $1`,
        [carePlanId],
      );
      expect(rows).toHaveLength(1);
    }, 60_000);

    // The client books and confirms themselves, joins a waitlist; reception books a series.
    const held = await ok<{ id: string }>(
      HOLD,
      {
        input: {
          clinicId: world.clinicId,
          treatmentId: TREATMENTS.pnf30,
          therapistId: world.therapistIds[1],
          startsAt: daysAhead(12, 15).toISOString(),
          clientId,
          idempotencyKey: randomUUID(),
        },
      },
      client,
    );
    await ok(CONFIRM, { id: held.id, key: randomUUID() }, client);
    const entry = await ok<{ id: string }>(
      JOIN,
      {
        input: {
          clientId,
          clinicId: world.clinicId,
          treatmentId: TREATMENTS.pnf30,
          fromDate: londonLocal(daysAhead(3)).slice(0, 10),
          toDate: londonLocal(daysAhead(6)).slice(0, 10),
        },
      },
      client,
    );
    const series = await ok<{ id: string; bookings: { id: string }[] }>(
      BOOK_SERIES,
      {
        input: {
          clientId,
          clinicId: world.clinicId,
          treatmentId: TREATMENTS.pnf30,
          therapistId: world.therapistIds[1],
          carePlanId,
          preferredWeekdays: [WEEKDAYS[new Date(`${startsOn}T12:00:00Z`).getUTCDay()]],
          preferredTime: '17:00',
          startsOn,
          idempotencyKey: randomUUID(),
        },
      },
      staff,
    );
    expect(series.bookings).toHaveLength(2);
    await app.flushOutbox();
    expect(await tablesMentioning(clientId, subject, carePlanId)).toEqual(
      expect.arrayContaining([
        'booking',
        'booking_series',
        'care_plan_projection',
        'client_eligibility_projection',
        'idempotency_key',
        'outbox',
        'waitlist_entry',
      ]),
    );

    const erased = await app.publish(ClientErasedV1, {
      aggregateId: clientId,
      clinicId: null,
      data: erasure(clientId),
    });
    await processed(erased.eventId);

    expect(await tablesMentioning(clientId, subject, carePlanId)).toEqual([
      'client_erasure_projection',
    ]);
    const [entryRow] = await app.dataSource.query<{ status: string; client_id: string }[]>(
      `SELECT status, client_id FROM waitlist_entry WHERE id = $1`,
      [entry.id],
    );
    expect(entryRow.status).toBe('left');
    const [bookingRow] = await app.dataSource.query<
      { client_id: string; created_by_subject: string }[]
    >(`SELECT client_id, created_by_subject FROM booking WHERE id = $1`, [held.id]);
    expect(bookingRow.created_by_subject).toBe(`erased-client:${bookingRow.client_id}`);
    const [seriesRow] = await app.dataSource.query<
      { client_id: string; care_plan_id: string | null }[]
    >(`SELECT client_id, care_plan_id FROM booking_series WHERE id = $1`, [series.id]);
    expect(seriesRow).toEqual({ client_id: bookingRow.client_id, care_plan_id: null });
    expect(entryRow.client_id).toBe(bookingRow.client_id);
    const hashes = await app.dataSource.query<{ request_hash: string }[]>(
      `SELECT request_hash FROM idempotency_key
        WHERE booking_id = $1 OR response->>'seriesId' = $2::text`,
      [held.id, series.id],
    );
    expect(hashes.length).toBeGreaterThanOrEqual(3);
    expect(hashes.every((row) => row.request_hash === 'erased')).toBe(true);
    // The outbox rows still name the bookings, now with the pseudonym (still delivered).
    const outbox = await app.dataSource.query<{ client: string }[]>(
      `SELECT envelope->'data'->>'clientId' AS client FROM outbox
        WHERE envelope->'data'->>'bookingId' = $1`,
      [held.id],
    );
    expect(outbox.length).toBeGreaterThanOrEqual(3); // held, confirmed, cancelled
    expect(outbox.every((row) => row.client === bookingRow.client_id)).toBe(true);
  }, 180_000);

  it('client.erased records the erasure in its own transaction: a hold right after is CLIENT_ERASED', async () => {
    const clientId = await clearedClient();
    // Straight through the reaction, so the projection group never sees this erasure.
    const transactions = typeormTransactions(app.dataSource);
    const reactions = new ReactionsService(
      new ReactionsRepository(),
      new OutboxWriter(),
      transactions,
      new ScheduleProjectionService(new ScheduleProjectionRepository()),
    );
    const envelope: EventEnvelope<ReturnType<typeof erasure>> = {
      eventId: randomUUID(),
      type: ClientErasedV1.type,
      schemaVersion: ClientErasedV1.version,
      occurredAt: new Date().toISOString(),
      clinicId: null,
      aggregateId: clientId,
      correlationId: randomUUID(),
      causationId: null,
      actor: { type: 'system', id: 'reactions-test' },
      data: erasure(clientId),
    };
    await transactions.run((tx) => reactions.onClientErased(envelope, tx));

    const recorded = await app.dataSource.query<unknown[]>(
      `SELECT 1 FROM client_erasure_projection WHERE client_id = $1`,
      [clientId],
    );
    expect(recorded).toHaveLength(1);
    const result = await app.gql(
      HOLD,
      {
        input: {
          clinicId: world.clinicId,
          treatmentId: TREATMENTS.pnf30,
          therapistId: world.therapistIds[1],
          startsAt: daysAhead(13, 15).toISOString(),
          clientId,
          idempotencyKey: randomUUID(),
        },
      },
      await receptionist(),
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('CLIENT_ERASED');
  }, 120_000);

  it('a new booking waits for the per-client lock an erasure holds, then is refused', async () => {
    const clientId = await clearedClient();
    const runner = app.dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      await runner.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [
        clientLockName(clientId),
      ]);
      let settled = false;
      const hold = app
        .gql(
          HOLD,
          {
            input: {
              clinicId: world.clinicId,
              treatmentId: TREATMENTS.pnf30,
              therapistId: world.therapistIds[1],
              startsAt: daysAhead(13, 16).toISOString(),
              clientId,
              idempotencyKey: randomUUID(),
            },
          },
          await receptionist(),
        )
        .finally(() => {
          settled = true;
        });
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect(settled).toBe(false);
      await runner.query(
        `INSERT INTO client_erasure_projection
           (client_id, clinic_ids, erased_at, retention_until, last_event_id)
         VALUES ($1, $2, now(), '2034-01-01', $3)`,
        [clientId, [world.clinicId], randomUUID()],
      );
      await runner.commitTransaction();
      const result = await hold;
      expect(result.errors?.[0]?.extensions?.code).toBe('CLIENT_ERASED');
    } finally {
      if (runner.isTransactionActive) {
        await runner.rollbackTransaction();
      }
      await runner.release();
    }
  }, 120_000);

  it('joining a waitlist waits for the per-client lock an erasure holds, then is refused with CLIENT_ERASED and writes nothing', async () => {
    const clientId = await clearedClient();
    const counts = async () => {
      const [row] = await app.dataSource.query<{ entries: number; outbox: number }[]>(
        `SELECT (SELECT count(*)::int FROM waitlist_entry WHERE client_id = $1) AS entries,
                (SELECT count(*)::int FROM outbox WHERE event_type = 'waitlist.joined') AS outbox`,
        [clientId],
      );
      return row;
    };
    const before = await counts();
    const runner = app.dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      // What onClientErased does first: the client's lock, then the erasure record.
      await runner.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [
        clientLockName(clientId),
      ]);
      const join = app.gql(
        JOIN,
        {
          input: {
            clientId,
            clinicId: world.clinicId,
            treatmentId: TREATMENTS.pnf30,
            fromDate: londonLocal(daysAhead(3)).slice(0, 10),
            toDate: londonLocal(daysAhead(6)).slice(0, 10),
          },
        },
        await receptionist(),
      );
      await eventually(async () => {
        const [row] = await app.dataSource.query<{ n: number }[]>(
          `SELECT count(*)::int AS n FROM pg_locks
            WHERE locktype = 'advisory' AND NOT granted AND objsubid = 1
              AND ((classid::bigint << 32) | objid::bigint) = hashtextextended($1, 0)`,
          [clientLockName(clientId)],
        );
        expect(row.n).toBe(1);
      }, 30_000);
      await runner.query(
        `INSERT INTO client_erasure_projection
           (client_id, clinic_ids, erased_at, retention_until, last_event_id)
         VALUES ($1, $2, now(), '2034-01-01', $3)`,
        [clientId, [world.clinicId], randomUUID()],
      );
      await runner.commitTransaction();
      const result = await join;
      expect(result.errors?.[0]?.extensions?.code).toBe('CLIENT_ERASED');
      expect(result.data ?? null).toBeNull();
    } finally {
      if (runner.isTransactionActive) {
        await runner.rollbackTransaction();
      }
      await runner.release();
    }
    expect(await counts()).toEqual(before);
  }, 120_000);

  it('a flagged booking rescheduled out of the time off or to another therapist is cleared (booking.attention_cleared); cancelled, its flag closes', async () => {
    const therapistId = world.therapistIds[0];
    const moved = await book({ therapistId, startsAt: daysAhead(25, 9) });
    const later = await book({
      therapistId,
      startsAt: daysAhead(25, 12),
      roomId: world.roomIds[1],
    });
    const dropped = await book({
      therapistId,
      startsAt: daysAhead(25, 14),
      roomId: world.roomIds[2],
    });
    const { timeOffId } = await approveTimeOff(therapistId, daysAhead(25, 0), daysAhead(26, 0));
    await eventually(async () => {
      const rows = await app.dataSource.query<unknown[]>(
        `SELECT 1 FROM time_off_projection WHERE id = $1 AND status = 'approved'`,
        [timeOffId],
      );
      expect(rows).toHaveLength(1);
    }, 60_000);
    const open = async (): Promise<string[]> =>
      (
        await app.dataSource.query<{ booking_id: string }[]>(
          `SELECT booking_id FROM booking_attention WHERE source_id = $1 AND cleared_at IS NULL`,
          [timeOffId],
        )
      ).map((row) => row.booking_id);
    expect((await open()).sort()).toEqual([moved, later, dropped].sort());
    const staff = await receptionist();

    await ok(
      RESCHEDULE,
      {
        id: moved,
        input: { startsAt: daysAhead(25, 9).toISOString(), therapistId: world.therapistIds[1] },
        key: randomUUID(),
      },
      staff,
    );
    await ok(
      RESCHEDULE,
      { id: later, input: { startsAt: daysAhead(27, 12).toISOString() }, key: randomUUID() },
      staff,
    );
    await ok(CANCEL, { id: dropped, key: randomUUID() }, staff);
    for (const [type, id] of [
      ['booking.rescheduled', moved],
      ['booking.rescheduled', later],
      ['booking.cancelled', dropped],
    ]) {
      const event = await app.event(type, (e) => e.aggregateId === id);
      await processed(event.eventId);
    }

    expect(await open()).toEqual([]);
    const cleared = await app.event(
      'booking.attention_cleared',
      (e) => (e.data as { bookingId: string }).bookingId === moved,
    );
    expect(cleared.data).toMatchObject({
      cause: 'therapist_time_off',
      therapistId: world.therapistIds[1],
      status: 'confirmed',
    });
    await app.event(
      'booking.attention_cleared',
      (e) => (e.data as { bookingId: string }).bookingId === later,
    );
    const ids = (await attention(staff)).map((row) => row.bookingId);
    for (const id of [moved, later, dropped]) {
      expect(ids).not.toContain(id);
    }
  }, 180_000);

  it('a certification that expires and is then revoked flags a booking once, with one booking.needs_reschedule', async () => {
    const therapistId = world.therapistIds[0];
    const booking = await book({
      therapistId,
      startsAt: daysAhead(40, 10),
      treatmentId: TREATMENTS.assessment,
    });
    const [cert] = await app.dataSource.query<{ id: string }[]>(
      `SELECT id FROM certification_projection WHERE therapist_id = $1 AND type = 'hcpc_registration'`,
      [therapistId],
    );
    const lapsedOn = daysAhead(35).toISOString().slice(0, 10);
    const state = {
      certificationId: cert.id,
      type: 'hcpc_registration',
      issuedOn: '2025-01-01',
      expiresOn: lapsedOn,
      verified: true,
    };
    const expired = await app.publish(CertificationExpiredV1, {
      aggregateId: therapistId,
      clinicId: null,
      data: {
        ...certificationState(therapistId, { ...state, status: 'expired' }),
        renewed: false,
      },
    });
    await processed(expired.eventId);
    const revoked = await app.publish(CertificationRevokedV1, {
      aggregateId: therapistId,
      clinicId: null,
      data: {
        ...certificationState(therapistId, { ...state, status: 'revoked' }),
        revokedOn: lapsedOn,
      },
    });
    await processed(revoked.eventId);

    const flags = await app.dataSource.query<{ cause: string }[]>(
      `SELECT cause FROM booking_attention WHERE booking_id = $1 AND cleared_at IS NULL`,
      [booking],
    );
    expect(flags).toEqual([{ cause: 'certification_expired' }]);
    const [events] = await app.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM outbox
        WHERE event_type = 'booking.needs_reschedule' AND envelope->'data'->>'bookingId' = $1`,
      [booking],
    );
    expect(events.n).toBe(1);
  }, 120_000);

  describe('who sees bookings needing attention', () => {
    let flagged: string;
    let othersFlag: string;

    beforeAll(async () => {
      flagged = await book({ therapistId: world.therapistIds[0], startsAt: daysAhead(20, 10) });
      othersFlag = await book({
        therapistId: world.therapistIds[1],
        startsAt: daysAhead(20, 10),
        roomId: world.roomIds[1],
      });
      await approveTimeOff(world.therapistIds[0], daysAhead(20, 0), daysAhead(21, 0));
      await approveTimeOff(world.therapistIds[1], daysAhead(20, 0), daysAhead(21, 0));
    }, 120_000);

    it.each(['head_office_admin', 'clinic_manager', 'receptionist', 'clinical_lead'] as const)(
      '%s of the clinic sees every flagged booking',
      async (role) => {
        const token = await app.token({ subject: `u-${role}`, role, clinicIds: [world.clinicId] });
        const ids = (await attention(token)).map((row) => row.bookingId);
        expect(ids).toEqual(expect.arrayContaining([flagged, othersFlag]));
      },
    );

    it('a therapist of the clinic sees only their own flagged bookings', async () => {
      const token = await app.token({
        subject: 'therapist-0',
        role: 'therapist',
        clinicIds: [world.clinicId],
        therapistId: world.therapistIds[0],
      });
      const ids = (await attention(token)).map((row) => row.bookingId);
      expect(ids).toContain(flagged);
      expect(ids).not.toContain(othersFlag);
    });

    it.each([
      ['a receptionist of another clinic', { role: 'receptionist', clinicIds: [randomUUID()] }],
      ['a client', { role: 'client', clinicIds: [], clientId: randomUUID() }],
    ])('%s is refused with FORBIDDEN', async (_label, claims) => {
      const token = await app.token({ subject: 'someone', ...claims } as Parameters<
        ServiceTestApp['token']
      >[0]);
      const result = await app.gql(ATTENTION, { clinicId: world.clinicId }, token);
      expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(result.data ?? null).toBeNull();
    });

    it('an integrator, even with a grant for the clinic, is refused with FORBIDDEN', async () => {
      const token = await app.token({
        subject: 'integrator-1',
        role: 'integrator',
        clinicIds: [world.clinicId],
        scopes: ['bookings:write'],
      });
      const result = await app.gql(ATTENTION, { clinicId: world.clinicId }, token);
      expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    });

    it('a clinic id that is not a uuid is INVALID_CLINIC_ID', async () => {
      const result = await app.gql(ATTENTION, { clinicId: 'leeds' }, await receptionist());
      expect(result.errors?.[0]?.extensions?.code).toBe('INVALID_CLINIC_ID');
    });
  });
});
