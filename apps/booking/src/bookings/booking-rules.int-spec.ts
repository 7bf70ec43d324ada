import { randomUUID } from 'node:crypto';
import {
  CertificationVerifiedV1,
  EligibilityChangedV1,
  EligibilityStatusValue,
  TOPICS,
} from '@app/contracts';
import { ServiceTestApp, startServiceTestApp } from '@app/platform/test-support/service-test-app';
import { bookingDefinition } from '../booking.definition';
import { BookingModule } from '../booking.module';
import { eventually } from '../projections/test-support/projection-events';
import {
  BookingView,
  bookingWriteCounts,
  gqlFails,
  gqlOk,
  HOLD,
} from './test-support/booking-graphql';
import {
  BookingWorld,
  daysAhead,
  londonLocal,
  seedBookingWorld,
  TREATMENTS,
} from './test-support/booking-world';

const SET_OFFERING = `mutation($c: ID!, $t: ID!, $input: ClinicTreatmentOfferingInput!) {
  setClinicTreatmentOffering(clinicId: $c, treatmentId: $t, input: $input) { clinicId offered } }`;

/** The clinic-local date ("YYYY-MM-DD", Europe/London) of an instant. */
const localDate = (instant: Date): string => londonLocal(instant).slice(0, 10);

/** The date `days` days after a "YYYY-MM-DD" date. */
function plusDays(date: string, days: number): string {
  const next = new Date(`${date}T00:00:00.000Z`);
  next.setUTCDate(next.getUTCDate() + days);
  return next.toISOString().slice(0, 10);
}

interface SlotAlternativeView {
  startsAt: string;
  endsAt: string;
  therapistId: string;
  roomId: string;
}

describe('booking rules at the API: offering, certification, eligibility, the exclusion race', () => {
  let app: ServiceTestApp;
  let world: BookingWorld;
  let staff: string;
  let admin: string;

  beforeAll(async () => {
    app = await startServiceTestApp(bookingDefinition, BookingModule.forRoot, {
      watchTopics: [TOPICS.booking],
    });
    world = await seedBookingWorld(app, { therapists: 3 });
    staff = await app.token({
      role: 'receptionist',
      clinicIds: [world.clinicId],
      subject: 'rules-reception',
    });
    admin = await app.token({ role: 'head_office_admin', subject: 'rules-admin' });
  }, 180_000);

  afterAll(async () => {
    await app?.close();
  });

  function holdInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
    return {
      clinicId: world.clinicId,
      treatmentId: TREATMENTS.pnf30,
      therapistId: world.therapistIds[0],
      startsAt: daysAhead(3).toISOString(),
      clientId: world.clients.cleared,
      idempotencyKey: randomUUID(),
      ...overrides,
    };
  }

  const hold = (input: Record<string, unknown>) => gqlOk<BookingView>(app, HOLD, { input }, staff);
  const counts = () => bookingWriteCounts(app);

  describe('a treatment the clinic does not offer', () => {
    const setOffered = (offered: boolean) =>
      gqlOk(
        app,
        SET_OFFERING,
        { c: world.clinicId, t: TREATMENTS.maintenance45, input: { offered } },
        admin,
      );

    it('holdBooking: TREATMENT_NOT_OFFERED, nothing written; offered again, it can be held', async () => {
      const input = holdInput({
        treatmentId: TREATMENTS.maintenance45,
        startsAt: daysAhead(4, 10).toISOString(),
      });
      await setOffered(false);
      try {
        const before = await counts();
        const error = await gqlFails(app, HOLD, { input }, staff);
        expect(error.extensions?.code).toBe('TREATMENT_NOT_OFFERED');
        expect(error.message).toContain('does not offer');
        expect(await counts()).toEqual(before);
      } finally {
        await setOffered(true);
      }
      // The same request (same key) once the clinic offers it again: the refusal kept no key.
      expect(await hold(input)).toMatchObject({
        status: 'held',
        treatmentId: TREATMENTS.maintenance45,
      });
    });
  });

  describe('the therapist must hold the required certifications on the appointment date', () => {
    const startsOn = daysAhead(20, 10);
    /** The day pnf_level_1 of therapist 1 expires: the first day it no longer counts. */
    const expiry = localDate(startsOn);

    beforeAll(async () => {
      const therapistId = world.therapistIds[1];
      const [certification] = await app.dataSource.query<{ id: string }[]>(
        `SELECT id FROM certification_projection WHERE therapist_id = $1 AND type = 'pnf_level_1'`,
        [therapistId],
      );
      await app.publish(CertificationVerifiedV1, {
        aggregateId: therapistId,
        clinicId: null,
        data: {
          certificationId: certification.id,
          therapistId,
          type: 'pnf_level_1',
          issuedOn: '2025-01-01',
          expiresOn: expiry,
          verified: true,
          status: 'valid',
        },
      });
      await eventually(async () => {
        const rows = await app.dataSource.query<{ expires_on: string }[]>(
          `SELECT expires_on::text FROM certification_projection WHERE id = $1`,
          [certification.id],
        );
        expect(rows).toEqual([{ expires_on: expiry }]);
      }, 60_000);
    }, 90_000);

    it('the day before the expiry day: held', async () => {
      const startsAt = daysAhead(19, 10);
      expect(localDate(startsAt)).toBe(plusDays(expiry, -1));
      const held = await hold(
        holdInput({ therapistId: world.therapistIds[1], startsAt: startsAt.toISOString() }),
      );
      expect(held).toMatchObject({ status: 'held', therapistId: world.therapistIds[1] });
    });

    it.each([
      ['on the expiry day', 20],
      ['after the expiry day', 22],
    ])('%s: THERAPIST_NOT_CERTIFIED naming the date, nothing written', async (_name, days) => {
      const startsAt = daysAhead(days, 10);
      const before = await counts();
      const error = await gqlFails(
        app,
        HOLD,
        {
          input: holdInput({
            therapistId: world.therapistIds[1],
            startsAt: startsAt.toISOString(),
          }),
        },
        staff,
      );
      expect(error.extensions?.code).toBe('THERAPIST_NOT_CERTIFIED');
      expect(error.message).toContain('pnf_level_1');
      expect(error.message).toContain(localDate(startsAt));
      expect(await counts()).toEqual(before);
    });

    it('the expired certification is only needed for the treatments that require it', async () => {
      // The assessment needs hcpc_registration only, which therapist 1 still holds.
      const assessment = await hold(
        holdInput({
          therapistId: world.therapistIds[1],
          treatmentId: TREATMENTS.assessment,
          startsAt: daysAhead(20, 12).toISOString(),
        }),
      );
      expect(assessment.status).toBe('held');
    });
  });

  describe('client eligibility for a treatment needing screening clearance', () => {
    const startsAt = daysAhead(15, 10);
    const appointmentDate = localDate(startsAt);

    /** A client of the clinic with this eligibility, once booking's projection holds it. */
    async function clientWith(status: EligibilityStatusValue, validUntil: string): Promise<string> {
      const clientId = randomUUID();
      await app.publish(EligibilityChangedV1, {
        aggregateId: clientId,
        clinicId: world.clinicId,
        data: {
          clientId,
          clinicIds: [world.clinicId],
          screeningId: randomUUID(),
          status,
          validUntil,
          cause: status === 'lapsed' ? 'lapse' : 'screening',
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

    it.each([
      {
        name: 'cleared, valid until the day before the appointment',
        client: () => clientWith('cleared', plusDays(appointmentDate, -1)),
        reason: 'lapsed',
        says: `valid until ${plusDays(appointmentDate, -1)}`,
      },
      {
        name: 'lapsed',
        client: () => clientWith('lapsed', '2030-01-01'),
        reason: 'lapsed',
        says: 'rescreen',
      },
      {
        name: 'never screened (no eligibility at all)',
        client: () => Promise.resolve(randomUUID()),
        reason: 'not screened',
        says: 'initial assessment',
      },
    ])(
      '$name: CLIENT_NOT_ELIGIBLE ($reason), nothing written',
      async ({ client, reason, says }) => {
        const clientId = await client();
        const before = await counts();
        const error = await gqlFails(
          app,
          HOLD,
          { input: holdInput({ clientId, startsAt: startsAt.toISOString() }) },
          staff,
        );
        expect(error.extensions).toMatchObject({ code: 'CLIENT_NOT_ELIGIBLE', reason });
        expect(error.message).toContain(says);
        expect(await counts()).toEqual(before);
      },
    );

    it('cleared, valid until the appointment date itself (included): held', async () => {
      const clientId = await clientWith('cleared', appointmentDate);
      const held = await hold(
        holdInput({
          clientId,
          therapistId: world.therapistIds[2],
          startsAt: startsAt.toISOString(),
        }),
      );
      expect(held).toMatchObject({ status: 'held', clientId });
    });

    it('a never screened client may still book the initial assessment', async () => {
      const clientId = randomUUID();
      const held = await hold(
        holdInput({
          clientId,
          treatmentId: TREATMENTS.assessment,
          startsAt: daysAhead(15, 13).toISOString(),
        }),
      );
      expect(held).toMatchObject({ status: 'held', clientId });
    });
  });

  describe('an exclusion violation at the insert (23P01) becomes SLOT_UNAVAILABLE', () => {
    it('a conflicting row committed while the hold waits on it: SLOT_UNAVAILABLE with alternatives, no row written', async () => {
      const therapistId = world.therapistIds[0];
      const startsAt = daysAhead(25, 10);
      const blocksUntil = new Date(startsAt.getTime() + 40 * 60_000);
      const before = await counts();

      const other = app.dataSource.createQueryRunner();
      await other.connect();
      try {
        await other.startTransaction();
        const [{ pid }] = (await other.query(`SELECT pg_backend_pid() AS pid`)) as {
          pid: number;
        }[];
        // An overlapping booking of the same therapist, not yet committed: invisible to the
        // hold's checks, but its INSERT must wait on it at the therapist constraint. In a room
        // that is not the clinic's, so only the therapist constraint can decide.
        await other.query(
          `INSERT INTO booking (id, clinic_id, client_id, therapist_id, room_id, treatment_id,
             starts_at, ends_at, blocks_until, status, hold_expires_at, price_pence, currency,
             local_start, local_end, timezone, created_by_subject, created_by_role)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'held', now() + interval '10 minutes',
             3500, 'GBP', $10, $11, 'Europe/London', 'second-connection', 'receptionist')`,
          [
            randomUUID(),
            world.clinicId,
            randomUUID(),
            therapistId,
            randomUUID(),
            TREATMENTS.pnf30,
            startsAt,
            new Date(startsAt.getTime() + 30 * 60_000),
            blocksUntil,
            londonLocal(startsAt),
            londonLocal(new Date(startsAt.getTime() + 30 * 60_000)),
          ],
        );

        const reply = app.gql<{ holdBooking: BookingView }>(
          HOLD,
          { input: holdInput({ therapistId, startsAt: startsAt.toISOString() }) },
          staff,
        );
        // The hold passed its checks and waits at the constraint on the uncommitted row.
        await eventually(async () => {
          const [row] = await app.dataSource.query<{ n: number }[]>(
            `SELECT count(*)::int AS n FROM pg_stat_activity
              WHERE $1 = ANY(pg_blocking_pids(pid)) AND query ILIKE '%INSERT INTO "booking"%'`,
            [pid],
          );
          expect(row.n).toBe(1);
        }, 30_000);
        await other.commitTransaction();

        const res = await reply;
        expect(res.errors).toHaveLength(1);
        const error = res.errors![0];
        expect(error.extensions?.code).toBe('SLOT_UNAVAILABLE');
        const alternatives = error.extensions?.alternatives as SlotAlternativeView[];
        expect(alternatives.length).toBeGreaterThan(0);
        expect(alternatives.length).toBeLessThanOrEqual(5);
        for (const alternative of alternatives) {
          const clashes =
            alternative.therapistId === therapistId &&
            Date.parse(alternative.startsAt) < blocksUntil.getTime() &&
            Date.parse(alternative.endsAt) > startsAt.getTime();
          expect(clashes).toBe(false);
        }
      } finally {
        if (other.isTransactionActive) {
          await other.rollbackTransaction();
        }
        await other.release();
      }

      // Only the second connection's row: the hold wrote no booking, event or key.
      const after = await counts();
      expect(after).toEqual({ ...before, bookings: before.bookings + 1 });
      const rows = await app.dataSource.query<{ created_by_subject: string }[]>(
        `SELECT created_by_subject FROM booking WHERE therapist_id = $1 AND starts_at = $2`,
        [therapistId, startsAt],
      );
      expect(rows).toEqual([{ created_by_subject: 'second-connection' }]);
    });
  });
});
