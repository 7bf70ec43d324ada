import { randomUUID } from 'node:crypto';
import {
  BookingCancelledV1,
  BookingCheckedInV1,
  BookingCompletedV1,
  BookingConfirmedV1,
  BookingHeldV1,
  envelopeSchema,
  platformCatalogue,
  TOPICS,
} from '@app/contracts';
import { ServiceTestApp, startServiceTestApp } from '@app/platform/test-support/service-test-app';
import { insertTestClient, linkTestTherapist } from '../access/test-support/client-fixtures';
import { handled } from '../bookings/test-support/booking-events';
import { clientRecordDefinition } from '../client-record.definition';
import { ClientRecordModule } from '../client-record.module';
import { SessionRecordsRepository } from './session-records.repository';
import { SessionRecordsSubjectData } from './session-records.subject-data';
import {
  auditRows,
  bookingState,
  careFootprint,
  errorCodes,
  eventually,
  SESSION_FIELDS,
  sessionInput,
} from './test-support/care-fixtures';

const RECORD = `mutation($bookingId: ID!, $input: SessionContentInput!) {
  recordSession(bookingId: $bookingId, input: $input) { ${SESSION_FIELDS} } }`;
const AMEND = `mutation($id: ID!, $input: SessionContentInput!, $reason: String!) {
  amendSessionRecord(id: $id, input: $input, reason: $reason) { ${SESSION_FIELDS} } }`;
const LIST = `query($clientId: ID!) { sessionRecords(clientId: $clientId) { ${SESSION_FIELDS} } }`;
const ONE = `query($id: ID!) { sessionRecord(id: $id) { ${SESSION_FIELDS} } }`;

interface SessionView {
  id: string;
  bookingId: string;
  therapistId: string;
  sessionDate: string;
  status: string;
  current: { version: number; painBefore: number; painAfter: number; reason: string | null } | null;
  versions:
    { version: number; painBefore: number; painAfter: number; reason: string | null }[] | null;
}

describe('client-record session records', () => {
  let app: ServiceTestApp;
  const leeds = randomUUID();
  const york = randomUUID();
  const treatingId = randomUUID();
  const otherTherapistId = randomUUID();
  let treating: string;
  let otherTherapist: string;
  let receptionist: string;
  let leedsManager: string;
  let yorkManager: string;
  let clinicalLead: string;
  let integrator: string;

  beforeAll(async () => {
    app = await startServiceTestApp(clientRecordDefinition, ClientRecordModule.forRoot, {
      watchTopics: [TOPICS.clientRecord],
    });
    treating = await app.token({ role: 'therapist', therapistId: treatingId, clinicIds: [leeds] });
    otherTherapist = await app.token({
      role: 'therapist',
      therapistId: otherTherapistId,
      clinicIds: [leeds],
    });
    receptionist = await app.token({ role: 'receptionist', clinicIds: [leeds] });
    leedsManager = await app.token({ role: 'clinic_manager', clinicIds: [leeds] });
    yorkManager = await app.token({ role: 'clinic_manager', clinicIds: [york] });
    clinicalLead = await app.token({ role: 'clinical_lead', subject: 'lead-1' });
    integrator = await app.token({
      role: 'integrator',
      clinicIds: [leeds],
      scopes: ['clients:read'],
    });
  });

  afterAll(async () => {
    await app.close();
  });

  async function clientWithBooking(): Promise<{ clientId: string; bookingId: string }> {
    const clientId = await insertTestClient(app.dataSource, { clinicIds: [leeds] });
    const bookingId = await linkTestTherapist(app.dataSource, {
      clientId,
      therapistId: treatingId,
      clinicId: leeds,
      status: 'treated',
      startsAt: new Date('2026-03-30T09:00:00Z'),
    });
    return { clientId, bookingId };
  }

  async function record(bookingId: string): Promise<SessionView> {
    const result = await app.gql<{ recordSession: SessionView }>(
      RECORD,
      { bookingId, input: sessionInput() },
      treating,
    );
    expect(result.errors).toBeUndefined();
    return result.data!.recordSession;
  }

  /**
   * Until a session of this database waits for a lock: recordSession's insert, blocked by
   * the uncommitted row (pg_locks, as the app's role may not read other sessions' queries).
   */
  async function waitForBlockedInsert(): Promise<void> {
    await eventually(async () => {
      const waiting = await app.dataSource.query<{ count: string }[]>(
        `SELECT count(*) FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
          WHERE NOT l.granted AND a.datname = current_database()`,
      );
      expect(waiting).toEqual([{ count: '1' }]);
    }, 10_000);
  }

  describe('care relationships from booking events', () => {
    it('gives a therapist the record of a client once booked, and takes it back on cancellation', async () => {
      const clientId = await insertTestClient(app.dataSource, { clinicIds: [leeds] });
      const booking = bookingState({ clientId, therapistId: treatingId, clinicId: leeds });
      const before = await app.gql(LIST, { clientId }, treating);
      expect(errorCodes(before)).toEqual(['FORBIDDEN']);

      await app.publish(BookingConfirmedV1, {
        aggregateId: booking.bookingId,
        clinicId: leeds,
        data: { ...booking, status: 'confirmed' },
      });
      await eventually(async () => {
        const after = await app.gql<{ sessionRecords: SessionView[] }>(
          LIST,
          { clientId },
          treating,
        );
        expect(after.errors).toBeUndefined();
        expect(after.data?.sessionRecords).toEqual([]);
      });

      await app.publish(BookingCancelledV1, {
        aggregateId: booking.bookingId,
        clinicId: leeds,
        data: {
          ...booking,
          status: 'cancelled',
          cancelledBy: 'client',
          late: false,
          lateFeePence: null,
          currency: 'GBP',
        },
      });
      await eventually(async () => {
        expect(errorCodes(await app.gql(LIST, { clientId }, treating))).toEqual(['FORBIDDEN']);
      });
    });

    it('keeps a treated client treated when a stale event arrives later, and opens the session record', async () => {
      const clientId = await insertTestClient(app.dataSource, { clinicIds: [leeds] });
      const booking = bookingState({ clientId, therapistId: treatingId, clinicId: leeds });
      await app.publish(BookingCompletedV1, {
        aggregateId: booking.bookingId,
        clinicId: leeds,
        data: { ...booking, status: 'completed' },
      });
      await app.publish(BookingHeldV1, {
        aggregateId: booking.bookingId,
        clinicId: leeds,
        data: { ...booking, status: 'held' },
      });
      await eventually(async () => {
        const rows = await app.dataSource.query<{ status: string }[]>(
          'SELECT status FROM care_relationship WHERE booking_id = $1',
          [booking.bookingId],
        );
        expect(rows).toEqual([{ status: 'treated' }]);
      });
      const list = await app.gql<{ sessionRecords: SessionView[] }>(LIST, { clientId }, treating);
      expect(list.errors).toBeUndefined();
      expect(list.data?.sessionRecords).toEqual([
        expect.objectContaining({
          bookingId: booking.bookingId,
          status: 'open',
          sessionDate: '2026-03-30',
          current: null,
        }),
      ]);

      const written = await app.gql<{ recordSession: SessionView }>(
        RECORD,
        { bookingId: booking.bookingId, input: sessionInput() },
        treating,
      );
      expect(written.errors).toBeUndefined();
      expect(written.data?.recordSession).toMatchObject({
        id: list.data?.sessionRecords[0]?.id,
        status: 'recorded',
        current: { version: 1 },
      });
    });
  });

  describe('recordSession', () => {
    it('writes version 1 for the treating therapist, with an ids-only event and an audit row', async () => {
      const { clientId, bookingId } = await clientWithBooking();
      const created = await record(bookingId);
      expect(created).toMatchObject({
        bookingId,
        therapistId: treatingId,
        sessionDate: '2026-03-30',
        status: 'recorded',
        current: { version: 1, painBefore: 7, painAfter: 4, reason: null },
        versions: [{ version: 1 }],
      });

      const event = await app.event('session.recorded', (e) => e.aggregateId === created.id);
      expect(envelopeSchema.safeParse(event).success).toBe(true);
      expect(
        platformCatalogue.find(event.type, event.schemaVersion)?.schema.safeParse(event.data)
          .success,
      ).toBe(true);
      expect(event.data).toEqual({
        sessionRecordId: created.id,
        bookingId,
        clientId,
        therapistId: treatingId,
        clinicId: leeds,
        version: 1,
      });
      expect(JSON.stringify(event)).not.toMatch(/painBefore|notes|contract_relax|Lower back/);

      expect(await auditRows(app, { recordId: created.id })).toEqual([
        expect.objectContaining({
          actor_role: 'therapist',
          client_id: clientId,
          clinic_id: leeds,
          record_type: 'session_record',
          action: 'create',
        }),
      ]);
    });

    it('refuses a second record for the booking and points to amendSessionRecord', async () => {
      const { bookingId } = await clientWithBooking();
      const first = await record(bookingId);
      const footprint = await careFootprint(app);
      const again = await app.gql(RECORD, { bookingId, input: sessionInput() }, treating);
      expect(errorCodes(again)).toEqual(['SESSION_ALREADY_RECORDED']);
      expect(again.errors?.[0]?.message).toContain(first.id);
      expect(again.errors?.[0]?.message).toContain('amendSessionRecord');
      expect(await careFootprint(app)).toBe(footprint);
    });

    it.each([
      ['pain before 11', { painBefore: 11 }, 'INVALID_PAIN_SCORE'],
      ['pain after -1', { painAfter: -1 }, 'INVALID_PAIN_SCORE'],
      [
        'an unknown joint',
        { rangeOfMotion: [{ joint: 'toe', movement: 'flexion', side: 'left', degrees: 10 }] },
        'INVALID_RANGE_OF_MOTION',
      ],
      [
        '400 degrees',
        { rangeOfMotion: [{ joint: 'hip', movement: 'flexion', side: 'left', degrees: 400 }] },
        'INVALID_RANGE_OF_MOTION',
      ],
      ['an unknown technique', { techniques: ['cupping'] }, 'INVALID_TECHNIQUE'],
    ])('rejects %s and writes nothing', async (_label, change, code) => {
      const { bookingId } = await clientWithBooking();
      const footprint = await careFootprint(app);
      const result = await app.gql(RECORD, { bookingId, input: sessionInput(change) }, treating);
      expect(errorCodes(result)).toEqual([code]);
      expect(await careFootprint(app)).toBe(footprint);
    });

    it('refuses an unknown booking and a malformed id', async () => {
      const footprint = await careFootprint(app);
      expect(
        errorCodes(
          await app.gql(RECORD, { bookingId: randomUUID(), input: sessionInput() }, treating),
        ),
      ).toEqual(['BOOKING_NOT_FOUND']);
      expect(
        errorCodes(await app.gql(RECORD, { bookingId: 'b-1', input: sessionInput() }, treating)),
      ).toEqual(['INVALID_BOOKING_ID']);
      expect(await careFootprint(app)).toBe(footprint);
    });

    it('refuses a cancelled booking', async () => {
      const clientId = await insertTestClient(app.dataSource, { clinicIds: [leeds] });
      await linkTestTherapist(app.dataSource, {
        clientId,
        therapistId: treatingId,
        clinicId: leeds,
        status: 'treated',
      });
      const cancelled = await linkTestTherapist(app.dataSource, {
        clientId,
        therapistId: treatingId,
        clinicId: leeds,
        status: 'released',
      });
      const result = await app.gql(
        RECORD,
        { bookingId: cancelled, input: sessionInput() },
        treating,
      );
      expect(errorCodes(result)).toEqual(['BOOKING_NOT_TREATABLE']);
    });

    it.each(['held', 'confirmed'] as const)(
      'refuses a %s booking that has not taken place yet, writing nothing',
      async (status) => {
        const clientId = await insertTestClient(app.dataSource, { clinicIds: [leeds] });
        const booking = bookingState({ clientId, therapistId: treatingId, clinicId: leeds });
        const sent = await app.publish(status === 'held' ? BookingHeldV1 : BookingConfirmedV1, {
          aggregateId: booking.bookingId,
          clinicId: leeds,
          data: { ...booking, status },
        });
        await handled(app.dataSource, sent.eventId);
        const footprint = await careFootprint(app);
        const result = await app.gql(
          RECORD,
          { bookingId: booking.bookingId, input: sessionInput() },
          treating,
        );
        expect(errorCodes(result)).toEqual(['BOOKING_NOT_STARTED']);
        expect(result.errors?.[0]?.message).toMatch(/checked in or the booking is completed/);
        expect(await careFootprint(app)).toBe(footprint);
      },
    );

    it('records a booking once the client checked in', async () => {
      const clientId = await insertTestClient(app.dataSource, { clinicIds: [leeds] });
      const booking = bookingState({ clientId, therapistId: treatingId, clinicId: leeds });
      const sent = await app.publish(BookingCheckedInV1, {
        aggregateId: booking.bookingId,
        clinicId: leeds,
        data: { ...booking, status: 'checked_in' },
      });
      await handled(app.dataSource, sent.eventId);
      const created = await record(booking.bookingId);
      expect(created).toMatchObject({ status: 'recorded', sessionDate: '2026-03-30' });
    });

    it('fills the open record a concurrent booking.completed inserted meanwhile', async () => {
      const { clientId, bookingId } = await clientWithBooking();
      const openedId = randomUUID();
      const runner = app.dataSource.createQueryRunner();
      await runner.connect();
      await runner.startTransaction();
      try {
        // The consumer's insert, not committed yet when recordSession looks and inserts.
        await runner.query(
          `INSERT INTO session_record (id, booking_id, client_id, therapist_id, clinic_id,
                  session_date, started_at, status, current_version)
           VALUES ($1, $2, $3, $4, $5, '2026-03-30', '2026-03-30T09:00:00Z', 'open', 0)`,
          [openedId, bookingId, clientId, treatingId, leeds],
        );
        const pending = app.gql<{ recordSession: SessionView }>(
          RECORD,
          { bookingId, input: sessionInput() },
          treating,
        );
        await waitForBlockedInsert();
        await runner.commitTransaction();
        const written = await pending;
        expect(written.errors).toBeUndefined();
        expect(written.data?.recordSession).toMatchObject({
          id: openedId,
          status: 'recorded',
          current: { version: 1 },
        });
      } finally {
        if (runner.isTransactionActive) {
          await runner.rollbackTransaction();
        }
        await runner.release();
      }
    });

    it('lets exactly one of two concurrent recordSession calls write version 1', async () => {
      for (const opened of [false, true]) {
        const { clientId, bookingId } = await clientWithBooking();
        if (opened) {
          await app.dataSource.query(
            `INSERT INTO session_record (id, booking_id, client_id, therapist_id, clinic_id,
                    session_date, started_at, status, current_version)
             VALUES ($1, $2, $3, $4, $5, '2026-03-30', '2026-03-30T09:00:00Z', 'open', 0)`,
            [randomUUID(), bookingId, clientId, treatingId, leeds],
          );
        }
        const results = await Promise.all(
          [1, 2].map(() => app.gql(RECORD, { bookingId, input: sessionInput() }, treating)),
        );
        expect(results.map((result) => errorCodes(result)[0] ?? 'OK').sort()).toEqual([
          'OK',
          'SESSION_ALREADY_RECORDED',
        ]);
        const versions = await app.dataSource.query<{ count: string }[]>(
          `SELECT count(*) FROM session_record_version v JOIN session_record r ON r.id = v.record_id
            WHERE r.booking_id = $1`,
          [bookingId],
        );
        expect(versions).toEqual([{ count: '1' }]);
      }
    });

    it('refuses a therapist who does not treat the client, saying why, and writes nothing', async () => {
      const { bookingId } = await clientWithBooking();
      const footprint = await careFootprint(app);
      const result = await app.gql(RECORD, { bookingId, input: sessionInput() }, otherTherapist);
      expect(errorCodes(result)).toEqual(['FORBIDDEN']);
      expect(result.errors?.[0]?.message).toMatch(/have not treated client/);
      expect(await careFootprint(app)).toBe(footprint);
    });

    it("refuses a therapist of the client who is not this booking's therapist", async () => {
      const { clientId, bookingId } = await clientWithBooking();
      await linkTestTherapist(app.dataSource, {
        clientId,
        therapistId: otherTherapistId,
        clinicId: leeds,
      });
      const result = await app.gql(RECORD, { bookingId, input: sessionInput() }, otherTherapist);
      expect(errorCodes(result)).toEqual(['FORBIDDEN']);
      expect(result.errors?.[0]?.message).toMatch(/only its therapist may write/);
    });

    it('refuses reception, managers, head office, integrators and the client', async () => {
      const { clientId, bookingId } = await clientWithBooking();
      const self = await app.token({ role: 'client', clientId });
      const footprint = await careFootprint(app);
      for (const token of [
        receptionist,
        leedsManager,
        yorkManager,
        clinicalLead,
        integrator,
        self,
      ]) {
        const result = await app.gql(RECORD, { bookingId, input: sessionInput() }, token);
        expect(errorCodes(result)).toEqual(['FORBIDDEN']);
      }
      expect(await careFootprint(app)).toBe(footprint);
    });
  });

  describe('amendSessionRecord', () => {
    it('adds version 2 with the reason and keeps the original', async () => {
      const { bookingId } = await clientWithBooking();
      const created = await record(bookingId);
      const amended = await app.gql<{ amendSessionRecord: SessionView }>(
        AMEND,
        {
          id: created.id,
          input: sessionInput({ painAfter: 2 }),
          reason: 'pain after was 2, not 4',
        },
        treating,
      );
      expect(amended.errors).toBeUndefined();
      expect(amended.data?.amendSessionRecord).toMatchObject({
        current: { version: 2, painAfter: 2, reason: 'pain after was 2, not 4' },
        versions: [
          { version: 1, painAfter: 4, reason: null },
          { version: 2, painAfter: 2, reason: 'pain after was 2, not 4' },
        ],
      });
      const event = await app.event(
        'session.recorded',
        (e) => e.aggregateId === created.id && (e.data as { version: number }).version === 2,
      );
      expect(event.data).toMatchObject({ sessionRecordId: created.id, version: 2 });
      expect((await auditRows(app, { recordId: created.id })).map((row) => row.action)).toEqual([
        'create',
        'amend',
      ]);
    });

    it('needs a reason, and only the treating therapist may amend', async () => {
      const { bookingId } = await clientWithBooking();
      const created = await record(bookingId);
      const footprint = await careFootprint(app);
      expect(
        errorCodes(
          await app.gql(AMEND, { id: created.id, input: sessionInput(), reason: '  ' }, treating),
        ),
      ).toEqual(['AMENDMENT_REASON_REQUIRED']);
      expect(
        errorCodes(
          await app.gql(
            AMEND,
            { id: created.id, input: sessionInput(), reason: 'typo' },
            leedsManager,
          ),
        ),
      ).toEqual(['FORBIDDEN']);
      // Another therapist may not see the client at all: the record id tells them nothing.
      expect(
        errorCodes(
          await app.gql(
            AMEND,
            { id: created.id, input: sessionInput(), reason: 'typo' },
            otherTherapist,
          ),
        ),
      ).toEqual(['SESSION_RECORD_NOT_FOUND']);
      expect(
        errorCodes(
          await app.gql(
            AMEND,
            { id: randomUUID(), input: sessionInput(), reason: 'typo' },
            treating,
          ),
        ),
      ).toEqual(['SESSION_RECORD_NOT_FOUND']);
      expect(await careFootprint(app)).toBe(footprint);
    });

    it('cannot change a version in the database: versions are append-only', async () => {
      const { bookingId } = await clientWithBooking();
      const created = await record(bookingId);
      await expect(
        app.dataSource.query(
          'UPDATE session_record_version SET pain_after = 0 WHERE record_id = $1',
          [created.id],
        ),
      ).rejects.toThrow(/permission denied/);
    });
  });

  describe('reads', () => {
    it('lists the latest versions and audits each record read', async () => {
      const { clientId, bookingId } = await clientWithBooking();
      const created = await record(bookingId);
      await app.gql(
        AMEND,
        { id: created.id, input: sessionInput({ painBefore: 6 }), reason: 'recount' },
        treating,
      );
      const list = await app.gql<{ sessionRecords: SessionView[] }>(
        LIST,
        { clientId },
        leedsManager,
      );
      expect(list.errors).toBeUndefined();
      expect(list.data?.sessionRecords).toEqual([
        expect.objectContaining({
          id: created.id,
          current: expect.objectContaining({ version: 2, painBefore: 6 }) as unknown,
          versions: null,
        }),
      ]);
      const reads = (await auditRows(app, { recordId: created.id })).filter(
        (row) => row.action === 'read',
      );
      expect(reads).toEqual([
        expect.objectContaining({ actor_role: 'clinic_manager', record_type: 'session_record' }),
      ]);
    });

    it('shows one record with every version to the client themself, audited', async () => {
      const { clientId, bookingId } = await clientWithBooking();
      const created = await record(bookingId);
      const self = await app.token({ role: 'client', clientId, subject: `client-${clientId}` });
      const one = await app.gql<{ sessionRecord: SessionView }>(ONE, { id: created.id }, self);
      expect(one.errors).toBeUndefined();
      expect(one.data?.sessionRecord.versions).toHaveLength(1);
      expect(await auditRows(app, { recordId: created.id })).toContainEqual(
        expect.objectContaining({ actor_subject: `client-${clientId}`, action: 'read' }),
      );
    });

    it('refuses clinical reads to reception, another clinic, another client and integrators, with no audit row', async () => {
      const { clientId, bookingId } = await clientWithBooking();
      const created = await record(bookingId);
      const stranger = await app.token({ role: 'client', clientId: randomUUID() });
      const footprint = await careFootprint(app);
      for (const token of [receptionist, yorkManager, stranger, integrator, otherTherapist]) {
        expect(errorCodes(await app.gql(LIST, { clientId }, token))).toEqual(['FORBIDDEN']);
        expect(errorCodes(await app.gql(ONE, { id: created.id }, token))).toEqual([
          'SESSION_RECORD_NOT_FOUND',
        ]);
      }
      expect(await careFootprint(app)).toBe(footprint);
    });

    it('answers a record id the caller may not see exactly as a missing one, naming no client', async () => {
      const { clientId, bookingId } = await clientWithBooking();
      const created = await record(bookingId);
      const missing = randomUUID();
      const asMissing = await app.gql(ONE, { id: missing }, yorkManager);
      for (const token of [yorkManager, otherTherapist, receptionist]) {
        for (const [query, variables] of [
          [ONE, { id: created.id }],
          [AMEND, { id: created.id, input: sessionInput(), reason: 'typo' }],
        ] as const) {
          const denied = await app.gql(query, variables, token);
          expect(errorCodes(denied)).toEqual(['SESSION_RECORD_NOT_FOUND']);
          expect(denied.errors?.[0]?.message).toBe(
            asMissing.errors?.[0]?.message.replace(missing, created.id),
          );
          expect(JSON.stringify(denied.errors)).not.toContain(clientId);
        }
      }
    });
  });

  describe('subject data', () => {
    it('exports every version, keeps records at erasure, gives the last treatment date and purges', async () => {
      const clientId = await insertTestClient(app.dataSource, { clinicIds: [leeds] });
      const early = await linkTestTherapist(app.dataSource, {
        clientId,
        therapistId: treatingId,
        clinicId: leeds,
        status: 'treated',
        startsAt: new Date('2026-01-05T09:00:00Z'),
      });
      const late = await linkTestTherapist(app.dataSource, {
        clientId,
        therapistId: treatingId,
        clinicId: leeds,
        status: 'treated',
        startsAt: new Date('2026-02-09T09:00:00Z'),
      });
      const first = await record(early);
      await record(late);
      await app.gql(AMEND, { id: first.id, input: sessionInput(), reason: 'typo' }, treating);
      const section = new SessionRecordsSubjectData(new SessionRecordsRepository());
      await app.dataSource.transaction(async (tx) => {
        const exported = (await section.exportFor(tx, clientId)) as {
          id: string;
          versions: unknown[];
        }[];
        expect(exported.map((entry) => [entry.id, entry.versions.length])).toEqual([
          [expect.any(String), 1],
          [first.id, 2],
        ]);
        await section.erasePersonalDetails();
        expect(await section.lastTreatmentOn(tx, clientId)).toBe('2026-02-09');
        await section.purge(tx, clientId);
        expect(await section.exportFor(tx, clientId)).toEqual([]);
        expect(await section.lastTreatmentOn(tx, clientId)).toBeNull();
      });
    });
  });
});
