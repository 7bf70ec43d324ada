import { randomUUID } from 'node:crypto';
import { TOPICS } from '@app/contracts';
import { ServiceTestApp, startServiceTestApp } from '@app/platform/test-support/service-test-app';
import { bookingDefinition } from '../booking.definition';
import { BookingModule } from '../booking.module';
import { AvailabilityInputsRepository } from './availability-inputs.repository';
import { AvailabilityService } from './availability.service';

const PNF_30 = '6f1d2c10-0000-4000-8000-000000000002';
const PNF_60 = '6f1d2c10-0000-4000-8000-000000000003';
const WEEKDAYS = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
] as const;
type Weekday = (typeof WEEKDAYS)[number];

interface Slot {
  startsAt: string;
  endsAt: string;
  localStart: string;
  localEnd: string;
  utcOffset: string;
  therapistId: string;
  roomId: string;
}

const SEARCH = `query Search($clinicId: ID!, $treatmentId: ID!, $from: String!, $to: String!, $therapistId: ID) {
  availability(clinicId: $clinicId, treatmentId: $treatmentId, from: $from, to: $to, therapistId: $therapistId) {
    startsAt endsAt localStart localEnd utcOffset therapistId roomId
  }
}`;

describe('availability search through GraphQL, over projections and bookings', () => {
  let app: ServiceTestApp;
  let headOffice: string;

  beforeAll(async () => {
    app = await startServiceTestApp(bookingDefinition, BookingModule.forRoot, {
      watchTopics: [TOPICS.booking],
    });
    headOffice = await app.token({ role: 'head_office_admin' });
  });

  afterAll(async () => {
    await app?.close();
  });

  async function sql(text: string, ...params: unknown[]): Promise<void> {
    await app.dataSource.query(text, params);
  }

  /** A London clinic, open 09:00–17:00 every day, with one active and one retired room. */
  async function clinic(status = 'active'): Promise<{ clinicId: string; roomId: string }> {
    const clinicId = randomUUID();
    const roomId = randomUUID();
    const hours = Object.fromEntries(WEEKDAYS.map((d) => [d, [{ start: '09:00', end: '17:00' }]]));
    await sql(
      `INSERT INTO clinic_projection (id, code, name, timezone, status, weekly_hours, hours_exceptions,
         last_event_id, projected_at)
       VALUES ($1, $2, 'Leeds', 'Europe/London', $3, $4, '[]', $5, now())`,
      clinicId,
      `T${clinicId.slice(0, 6)}`,
      status,
      JSON.stringify(hours),
      randomUUID(),
    );
    await sql(
      `INSERT INTO clinic_room_projection (room_id, clinic_id, name, status, last_event_at, last_event_id)
       VALUES ($1, $2, 'Room 1', 'active', now(), $3), ($4, $2, 'Old room', 'retired', now(), $5)`,
      roomId,
      clinicId,
      randomUUID(),
      randomUUID(),
      randomUUID(),
    );
    return { clinicId, roomId };
  }

  /** A therapist at `clinicIds`, working `shifts` at the first one, verified in pnf_level_1. */
  async function therapist(
    clinicIds: string[],
    shifts: { weekday: Weekday; start: string; end: string }[],
    options: { verified?: boolean; status?: string } = {},
  ): Promise<string> {
    const id = randomUUID();
    await sql(
      `INSERT INTO therapist_projection (id, profession, specialties, clinic_ids, status, last_event_at, last_event_id)
       VALUES ($1, 'physiotherapist', '{}', $2, $3, now(), $4)`,
      id,
      clinicIds,
      options.status ?? 'active',
      randomUUID(),
    );
    await sql(
      `INSERT INTO working_pattern_projection (therapist_id, clinic_id, timezone, changed_from, shifts,
         last_event_at, last_event_id)
       VALUES ($1, $2, 'Europe/London', '2026-01-01', $3, now(), $4)`,
      id,
      clinicIds[0],
      JSON.stringify(
        shifts.map((s) => ({
          ...s,
          shiftId: randomUUID(),
          effectiveFrom: '2026-01-01',
          effectiveTo: null,
        })),
      ),
      randomUUID(),
    );
    await sql(
      `INSERT INTO certification_projection (id, therapist_id, type, issued_on, expires_on, verified, status,
         status_on, last_event_at, last_event_id)
       VALUES ($1, $2, 'pnf_level_1', '2026-01-01', '2029-01-01', $3, 'valid', '2026-01-01', now(), $4)`,
      randomUUID(),
      id,
      options.verified ?? true,
      randomUUID(),
    );
    return id;
  }

  async function booking(fields: {
    clinicId: string;
    therapistId: string;
    roomId: string;
    startsAt: string;
    endsAt: string;
    blocksUntil: string;
    status: string;
  }): Promise<void> {
    await sql(
      `INSERT INTO booking (id, clinic_id, client_id, therapist_id, room_id, treatment_id, starts_at, ends_at,
         blocks_until, status, price_pence, currency, local_start, local_end, timezone,
         created_by_subject, created_by_role)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 3500, 'GBP', 'x', 'x', 'Europe/London', 'test', 'receptionist')`,
      randomUUID(),
      fields.clinicId,
      randomUUID(),
      fields.therapistId,
      fields.roomId,
      PNF_30,
      fields.startsAt,
      fields.endsAt,
      fields.blocksUntil,
      fields.status,
    );
  }

  async function search(
    variables: Record<string, unknown>,
    token = headOffice,
  ): Promise<{ slots: Slot[]; codes: (string | undefined)[] }> {
    const result = await app.gql<{ availability: Slot[] }>(SEARCH, variables, token);
    return {
      slots: result.data?.availability ?? [],
      codes: (result.errors ?? []).map((e) => e.extensions?.code),
    };
  }

  const startsOf = (slots: Slot[], therapistId: string): string[] =>
    slots.filter((s) => s.therapistId === therapistId).map((s) => s.localStart.slice(11));

  it('offers slots within shifts, leaving out time off and uncertified therapists', async () => {
    const { clinicId, roomId } = await clinic();
    const morning = await therapist(
      [clinicId],
      [{ weekday: 'wednesday', start: '09:00', end: '12:00' }],
    );
    const unverified = await therapist(
      [clinicId],
      [{ weekday: 'wednesday', start: '09:00', end: '17:00' }],
      { verified: false },
    );
    const afternoon = await therapist(
      [clinicId],
      [{ weekday: 'wednesday', start: '13:00', end: '17:00' }],
    );
    await sql(
      `INSERT INTO time_off_projection (id, therapist_id, starts_at, ends_at, status, last_event_at, last_event_id)
       VALUES ($1, $2, '2027-06-02T13:00:00Z', '2027-06-02T16:00:00Z', 'approved', now(), $3),
              ($4, $2, '2027-06-02T12:00:00Z', '2027-06-02T13:00:00Z', 'cancelled', now(), $5)`,
      randomUUID(),
      afternoon,
      randomUUID(),
      randomUUID(),
      randomUUID(),
    );

    const { slots, codes } = await search({
      clinicId,
      treatmentId: PNF_30,
      from: '2027-06-02',
      to: '2027-06-02',
    });

    expect(codes).toEqual([]);
    // 30 minutes + 10 buffer must end by 12:00; time off 14:00–17:00 BST leaves 13:00–14:00.
    expect(startsOf(slots, morning)).toEqual([
      '09:00',
      '09:15',
      '09:30',
      '09:45',
      '10:00',
      '10:15',
      '10:30',
      '10:45',
      '11:00',
      '11:15',
    ]);
    expect(startsOf(slots, afternoon)).toEqual(['13:00', '13:15']);
    expect(startsOf(slots, unverified)).toEqual([]);
    expect(slots[0]).toEqual({
      startsAt: '2027-06-02T08:00:00.000Z',
      endsAt: '2027-06-02T08:30:00.000Z',
      localStart: '2027-06-02T09:00',
      localEnd: '2027-06-02T09:30',
      utcOffset: '+01:00',
      therapistId: morning,
      roomId,
    });
  });

  it("removes a booking's slot and its buffer, at this or another clinic, and ignores cancelled ones", async () => {
    const { clinicId, roomId } = await clinic();
    const elsewhere = await clinic();
    const t1 = await therapist(
      [clinicId, elsewhere.clinicId],
      [{ weekday: 'wednesday', start: '09:00', end: '12:00' }],
    );
    // 10:00–10:30 BST, busy until 10:40 with its buffer.
    await booking({
      clinicId,
      therapistId: t1,
      roomId,
      startsAt: '2027-06-02T09:00:00Z',
      endsAt: '2027-06-02T09:30:00Z',
      blocksUntil: '2027-06-02T09:40:00Z',
      status: 'confirmed',
    });
    await booking({
      clinicId,
      therapistId: t1,
      roomId,
      startsAt: '2027-06-02T08:00:00Z',
      endsAt: '2027-06-02T08:30:00Z',
      blocksUntil: '2027-06-02T08:40:00Z',
      status: 'cancelled',
    });
    // Held at the other clinic 11:15–11:45 BST.
    await booking({
      clinicId: elsewhere.clinicId,
      therapistId: t1,
      roomId: elsewhere.roomId,
      startsAt: '2027-06-02T10:15:00Z',
      endsAt: '2027-06-02T10:45:00Z',
      blocksUntil: '2027-06-02T10:55:00Z',
      status: 'held',
    });

    const { slots } = await search({
      clinicId,
      treatmentId: PNF_30,
      from: '2027-06-02',
      to: '2027-06-02',
      therapistId: t1,
    });

    // [s, s+40) must miss [10:00, 10:40) here and [11:15, 11:55) at the other clinic, and end
    // by 12:00: without the other clinic's hold 10:45, 11:00 and 11:15 would be offered.
    expect(startsOf(slots, t1)).toEqual(['09:00', '09:15']);
  });

  it('gives no slot when the only room is taken by another therapist', async () => {
    const { clinicId, roomId } = await clinic();
    const t1 = await therapist(
      [clinicId],
      [{ weekday: 'wednesday', start: '09:00', end: '10:00' }],
    );
    const t2 = await therapist(
      [clinicId],
      [{ weekday: 'wednesday', start: '09:00', end: '10:00' }],
    );
    await booking({
      clinicId,
      therapistId: t2,
      roomId,
      startsAt: '2027-06-02T08:00:00Z',
      endsAt: '2027-06-02T08:30:00Z',
      blocksUntil: '2027-06-02T08:40:00Z',
      status: 'checked_in',
    });

    const { slots } = await search({
      clinicId,
      treatmentId: PNF_30,
      from: '2027-06-02',
      to: '2027-06-02',
    });

    expect(startsOf(slots, t1)).toEqual([]);
    expect(startsOf(slots, t2)).toEqual([]);
  });

  it('keeps clinic-local hours across the spring clock change of 2027-03-28', async () => {
    const { clinicId } = await clinic();
    const t1 = await therapist(
      [clinicId],
      [
        { weekday: 'saturday', start: '09:00', end: '11:00' },
        { weekday: 'sunday', start: '09:00', end: '11:00' },
      ],
    );

    const { slots } = await search({
      clinicId,
      treatmentId: PNF_60,
      from: '2027-03-27',
      to: '2027-03-28',
    });

    // 60 minutes + 15 buffer within 09:00–11:00: starts 09:00..09:45 each day.
    expect(slots.map((s) => [s.localStart, s.startsAt, s.utcOffset])).toEqual([
      ['2027-03-27T09:00', '2027-03-27T09:00:00.000Z', '+00:00'],
      ['2027-03-27T09:15', '2027-03-27T09:15:00.000Z', '+00:00'],
      ['2027-03-27T09:30', '2027-03-27T09:30:00.000Z', '+00:00'],
      ['2027-03-27T09:45', '2027-03-27T09:45:00.000Z', '+00:00'],
      ['2027-03-28T09:00', '2027-03-28T08:00:00.000Z', '+01:00'],
      ['2027-03-28T09:15', '2027-03-28T08:15:00.000Z', '+01:00'],
      ['2027-03-28T09:30', '2027-03-28T08:30:00.000Z', '+01:00'],
      ['2027-03-28T09:45', '2027-03-28T08:45:00.000Z', '+01:00'],
    ]);
    expect(new Set(slots.map((s) => s.therapistId))).toEqual(new Set([t1]));
  });

  it('refuses a range of 32 days, an unknown treatment, one the clinic does not offer and an unknown clinic', async () => {
    const { clinicId } = await clinic();

    await expect(
      search({ clinicId, treatmentId: PNF_30, from: '2027-06-01', to: '2027-07-02' }),
    ).resolves.toMatchObject({ codes: ['DATE_RANGE_TOO_LONG'] });
    await expect(
      search({ clinicId, treatmentId: randomUUID(), from: '2027-06-01', to: '2027-06-02' }),
    ).resolves.toMatchObject({ codes: ['TREATMENT_NOT_FOUND'] });
    await sql(
      `INSERT INTO clinic_treatment_offering (clinic_id, treatment_id, offered) VALUES ($1, $2, false)`,
      clinicId,
      PNF_60,
    );
    await expect(
      search({ clinicId, treatmentId: PNF_60, from: '2027-06-01', to: '2027-06-02' }),
    ).resolves.toMatchObject({ codes: ['TREATMENT_NOT_OFFERED'] });
    await expect(
      search({ clinicId: randomUUID(), treatmentId: PNF_30, from: '2027-06-01', to: '2027-06-02' }),
    ).resolves.toMatchObject({ codes: ['CLINIC_NOT_FOUND'] });
  });

  describe('who may search', () => {
    let clinicId: string;
    let therapistId: string;
    let notSelfBookable: string;
    const day = { from: '2027-06-02', to: '2027-06-02' };

    beforeAll(async () => {
      ({ clinicId } = await clinic());
      therapistId = await therapist(
        [clinicId],
        [{ weekday: 'wednesday', start: '09:00', end: '10:00' }],
      );
      notSelfBookable = randomUUID();
      // A copy of PNF 30 that only the clinic may book.
      await sql(
        `INSERT INTO treatment
         SELECT * FROM json_populate_record(NULL::treatment, (
           SELECT (to_jsonb(t) || jsonb_build_object('id', $1::text, 'code', $2::text, 'self_bookable', false))::json
           FROM treatment t WHERE t.id = $3))`,
        notSelfBookable,
        `CLINIC_ONLY_${notSelfBookable.slice(0, 8)}`,
        PNF_30,
      );
    });

    it("lets the clinic's receptionist and therapist search, and refuses another clinic's receptionist", async () => {
      const own = await app.token({ role: 'receptionist', clinicIds: [clinicId] });
      const other = await app.token({ role: 'receptionist', clinicIds: [randomUUID()] });
      const mine = await app.token({ role: 'therapist', clinicIds: [clinicId], therapistId });

      expect((await search({ clinicId, treatmentId: PNF_30, ...day }, own)).slots).toHaveLength(2);
      expect((await search({ clinicId, treatmentId: PNF_30, ...day }, mine)).slots).toHaveLength(2);
      await expect(search({ clinicId, treatmentId: PNF_30, ...day }, other)).resolves.toEqual({
        slots: [],
        codes: ['FORBIDDEN'],
      });
    });

    it('lets a client search self-bookable treatments only', async () => {
      const client = await app.token({ role: 'client', clientId: randomUUID() });

      expect((await search({ clinicId, treatmentId: PNF_30, ...day }, client)).slots).toHaveLength(
        2,
      );
      await expect(
        search({ clinicId, treatmentId: notSelfBookable, ...day }, client),
      ).resolves.toEqual({ slots: [], codes: ['TREATMENT_NOT_SELF_BOOKABLE'] });
      expect((await search({ clinicId, treatmentId: notSelfBookable, ...day })).slots).toHaveLength(
        2,
      );
    });

    it('hides a clinic that is not active from clients', async () => {
      const suspended = await clinic('suspended');
      const client = await app.token({ role: 'client', clientId: randomUUID() });

      await expect(
        search({ clinicId: suspended.clinicId, treatmentId: PNF_30, ...day }, client),
      ).resolves.toEqual({ slots: [], codes: ['CLINIC_NOT_FOUND'] });
    });

    it('lets an integrator search its clinics with availability:read or bookings:write only', async () => {
      const reader = await app.token({
        role: 'integrator',
        clinicIds: [clinicId],
        scopes: ['availability:read'],
      });
      const writer = await app.token({
        role: 'integrator',
        clinicIds: [clinicId],
        scopes: ['bookings:write'],
      });
      const unscoped = await app.token({
        role: 'integrator',
        clinicIds: [clinicId],
        scopes: ['events:read'],
      });
      const elsewhere = await app.token({
        role: 'integrator',
        clinicIds: [randomUUID()],
        scopes: ['availability:read'],
      });

      expect((await search({ clinicId, treatmentId: PNF_30, ...day }, reader)).slots).toHaveLength(
        2,
      );
      expect((await search({ clinicId, treatmentId: PNF_30, ...day }, writer)).slots).toHaveLength(
        2,
      );
      await expect(search({ clinicId, treatmentId: PNF_30, ...day }, unscoped)).resolves.toEqual({
        slots: [],
        codes: ['FORBIDDEN'],
      });
      await expect(search({ clinicId, treatmentId: PNF_30, ...day }, elsewhere)).resolves.toEqual({
        slots: [],
        codes: ['FORBIDDEN'],
      });
    });
  });

  describe('the single-slot check and alternatives used by the booking lifecycle', () => {
    let service: AvailabilityService;

    beforeAll(() => {
      service = new AvailabilityService(new AvailabilityInputsRepository(app.dataSource));
    });

    it('accepts a free slot and names the booking that takes another, with alternatives', async () => {
      const { clinicId, roomId } = await clinic();
      const t1 = await therapist(
        [clinicId],
        [{ weekday: 'wednesday', start: '09:00', end: '12:00' }],
      );
      await booking({
        clinicId,
        therapistId: t1,
        roomId,
        startsAt: '2027-06-02T09:00:00Z',
        endsAt: '2027-06-02T09:30:00Z',
        blocksUntil: '2027-06-02T09:40:00Z',
        status: 'confirmed',
      });
      const request = { clinicId, treatmentId: PNF_30, therapistId: t1 };

      const result = await app.dataSource.transaction(async (tx) => ({
        free: await service.checkSlot(tx, {
          ...request,
          startsAt: new Date('2027-06-02T08:00:00Z'),
        }),
        taken: await service.checkSlot(tx, {
          ...request,
          startsAt: new Date('2027-06-02T09:15:00Z'),
        }),
        offGrid: await service.checkSlot(tx, {
          ...request,
          startsAt: new Date('2027-06-02T08:10:00Z'),
        }),
        past: await service.checkSlot(tx, {
          ...request,
          startsAt: new Date('2020-06-02T08:00:00Z'),
        }),
        unknown: await service.checkSlot(tx, {
          ...request,
          treatmentId: randomUUID(),
          startsAt: new Date('2027-06-02T08:00:00Z'),
        }),
        alternatives: await service.alternatives(tx, {
          ...request,
          startsAt: new Date('2027-06-02T09:15:00Z'),
        }),
      }));

      expect(result.free).toMatchObject({
        ok: true,
        slot: { roomId, localStart: '2027-06-02T09:00' },
      });
      expect(result.taken).toMatchObject({
        ok: false,
        code: 'SLOT_NOT_BOOKABLE',
        cause: 'THERAPIST_BUSY',
      });
      expect(result.offGrid).toMatchObject({ ok: false, code: 'OFF_SLOT_GRID' });
      expect(result.past).toMatchObject({ ok: false, code: 'START_IN_PAST' });
      expect(result.unknown).toMatchObject({ ok: false, code: 'TREATMENT_NOT_FOUND' });
      // Nearest the requested 10:15 first; 09:15 and 11:15 tie, the earlier first.
      expect(result.alternatives.map((s) => s.localStart.slice(11))).toEqual([
        '10:45',
        '11:00',
        '09:15',
        '11:15',
        '09:00',
      ]);
    });
  });
});
