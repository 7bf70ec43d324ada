import { randomUUID } from 'node:crypto';
import {
  CertificationExpiredV1,
  CertificationRevokedV1,
  ClientErasedV1,
  EventEnvelope,
  TimeOffApprovedV1,
  TimeOffCancelledV1,
  TOPICS,
} from '@app/contracts';
import { ServiceTestApp, startServiceTestApp } from '@app/platform/test-support/service-test-app';
import { bookingDefinition } from '../booking.definition';
import { BookingModule } from '../booking.module';
import {
  BookingWorld,
  daysAhead,
  londonLocal,
  seedBookingWorld,
  TREATMENTS,
} from '../bookings/test-support/booking-world';
import { certificationState, eventually } from '../projections/test-support/projection-events';
import { REACTIONS_CONSUMER_GROUP } from './reactions.consumer';

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
