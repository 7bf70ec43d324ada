import { randomUUID } from 'node:crypto';
import {
  BookingCompletedV1,
  BookingConfirmedV1,
  BookingRescheduledV1,
  BookingState,
  TOPICS,
} from '@app/contracts';
import { ServiceTestApp, startServiceTestApp } from '@app/platform/test-support/service-test-app';
import { insertTestClient } from '../access/test-support/client-fixtures';
import { clientRecordDefinition } from '../client-record.definition';
import type { SubjectAccessDocument } from '../gdpr/domain/subject-access-document';
import type { RetentionPurgeJob } from '../gdpr/retention-purge.job';
import {
  clientRecordWithTestSection,
  GdprTestHandles,
  TestSubjectDataSection,
} from '../gdpr/test-support/test-subject-data';
import { bookingState, errorCodes } from '../session-records/test-support/care-fixtures';
import { BookingProjectionRepository } from './booking-projection.repository';
import { BookingsSubjectData } from './bookings.subject-data';
import { handled, publishBookingEventAt } from './test-support/booking-events';

const EXPORT = `query($clientId: ID!) { subjectAccessExport(clientId: $clientId) }`;
const ERASE = `mutation($clientId: ID!) {
  requestErasure(clientId: $clientId) { lastTreatmentOn retentionRule retentionUntil } }`;
const SESSIONS = `query($clientId: ID!) { sessionRecords(clientId: $clientId) { id bookingId status } }`;

interface Footprint {
  projection: string;
  care: string;
  sessions: string;
}

describe('client-record booking events', () => {
  const handles: GdprTestHandles = {};
  const leeds = randomUUID();
  const treatingId = randomUUID();
  const previousId = randomUUID();
  let app: ServiceTestApp;
  let headOffice: string;
  let treating: string;
  let previous: string;

  beforeAll(async () => {
    app = await startServiceTestApp(
      clientRecordDefinition,
      clientRecordWithTestSection(new TestSubjectDataSection(), handles),
      { watchTopics: [TOPICS.clientRecord] },
    );
    headOffice = await app.token({ role: 'head_office_admin' });
    treating = await app.token({ role: 'therapist', therapistId: treatingId, clinicIds: [leeds] });
    previous = await app.token({ role: 'therapist', therapistId: previousId, clinicIds: [leeds] });
  });

  afterAll(async () => {
    await app.close();
  });

  function job(): RetentionPurgeJob {
    if (handles.job === undefined) {
      throw new Error('the purge job was not handed out');
    }
    return handles.job;
  }

  /** Publishes booking.<status> (occurredAt now) and waits until the consumer handled it. */
  async function deliver(status: 'confirmed' | 'completed', booking: BookingState): Promise<void> {
    const target = { aggregateId: booking.bookingId, clinicId: booking.clinicId };
    const envelope =
      status === 'completed'
        ? await app.publish(BookingCompletedV1, { ...target, data: { ...booking, status } })
        : await app.publish(BookingConfirmedV1, { ...target, data: { ...booking, status } });
    await handled(app.dataSource, envelope.eventId);
  }

  /** What client-record holds on the client's bookings. */
  async function footprint(clientId: string): Promise<Footprint> {
    const rows = await app.dataSource.query<Footprint[]>(
      `SELECT (SELECT count(*) FROM booking_projection WHERE client_id = $1) AS projection,
              (SELECT count(*) FROM care_relationship WHERE client_id = $1) AS care,
              (SELECT count(*) FROM session_record WHERE client_id = $1) AS sessions`,
      [clientId],
    );
    return rows[0];
  }

  async function statuses(bookingId: string): Promise<{ care?: string; projection?: string }> {
    const rows = await app.dataSource.query<{ care: string | null; projection: string | null }[]>(
      `SELECT (SELECT status FROM care_relationship WHERE booking_id = $1) AS care,
              (SELECT status FROM booking_projection WHERE booking_id = $1) AS projection`,
      [bookingId],
    );
    return { care: rows[0]?.care ?? undefined, projection: rows[0]?.projection ?? undefined };
  }

  async function erase(
    clientId: string,
  ): Promise<{ lastTreatmentOn: string | null; retentionUntil: string }> {
    const res = await app.gql<{
      requestErasure: { lastTreatmentOn: string | null; retentionUntil: string };
    }>(ERASE, { clientId }, headOffice);
    expect(res.errors).toBeUndefined();
    return res.data!.requestErasure;
  }

  describe('the bookings subject-data section', () => {
    it('exports the booking projection, dates the last treatment from it, and the purge deletes it', async () => {
      const clientId = await insertTestClient(app.dataSource, { clinicIds: [leeds] });
      const booking = bookingState({
        clientId,
        therapistId: treatingId,
        clinicId: leeds,
        startsAt: '2026-03-30T23:30:00.000Z',
        endsAt: '2026-03-31T00:30:00.000Z',
        localStart: '2026-03-31T00:30',
        localEnd: '2026-03-31T01:30',
      });
      await deliver('confirmed', booking);
      await deliver('completed', booking);

      const exported = await app.gql<{ subjectAccessExport: SubjectAccessDocument }>(
        EXPORT,
        { clientId },
        headOffice,
      );
      expect(exported.errors).toBeUndefined();
      expect(exported.data?.subjectAccessExport.sections).toContain('bookings');
      expect(exported.data?.subjectAccessExport.data['bookings']).toEqual([
        {
          bookingId: booking.bookingId,
          therapistId: treatingId,
          clinicId: leeds,
          treatmentId: booking.treatmentId,
          status: 'completed',
          startsAt: '2026-03-30T23:30:00.000Z',
          endsAt: '2026-03-31T00:30:00.000Z',
          localStart: '2026-03-31T00:30',
          timezone: 'Europe/London',
        },
      ]);
      // The clinic-local day of the completed booking (the UTC day is the 30th).
      const section = new BookingsSubjectData(new BookingProjectionRepository());
      await app.dataSource.transaction(async (tx) => {
        expect(await section.lastTreatmentOn(tx, clientId)).toBe('2026-03-31');
      });

      const erasure = await erase(clientId);
      expect(erasure).toMatchObject({
        lastTreatmentOn: '2026-03-31',
        retentionUntil: '2034-03-31',
      });
      expect(await footprint(clientId)).toEqual({ projection: '1', care: '1', sessions: '1' });

      const run = await job().runFor(erasure.retentionUntil);
      expect(run.purged).toContain(clientId);
      expect(await footprint(clientId)).toEqual({ projection: '0', care: '0', sessions: '0' });
    });
  });

  describe('events for an erased or purged client', () => {
    it('drops a late or redelivered event for a purged client: nothing is recreated', async () => {
      const clientId = await insertTestClient(app.dataSource, { clinicIds: [leeds] });
      const booking = bookingState({ clientId, therapistId: treatingId, clinicId: leeds });
      await deliver('confirmed', booking);
      const erasure = await erase(clientId);
      const run = await job().runFor(erasure.retentionUntil);
      expect(run.purged).toContain(clientId);
      expect(await footprint(clientId)).toEqual({ projection: '0', care: '0', sessions: '0' });

      await deliver('completed', booking);
      await deliver('confirmed', { ...booking, bookingId: randomUUID() });
      expect(await footprint(clientId)).toEqual({ projection: '0', care: '0', sessions: '0' });
    });

    it('moves only the status for an erased client: no session record, no new booking', async () => {
      const clientId = await insertTestClient(app.dataSource, { clinicIds: [leeds] });
      const booking = bookingState({ clientId, therapistId: treatingId, clinicId: leeds });
      await deliver('confirmed', booking);
      await erase(clientId);

      await deliver('completed', booking);
      expect(await statuses(booking.bookingId)).toEqual({
        care: 'treated',
        projection: 'completed',
      });
      const another = { ...booking, bookingId: randomUUID() };
      await deliver('confirmed', another);
      expect(await statuses(another.bookingId)).toEqual({});
      expect(await footprint(clientId)).toEqual({ projection: '1', care: '1', sessions: '0' });
    });

    it('keeps the booking of a client not registered here (yet)', async () => {
      const clientId = randomUUID();
      const booking = bookingState({ clientId, therapistId: treatingId, clinicId: leeds });
      await deliver('confirmed', booking);
      expect(await statuses(booking.bookingId)).toEqual({
        care: 'booked',
        projection: 'confirmed',
      });
    });
  });

  describe('out-of-order events', () => {
    it('keeps the treating therapist when a stale reschedule to another therapist arrives after completion', async () => {
      const clientId = await insertTestClient(app.dataSource, { clinicIds: [leeds] });
      const booking = bookingState({ clientId, therapistId: treatingId, clinicId: leeds });
      const completedAt = new Date();
      const completed = await publishBookingEventAt(
        BookingCompletedV1,
        {
          aggregateId: booking.bookingId,
          clinicId: leeds,
          data: { ...booking, status: 'completed' },
        },
        completedAt,
      );
      await handled(app.dataSource, completed.eventId);
      // Rescheduled (from the previous therapist) an hour earlier, delivered late.
      const stale = await publishBookingEventAt(
        BookingRescheduledV1,
        {
          aggregateId: booking.bookingId,
          clinicId: leeds,
          data: {
            ...booking,
            therapistId: previousId,
            startsAt: '2026-03-29T09:00:00.000Z',
            endsAt: '2026-03-29T10:00:00.000Z',
            localStart: '2026-03-29T10:00',
            localEnd: '2026-03-29T11:00',
            status: 'confirmed',
            previousStartsAt: booking.startsAt,
            previousEndsAt: booking.endsAt,
            previousLocalStart: booking.localStart,
            previousLocalEnd: booking.localEnd,
            previousTherapistId: treatingId,
          },
        },
        new Date(completedAt.getTime() - 3_600_000),
      );
      await handled(app.dataSource, stale.eventId);

      const rows = await app.dataSource.query<
        { therapist_id: string; status: string; starts_at: Date; last_event_at: Date }[]
      >(
        'SELECT therapist_id, status, starts_at, last_event_at FROM care_relationship WHERE booking_id = $1',
        [booking.bookingId],
      );
      expect(rows).toEqual([
        {
          therapist_id: treatingId,
          status: 'treated',
          starts_at: new Date(booking.startsAt),
          last_event_at: completedAt,
        },
      ]);
      const mine = await app.gql<{ sessionRecords: { bookingId: string }[] }>(
        SESSIONS,
        { clientId },
        treating,
      );
      expect(mine.errors).toBeUndefined();
      expect(mine.data?.sessionRecords).toEqual([
        expect.objectContaining({ bookingId: booking.bookingId, status: 'open' }),
      ]);
      expect(errorCodes(await app.gql(SESSIONS, { clientId }, previous))).toEqual(['FORBIDDEN']);
    });
  });
});
