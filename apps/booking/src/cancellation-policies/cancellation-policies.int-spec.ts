import { randomUUID } from 'node:crypto';
import { EventEnvelope, platformCatalogue, TOPICS } from '@app/contracts';
import { ServiceTestApp, startServiceTestApp } from '@app/platform/test-support/service-test-app';
import { bookingDefinition } from '../booking.definition';
import { BookingModule } from '../booking.module';
import {
  BookingView,
  CANCEL,
  CONFIRM,
  FIELDS,
  gqlFails,
  gqlOk,
  HOLD,
} from '../bookings/test-support/booking-graphql';
import {
  BookingWorld,
  hoursAhead,
  seedBookingWorld,
  TREATMENTS,
} from '../bookings/test-support/booking-world';

const POLICY_FIELDS = 'clinicId lateFeePercent lateWindowHours networkDefault updatedAt';
const POLICY = `query P($clinicId: ID!) { cancellationPolicy(clinicId: $clinicId) { ${POLICY_FIELDS} } }`;
const SET_POLICY = `mutation S($clinicId: ID!, $fee: Int!, $window: Int!) {
  setCancellationPolicy(clinicId: $clinicId, lateFeePercent: $fee, lateWindowHours: $window) {
    ${POLICY_FIELDS} } }`;
const CLINIC_POLICY = `query C($reps: [_Any!]!) { _entities(representations: $reps) {
  ... on Clinic { id cancellationPolicy { ${POLICY_FIELDS} } } } }`;
const CANCEL_WITH_POLICY = CANCEL.replace(FIELDS, `${FIELDS} lateFeePercent lateWindowHours`);
const BOOKING_WITH_POLICY = `query B($id: ID!) { booking(id: $id) {
  ${FIELDS} lateFeePercent lateWindowHours } }`;

interface PolicyView {
  clinicId: string;
  lateFeePercent: number;
  lateWindowHours: number;
  networkDefault: boolean;
  updatedAt: string | null;
}

type CancelledView = BookingView & {
  lateFeePercent: number | null;
  lateWindowHours: number | null;
};

/** pnf30 at the network price (migration 1763900000100). */
const PNF30_PRICE = 3500;

describe("each clinic's late-cancellation policy (real PostgreSQL and Kafka)", () => {
  let app: ServiceTestApp;
  /** Sets 20% within 6 hours (its manager). */
  let leeds: BookingWorld;
  /** Sets 100% within 48 hours (head office). */
  let york: BookingWorld;
  /** Never sets a policy: the network's. */
  let ripon: BookingWorld;
  let headOffice: string;
  let leedsManager: string;

  beforeAll(async () => {
    app = await startServiceTestApp(bookingDefinition, BookingModule.forRoot, {
      watchTopics: [TOPICS.booking],
    });
    leeds = await seedBookingWorld(app, { therapists: 2 });
    york = await seedBookingWorld(app, { therapists: 2 });
    ripon = await seedBookingWorld(app, { therapists: 2 });
    headOffice = await app.token({ role: 'head_office_admin', subject: 'admin-1' });
    leedsManager = await app.token({
      role: 'clinic_manager',
      clinicIds: [leeds.clinicId],
      subject: 'leeds-manager',
    });
    await gqlOk(app, SET_POLICY, { clinicId: leeds.clinicId, fee: 20, window: 6 }, leedsManager);
    await gqlOk(app, SET_POLICY, { clinicId: york.clinicId, fee: 100, window: 48 }, headOffice);
  }, 240_000);

  afterAll(async () => {
    await app?.close();
  });

  const staffOf = (world: BookingWorld) =>
    app.token({ role: 'receptionist', clinicIds: [world.clinicId], subject: 'reception' });
  const clientOf = (world: BookingWorld) =>
    app.token({ role: 'client', clientId: world.clients.cleared, subject: 'client' });

  /** A confirmed pnf30 booking `hours` ahead (rounded up to the quarter hour). */
  async function confirmed(world: BookingWorld, hours: number, therapist = 0): Promise<string> {
    const staff = await staffOf(world);
    const held = await gqlOk<BookingView>(
      app,
      HOLD,
      {
        input: {
          clinicId: world.clinicId,
          treatmentId: TREATMENTS.pnf30,
          therapistId: world.therapistIds[therapist],
          startsAt: hoursAhead(hours).toISOString(),
          clientId: world.clients.cleared,
          idempotencyKey: randomUUID(),
        },
      },
      staff,
    );
    await gqlOk(app, CONFIRM, { id: held.id, key: randomUUID() }, staff);
    return held.id;
  }

  const cancel = (id: string, token: string) =>
    gqlOk<CancelledView>(app, CANCEL_WITH_POLICY, { id, key: randomUUID() }, token);

  async function policyRows(): Promise<string> {
    const [row] = await app.dataSource.query<{ footprint: unknown }[]>(
      `SELECT json_build_object(
         'policies', (SELECT json_agg(p ORDER BY p.clinic_id) FROM clinic_cancellation_policy p),
         'events', (SELECT count(*) FROM outbox)) AS footprint`,
    );
    return JSON.stringify(row.footprint);
  }

  describe('reading', () => {
    it('gives a clinic without its own policy the network policy, 24 hours and 50%', async () => {
      const expected = {
        clinicId: ripon.clinicId,
        lateFeePercent: 50,
        lateWindowHours: 24,
        networkDefault: true,
        updatedAt: null,
      };
      const client = await clientOf(ripon);
      expect(await gqlOk(app, POLICY, { clinicId: ripon.clinicId }, client)).toEqual(expected);
      const clinic = await gqlOk<{ cancellationPolicy: PolicyView }[]>(
        app,
        CLINIC_POLICY,
        { reps: [{ __typename: 'Clinic', id: ripon.clinicId }] },
        await staffOf(ripon),
      );
      expect(clinic[0].cancellationPolicy).toEqual(expected);
    });

    it("shows the clinic's own policy on the query and on Clinic", async () => {
      const expected = {
        clinicId: leeds.clinicId,
        lateFeePercent: 20,
        lateWindowHours: 6,
        networkDefault: false,
      };
      expect(
        await gqlOk(app, POLICY, { clinicId: leeds.clinicId }, await clientOf(leeds)),
      ).toMatchObject(expected);
      const clinic = await gqlOk<{ cancellationPolicy: PolicyView }[]>(
        app,
        CLINIC_POLICY,
        { reps: [{ __typename: 'Clinic', id: leeds.clinicId }] },
        leedsManager,
      );
      expect(clinic[0].cancellationPolicy).toMatchObject(expected);
      expect(clinic[0].cancellationPolicy.updatedAt).not.toBeNull();
    });
  });

  describe('at cancellation', () => {
    it('charges different fees for the same late cancellation at clinics with different policies', async () => {
      const atLeeds = await confirmed(leeds, 4);
      const atYork = await confirmed(york, 4);
      const atRipon = await confirmed(ripon, 4);
      const fromLeeds = await cancel(atLeeds, await clientOf(leeds));
      const fromYork = await cancel(atYork, await clientOf(york));
      const fromRipon = await cancel(atRipon, await clientOf(ripon));

      expect(fromLeeds).toMatchObject({
        status: 'cancelled',
        cancelledBy: 'client',
        pricePence: PNF30_PRICE,
        lateCancellation: true,
        lateFeePence: 700,
        lateFeePercent: 20,
        lateWindowHours: 6,
      });
      expect(fromYork).toMatchObject({
        lateCancellation: true,
        lateFeePence: PNF30_PRICE,
        lateFeePercent: 100,
        lateWindowHours: 48,
      });
      expect(fromRipon).toMatchObject({
        lateCancellation: true,
        lateFeePence: 1750,
        lateFeePercent: 50,
        lateWindowHours: 24,
      });
      for (const [id, fee] of [
        [atLeeds, 700],
        [atYork, PNF30_PRICE],
        [atRipon, 1750],
      ] as const) {
        const event = await app.event('booking.cancelled', (e) => e.aggregateId === id);
        expect(event.data).toMatchObject({ cancelledBy: 'client', late: true, lateFeePence: fee });
      }
    });

    it("judges lateness by the clinic's window: 30 hours ahead is late at York, not at Leeds or Ripon", async () => {
      const atLeeds = await confirmed(leeds, 30, 1);
      const atYork = await confirmed(york, 30, 1);
      const atRipon = await confirmed(ripon, 30, 1);
      expect(await cancel(atLeeds, await clientOf(leeds))).toMatchObject({
        lateCancellation: false,
        lateFeePence: null,
        lateFeePercent: 20,
        lateWindowHours: 6,
      });
      expect(await cancel(atYork, await clientOf(york))).toMatchObject({
        lateCancellation: true,
        lateFeePence: PNF30_PRICE,
        lateFeePercent: 100,
        lateWindowHours: 48,
      });
      expect(await cancel(atRipon, await clientOf(ripon))).toMatchObject({
        lateCancellation: false,
        lateFeePence: null,
        lateFeePercent: 50,
        lateWindowHours: 24,
      });
    });

    it('records the applied policy on the booking, as stored and as read back', async () => {
      const id = await confirmed(york, 8);
      await cancel(id, await clientOf(york));
      const [row] = await app.dataSource.query<Record<string, unknown>[]>(
        `SELECT late_cancellation, late_fee_pence, late_fee_percent, late_window_hours
           FROM booking WHERE id = $1`,
        [id],
      );
      expect(row).toEqual({
        late_cancellation: true,
        late_fee_pence: PNF30_PRICE,
        late_fee_percent: 100,
        late_window_hours: 48,
      });
      expect(await gqlOk(app, BOOKING_WITH_POLICY, { id }, await staffOf(york))).toMatchObject({
        lateFeePercent: 100,
        lateWindowHours: 48,
      });
    });

    it('the clinic cancelling late under a 100% policy: late, no fee, the policy recorded', async () => {
      const id = await confirmed(york, 5);
      expect(await cancel(id, await staffOf(york))).toMatchObject({
        cancelledBy: 'clinic',
        lateCancellation: true,
        lateFeePence: null,
        lateFeePercent: 100,
        lateWindowHours: 48,
      });
    });

    it('a booking not yet cancelled shows no applied policy', async () => {
      const id = await confirmed(leeds, 50);
      expect(await gqlOk(app, BOOKING_WITH_POLICY, { id }, await staffOf(leeds))).toMatchObject({
        status: 'confirmed',
        lateFeePercent: null,
        lateWindowHours: null,
      });
    });
  });

  describe('setting', () => {
    function expectPublicEvent(event: EventEnvelope): void {
      const definition = platformCatalogue.find(event.type, event.schemaVersion);
      expect(definition?.visibility).toBe('public');
      expect(definition?.schema.safeParse(event.data).success).toBe(true);
    }

    it("publishes cancellation_policy.changed with the clinic's new policy", async () => {
      const initial = await app.event(
        'cancellation_policy.changed',
        (e) => e.aggregateId === leeds.clinicId,
      );
      expectPublicEvent(initial);
      expect(initial).toMatchObject({
        clinicId: leeds.clinicId,
        actor: { type: 'user', role: 'clinic_manager' },
        data: { clinicId: leeds.clinicId, lateFeePercent: 20, lateWindowHours: 6 },
      });

      const york2 = await seedBookingWorld(app, { therapists: 1 });
      const set = await gqlOk<PolicyView>(
        app,
        SET_POLICY,
        { clinicId: york2.clinicId, fee: 0, window: 72 },
        headOffice,
      );
      expect(set).toMatchObject({ lateFeePercent: 0, lateWindowHours: 72, networkDefault: false });
      const event = await app.event(
        'cancellation_policy.changed',
        (e) => e.aggregateId === york2.clinicId,
      );
      expectPublicEvent(event);
      expect(event).toMatchObject({
        clinicId: york2.clinicId,
        actor: { type: 'user', role: 'head_office_admin' },
        data: {
          clinicId: york2.clinicId,
          lateFeePercent: 0,
          lateWindowHours: 72,
          changedAt: set.updatedAt,
        },
      });
    });

    it('writes and publishes nothing when the clinic already has these values', async () => {
      const before = await policyRows();
      const again = await gqlOk<PolicyView>(
        app,
        SET_POLICY,
        { clinicId: leeds.clinicId, fee: 20, window: 6 },
        leedsManager,
      );
      expect(again).toMatchObject({ lateFeePercent: 20, lateWindowHours: 6 });
      expect(await policyRows()).toBe(before);
    });

    it('refuses a manager of another clinic, clinical lead, receptionist, therapist, client and integrator; nothing written', async () => {
      const refused: [string, string][] = [
        [
          'manager of York',
          await app.token({ role: 'clinic_manager', clinicIds: [york.clinicId], subject: 'm-y' }),
        ],
        ['clinical lead', await app.token({ role: 'clinical_lead', subject: 'lead' })],
        ['receptionist of Leeds', await staffOf(leeds)],
        [
          'therapist of Leeds',
          await app.token({
            role: 'therapist',
            therapistId: leeds.therapistIds[0],
            clinicIds: [leeds.clinicId],
            subject: 'therapist',
          }),
        ],
        ['client', await clientOf(leeds)],
        [
          'integrator for Leeds',
          await app.token({
            role: 'integrator',
            clinicIds: [leeds.clinicId],
            scopes: ['bookings:write', 'events:read'],
            subject: 'integrator',
          }),
        ],
      ];
      const before = await policyRows();
      for (const [who, token] of refused) {
        const error = await gqlFails(
          app,
          SET_POLICY,
          { clinicId: leeds.clinicId, fee: 90, window: 72 },
          token,
        );
        expect([who, error.extensions?.code]).toEqual([who, 'FORBIDDEN']);
      }
      expect(await policyRows()).toBe(before);
      expect(await gqlOk(app, POLICY, { clinicId: leeds.clinicId }, headOffice)).toMatchObject({
        lateFeePercent: 20,
        lateWindowHours: 6,
      });
    });

    it.each([
      ['a fee over 100%', { fee: 101, window: 24 }, 'lateFeePercent'],
      ['a negative fee', { fee: -1, window: 24 }, 'lateFeePercent'],
      ['a window of 0 hours', { fee: 50, window: 0 }, 'lateWindowHours'],
      ['a window over 72 hours', { fee: 50, window: 73 }, 'lateWindowHours'],
    ])(
      'refuses %s with INVALID_CANCELLATION_POLICY naming the field; nothing written',
      async (_what, values, field) => {
        const before = await policyRows();
        const error = await gqlFails(
          app,
          SET_POLICY,
          { clinicId: leeds.clinicId, ...values },
          leedsManager,
        );
        expect(error.extensions).toMatchObject({ code: 'INVALID_CANCELLATION_POLICY', field });
        expect(error.message).toContain(field);
        expect(await policyRows()).toBe(before);
      },
    );

    it.each([
      ['a clinic booking does not know', () => randomUUID(), 'CLINIC_NOT_FOUND'],
      ['a clinic id that is not a uuid', () => 'leeds', 'INVALID_CLINIC_ID'],
    ])('refuses %s; nothing written', async (_what, clinicId, code) => {
      const before = await policyRows();
      const error = await gqlFails(
        app,
        SET_POLICY,
        { clinicId: clinicId(), fee: 10, window: 12 },
        headOffice,
      );
      expect(error.extensions?.code).toBe(code);
      expect(await policyRows()).toBe(before);
    });
  });
});
