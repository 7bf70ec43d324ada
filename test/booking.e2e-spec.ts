import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { databaseUrlFor } from '@app/config';
import {
  ASSESSMENT_BLOCK_MINUTES,
  availability,
  BookableWorld,
  buildBookableWorld,
  holdBooking,
  overlappingPairs,
  Slot,
  tally,
} from '../infra/scripts/booking-world';
import { errorCodes, gql, RunningPlatform, startPlatform } from './support/running-platform';

const PARALLEL = 50;

/**
 * Booking through the gateway with every app running: the world is built through the real
 * services (roster opens the clinic, certifies and rosters two physiotherapists;
 * client-record registers a client), booking learns it from their events; then 50 parallel
 * holds of one slot and 50 of mutually overlapping slots each give exactly one booking, the
 * rest SLOT_UNAVAILABLE (HTTP 200, with alternatives), and nothing in the booking database
 * overlaps. A booking resolves its client and therapist in the subgraphs that own them, with
 * their permissions.
 */
describe('booking through the gateway', () => {
  let platform: RunningPlatform;
  let world: BookableWorld;
  let raceSlots: Slot[];
  let overlapSlots: Slot[];
  const heldIds: string[] = [];

  beforeAll(async () => {
    platform = await startPlatform();
    world = await buildBookableWorld({
      gatewayUrl: platform.gatewayUrl,
      token: (request) => platform.token(request),
      therapists: 2,
      rooms: 2,
      clients: 1,
      days: 3,
    });
    const [first, second] = world.therapistIds;
    raceSlots = await availability(
      platform.gatewayUrl,
      world.receptionToken,
      world.clinicId,
      world.from,
      world.to,
      first ?? '',
    );
    overlapSlots = await availability(
      platform.gatewayUrl,
      world.receptionToken,
      world.clinicId,
      world.from,
      world.to,
      second ?? '',
    );
  });

  afterAll(async () => {
    await platform?.stop();
  });

  it(`gives one slot to exactly one of ${PARALLEL} parallel holds; the rest are SLOT_UNAVAILABLE`, async () => {
    const slot = raceSlots[0];
    expect(slot).toBeDefined();
    const replies = await Promise.all(
      Array.from({ length: PARALLEL }, () =>
        holdBooking(
          platform.gatewayUrl,
          world.receptionToken,
          world,
          slot?.therapistId ?? '',
          slot?.startsAt ?? '',
          randomUUID(),
        ),
      ),
    );
    const outcome = tally(replies);
    expect(outcome.other).toEqual([]);
    expect(outcome.successes).toHaveLength(1);
    expect(outcome.slotUnavailable).toBe(PARALLEL - 1);
    expect(outcome.slotUnavailableWithoutAlternatives).toBe(0);
    expect(outcome.successes[0]).toMatchObject({
      therapistId: slot?.therapistId,
      startsAt: slot?.startsAt,
      status: 'held',
    });
    heldIds.push(...outcome.successes.map((b) => b.id));
  });

  it(`lets no two of ${PARALLEL} parallel holds of overlapping slots of one therapist both succeed`, async () => {
    // Starts 15 minutes apart within one 75-minute block (60 min + 15 min buffer): every
    // pair overlaps, so exactly one can win whichever start it asked for.
    const day = overlapSlots[0]?.localStart.slice(0, 10);
    const starts = overlapSlots.filter((s) => s.localStart.startsWith(day ?? '-')).slice(0, 4);
    expect(starts).toHaveLength(4);
    const replies = await Promise.all(
      Array.from({ length: PARALLEL }, (_, i) => {
        const slot = starts[i % starts.length];
        return holdBooking(
          platform.gatewayUrl,
          world.receptionToken,
          world,
          slot?.therapistId ?? '',
          slot?.startsAt ?? '',
          randomUUID(),
        );
      }),
    );
    const outcome = tally(replies);
    expect(outcome.other).toEqual([]);
    expect(outcome.successes).toHaveLength(1);
    expect(outcome.slotUnavailable).toBe(PARALLEL - 1);
    expect(outcome.slotUnavailableWithoutAlternatives).toBe(0);
    heldIds.push(...outcome.successes.map((b) => b.id));

    // Across the day: starts every 15 minutes, two requests each; whichever win, none overlap.
    const dayTwo = overlapSlots.find((s) => !s.localStart.startsWith(day ?? '-'))?.localStart;
    const spread = overlapSlots.filter((s) => s.localStart.startsWith(dayTwo?.slice(0, 10) ?? '-'));
    expect(spread.length).toBeGreaterThanOrEqual(PARALLEL / 2);
    const spreadReplies = await Promise.all(
      Array.from({ length: PARALLEL }, (_, i) => {
        const slot = spread[Math.floor(i / 2)];
        return holdBooking(
          platform.gatewayUrl,
          world.receptionToken,
          world,
          slot?.therapistId ?? '',
          slot?.startsAt ?? '',
          randomUUID(),
        );
      }),
    );
    const spreadOutcome = tally(spreadReplies);
    expect(spreadOutcome.other).toEqual([]);
    expect(spreadOutcome.successes.length).toBeGreaterThanOrEqual(2);
    expect(spreadOutcome.successes.length + spreadOutcome.slotUnavailable).toBe(PARALLEL);
    expect(spreadOutcome.slotUnavailableWithoutAlternatives).toBe(0);
    expect(overlappingPairs(spreadOutcome.successes, ASSESSMENT_BLOCK_MINUTES)).toEqual([]);
    heldIds.push(...spreadOutcome.successes.map((b) => b.id));
  });

  it('shows no overlapping active bookings in the clinic diary nor in the booking database', async () => {
    const diary = await gql<{
      clinicDiary: {
        id: string;
        therapistId: string;
        roomId: string;
        startsAt: string;
        status: string;
      }[];
    }>(
      platform.gatewayUrl,
      `query($clinicId: ID!, $from: DateTime!, $to: DateTime!) {
        clinicDiary(clinicId: $clinicId, from: $from, to: $to) { id therapistId roomId startsAt status }
      }`,
      {
        token: world.receptionToken,
        variables: {
          clinicId: world.clinicId,
          from: `${world.from}T00:00:00.000Z`,
          to: `${world.to}T23:59:59.000Z`,
        },
      },
    );
    expect(diary.errors).toBeUndefined();
    const active = (diary.data?.clinicDiary ?? []).filter((b) =>
      ['held', 'confirmed', 'checked_in'].includes(b.status),
    );
    expect(active.map((b) => b.id).sort()).toEqual([...heldIds].sort());
    expect(overlappingPairs(active, ASSESSMENT_BLOCK_MINUTES)).toEqual([]);

    const db = new Client({
      connectionString: databaseUrlFor(process.env.DATABASE_URL ?? '', 'booking'),
    });
    await db.connect();
    try {
      const overlaps = await db.query<{ a: string; b: string }>(
        `SELECT a.id AS a, b.id AS b
           FROM booking a JOIN booking b
             ON a.id < b.id
            AND (a.therapist_id = b.therapist_id OR a.room_id = b.room_id)
            AND tstzrange(a.starts_at, a.blocks_until, '[)') && tstzrange(b.starts_at, b.blocks_until, '[)')
          WHERE a.status IN ('held', 'confirmed', 'checked_in')
            AND b.status IN ('held', 'confirmed', 'checked_in')`,
      );
      expect(overlaps.rows).toEqual([]);
      const ours = await db.query<{ count: string }>(
        `SELECT count(*) FROM booking WHERE clinic_id = $1`,
        [world.clinicId],
      );
      expect(Number(ours.rows[0]?.count)).toBe(heldIds.length);
    } finally {
      await db.end();
    }
  });

  it("resolves a booking's client and therapist in the subgraphs that own them, with their permissions", async () => {
    const clientId = world.clientIds[0] ?? '';
    const slot = raceSlots[raceSlots.length - 1];
    const held = await holdBooking(
      platform.gatewayUrl,
      world.receptionToken,
      world,
      slot?.therapistId ?? '',
      slot?.startsAt ?? '',
      clientId,
    );
    expect(held.errors).toBeUndefined();
    const bookingId = held.data?.holdBooking.id ?? '';
    const QUERY = `query($id: ID!) { booking(id: $id) {
      id clientId client { id givenName } therapist { id givenName }
    } }`;

    const seen = await gql<{ booking: unknown }>(platform.gatewayUrl, QUERY, {
      token: world.receptionToken,
      variables: { id: bookingId },
    });
    expect(seen.errors).toBeUndefined();
    expect(seen.data?.booking).toEqual({
      id: bookingId,
      clientId,
      client: { id: clientId, givenName: 'Grace' },
      therapist: { id: slot?.therapistId, givenName: 'Amira' },
    });

    // The client sees their own record through client-record, and their therapist's public
    // profile through the roster: the name, never the contact details.
    const asClient = await platform.token({ role: 'client', clientId });
    const own = await gql<{ booking: { client: unknown; therapist: unknown } }>(
      platform.gatewayUrl,
      QUERY,
      { token: asClient, variables: { id: bookingId } },
    );
    expect(own.errors).toBeUndefined();
    expect(own.data?.booking).toEqual({
      id: bookingId,
      clientId,
      client: { id: clientId, givenName: 'Grace' },
      therapist: { id: slot?.therapistId, givenName: 'Amira' },
    });
    const mine = await gql<{
      clientBookings: { id: string; therapist: Record<string, unknown> | null }[];
    }>(
      platform.gatewayUrl,
      `query($clientId: ID!) { clientBookings(clientId: $clientId) {
        id therapist { id givenName familyName profession email phone } } }`,
      { token: asClient, variables: { clientId } },
    );
    expect(mine.errors).toBeUndefined();
    expect(mine.data?.clientBookings.find((b) => b.id === bookingId)?.therapist).toEqual({
      id: slot?.therapistId,
      givenName: 'Amira',
      familyName: expect.stringMatching(/^Khan/) as string,
      profession: 'physiotherapist',
      email: null,
      phone: null,
    });

    // Reception of another clinic cannot even learn the booking exists.
    const elsewhere = await platform.token({ role: 'receptionist', clinicIds: [randomUUID()] });
    const refused = await gql(platform.gatewayUrl, QUERY, {
      token: elsewhere,
      variables: { id: bookingId },
    });
    expect(errorCodes(refused)).toEqual(['BOOKING_NOT_FOUND']);
  });
});
