import { randomUUID } from 'node:crypto';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import {
  CarePlanCreatedV1,
  CarePlanUpdatedV1,
  CertificationRecordedV1,
  CertificationRevokedV1,
  CertificationVerifiedV1,
  ClientErasedV1,
  ClinicHoursChangedV1,
  ClinicOpenedV1,
  ClinicStatusChangedV1,
  ClinicUpdatedV1,
  EligibilityChangedV1,
  RoomAddedV1,
  RoomRetiredV1,
  TherapistAssignedV1,
  TherapistJoinedV1,
  TherapistLeftV1,
  TherapistUnassignedV1,
  TherapistUpdatedV1,
  TimeOffApprovedV1,
  TimeOffCancelledV1,
  TOPICS,
  WorkingPatternChangedV1,
} from '@app/contracts';
import { KafkaJsMessageBus, MessageBus } from '@app/messaging';
import { ServiceTestApp, startServiceTestApp } from '@app/platform/test-support/service-test-app';
import { testInfra } from '@app/testing';
import { bookingDefinition } from '../booking.definition';
import { BookingModule } from '../booking.module';
import { ProjectionRebuildModule } from './rebuild/projection-rebuild.module';
import { ProjectionRebuildService } from './rebuild/projection-rebuild.service';
import {
  certificationState,
  CLOSED_WEEK,
  minutesAgo,
  ProjectionEvents,
  shift,
  therapistState,
} from './test-support/projection-events';

type Row = Record<string, unknown>;

describe('booking projections from roster and client-record events', () => {
  let app: ServiceTestApp;
  let bus: MessageBus;
  let events: ProjectionEvents;
  /** Every id this suite creates, per projection table: the rebuild is compared on these. */
  const created = {
    clinics: new Set<string>(),
    rooms: new Set<string>(),
    therapists: new Set<string>(),
    certifications: new Set<string>(),
    timeOff: new Set<string>(),
    clients: new Set<string>(),
    carePlans: new Set<string>(),
  };

  beforeAll(async () => {
    app = await startServiceTestApp(bookingDefinition, BookingModule.forRoot, {
      watchTopics: [TOPICS.booking],
    });
    bus = new KafkaJsMessageBus({
      brokers: testInfra().kafkaBrokers,
      clientId: 'booking-projection-test',
    });
    events = new ProjectionEvents(bus, app.dataSource);
  });

  afterAll(async () => {
    await bus?.close();
    await app?.close();
  });

  async function rows(sql: string, ...params: unknown[]): Promise<Row[]> {
    return app.dataSource.query<Row[]>(sql, params);
  }

  async function openClinic(name: string): Promise<{ clinicId: string; roomId: string }> {
    const clinicId = randomUUID();
    const roomId = randomUUID();
    created.clinics.add(clinicId);
    created.rooms.add(roomId);
    await events.deliver(ClinicOpenedV1, {
      aggregateId: clinicId,
      clinicId,
      data: {
        clinicId,
        code: `T${clinicId.slice(0, 6).toUpperCase()}`,
        name,
        timezone: 'Europe/London',
        status: 'opening',
        address: { line1: '1 Park Row', line2: null, city: 'Leeds', postcode: 'LS1 5HD' },
        weeklyHours: {
          ...CLOSED_WEEK,
          monday: [{ start: '09:00', end: '17:00' }],
          saturday: [{ start: '09:00', end: '13:00' }],
        },
        hoursExceptions: [{ date: '2026-04-03', ranges: [], reason: 'Good Friday' }],
        rooms: [
          {
            roomId,
            name: 'Room 1',
            status: 'active',
            addedAt: '2026-03-01T09:00:00.000Z',
            retiredAt: null,
          },
        ],
      },
    });
    return { clinicId, roomId };
  }

  async function joinTherapist(clinicIds: string[]) {
    const state = therapistState({ clinicIds });
    created.therapists.add(state.therapistId);
    await events.deliver(TherapistJoinedV1, {
      aggregateId: state.therapistId,
      clinicId: clinicIds[0] ?? null,
      data: state,
    });
    return state;
  }

  describe('clinics and rooms', () => {
    it('projects a clinic with its hours, exceptions and rooms from clinic.opened', async () => {
      const { clinicId, roomId } = await openClinic('Leeds');
      const [clinic] = await rows(`SELECT * FROM clinic_projection WHERE id = $1`, clinicId);
      expect(clinic).toMatchObject({
        name: 'Leeds',
        timezone: 'Europe/London',
        status: 'opening',
        weekly_hours: expect.objectContaining({ monday: [{ start: '09:00', end: '17:00' }] }),
        hours_exceptions: [{ date: '2026-04-03', ranges: [], reason: 'Good Friday' }],
      });
      expect(
        await rows(`SELECT name, status FROM clinic_room_projection WHERE room_id = $1`, roomId),
      ).toEqual([{ name: 'Room 1', status: 'active' }]);
    });

    it('follows hours, status and room changes', async () => {
      const { clinicId, roomId } = await openClinic('York');
      await events.deliver(ClinicHoursChangedV1, {
        aggregateId: clinicId,
        clinicId,
        data: {
          clinicId,
          timezone: 'Europe/London',
          weeklyHours: { ...CLOSED_WEEK, tuesday: [{ start: '10:00', end: '18:00' }] },
          hoursExceptions: [],
        },
      });
      await events.deliver(ClinicStatusChangedV1, {
        aggregateId: clinicId,
        clinicId,
        data: { clinicId, code: 'YRK', from: 'opening', to: 'active' },
      });
      const room2 = randomUUID();
      created.rooms.add(room2);
      await events.deliver(RoomAddedV1, {
        aggregateId: clinicId,
        clinicId,
        data: { clinicId, roomId: room2, name: 'Room 2', addedAt: new Date().toISOString() },
      });
      await events.deliver(RoomRetiredV1, {
        aggregateId: clinicId,
        clinicId,
        data: { clinicId, roomId, name: 'Room 1', retiredAt: new Date().toISOString() },
      });

      const [clinic] = await rows(`SELECT * FROM clinic_projection WHERE id = $1`, clinicId);
      expect(clinic).toMatchObject({
        status: 'active',
        weekly_hours: { ...CLOSED_WEEK, tuesday: [{ start: '10:00', end: '18:00' }] },
        hours_exceptions: [],
      });
      expect(
        await rows(
          `SELECT name, status, retired_at IS NOT NULL AS retired FROM clinic_room_projection
           WHERE clinic_id = $1 ORDER BY name`,
          clinicId,
        ),
      ).toEqual([
        { name: 'Room 1', status: 'retired', retired: true },
        { name: 'Room 2', status: 'active', retired: false },
      ]);
    });
  });

  describe('therapists and certifications', () => {
    it('keeps status and clinic assignments from the full state of each event', async () => {
      const leeds = await openClinic('Leeds (therapists)');
      const york = await openClinic('York (therapists)');
      const therapist = await joinTherapist([leeds.clinicId]);
      const id = therapist.therapistId;
      await events.deliver(TherapistAssignedV1, {
        aggregateId: id,
        clinicId: york.clinicId,
        data: { ...therapist, clinicIds: [leeds.clinicId, york.clinicId], clinicId: york.clinicId },
      });
      expect(await rows(`SELECT clinic_ids FROM therapist_projection WHERE id = $1`, id)).toEqual([
        { clinic_ids: [leeds.clinicId, york.clinicId] },
      ]);
      await events.deliver(TherapistUnassignedV1, {
        aggregateId: id,
        clinicId: leeds.clinicId,
        data: { ...therapist, clinicIds: [york.clinicId], clinicId: leeds.clinicId },
      });
      await events.deliver(TherapistLeftV1, {
        aggregateId: id,
        clinicId: null,
        data: { ...therapist, clinicIds: [york.clinicId], status: 'left', leftOn: '2026-06-30' },
      });
      const [row] = await rows(
        `SELECT clinic_ids, status, to_char(left_on, 'YYYY-MM-DD') AS left_on, specialties
         FROM therapist_projection WHERE id = $1`,
        id,
      );
      expect(row).toEqual({
        clinic_ids: [york.clinicId],
        status: 'left',
        left_on: '2026-06-30',
        specialties: ['lower_back_pain', 'sciatica'],
      });
    });

    it('keeps each certification with its dates and status, revocation included', async () => {
      const { clinicId } = await openClinic('Leeds (certifications)');
      const therapist = await joinTherapist([clinicId]);
      const certification = certificationState(therapist.therapistId);
      created.certifications.add(certification.certificationId);
      const key = { aggregateId: certification.certificationId, clinicId: null };
      await events.deliver(CertificationRecordedV1, { ...key, data: certification });
      await events.deliver(CertificationVerifiedV1, {
        ...key,
        data: { ...certification, verified: true },
      });
      const [verified] = await rows(
        `SELECT type, verified, status, to_char(expires_on, 'YYYY-MM-DD') AS expires_on
         FROM certification_projection WHERE id = $1`,
        certification.certificationId,
      );
      expect(verified).toEqual({
        type: 'pnf_level_1',
        verified: true,
        status: 'valid',
        expires_on: '2027-06-01',
      });
      await events.deliver(CertificationRevokedV1, {
        ...key,
        data: { ...certification, verified: true, status: 'revoked', revokedOn: '2026-03-15' },
      });
      const [revoked] = await rows(
        `SELECT status, to_char(revoked_on, 'YYYY-MM-DD') AS revoked_on
         FROM certification_projection WHERE id = $1`,
        certification.certificationId,
      );
      expect(revoked).toEqual({ status: 'revoked', revoked_on: '2026-03-15' });
    });
  });

  describe('working patterns and time off', () => {
    it('replaces the whole pattern of a therapist at a clinic', async () => {
      const { clinicId } = await openClinic('Leeds (patterns)');
      const therapist = await joinTherapist([clinicId]);
      const monday = shift('monday', '09:00', '17:00');
      const wednesday = shift('wednesday', '12:00', '20:00');
      const key = { aggregateId: therapist.therapistId, clinicId };
      const base = {
        therapistId: therapist.therapistId,
        clinicId,
        timezone: 'Europe/London',
        changedFrom: '2026-03-02',
      };
      await events.deliver(WorkingPatternChangedV1, {
        ...key,
        data: { ...base, shifts: [monday, wednesday] },
      });
      const friday = shift('friday', '08:00', '14:00', '2026-04-06');
      await events.deliver(WorkingPatternChangedV1, {
        ...key,
        data: { ...base, changedFrom: '2026-04-06', shifts: [wednesday, friday] },
      });
      const [pattern] = await rows(
        `SELECT shifts, to_char(changed_from, 'YYYY-MM-DD') AS changed_from
         FROM working_pattern_projection WHERE therapist_id = $1 AND clinic_id = $2`,
        therapist.therapistId,
        clinicId,
      );
      expect(pattern).toEqual({ shifts: [wednesday, friday], changed_from: '2026-04-06' });
    });

    it('holds approved time off in UTC and takes it out again when cancelled', async () => {
      const { clinicId } = await openClinic('Leeds (time off)');
      const therapist = await joinTherapist([clinicId]);
      const timeOffId = randomUUID();
      created.timeOff.add(timeOffId);
      const period = {
        timeOffId,
        therapistId: therapist.therapistId,
        clinicIds: [clinicId],
        kind: 'holiday' as const,
        startsAt: '2026-04-06T08:00:00+01:00',
        endsAt: '2026-04-10T17:00:00+01:00',
      };
      const key = { aggregateId: therapist.therapistId, clinicId };
      await events.deliver(TimeOffApprovedV1, { ...key, data: period });
      const approved = `SELECT id FROM time_off_projection
        WHERE therapist_id = $1 AND status = 'approved' AND starts_at = '2026-04-06T07:00:00Z'`;
      expect(await rows(approved, therapist.therapistId)).toEqual([{ id: timeOffId }]);
      await events.deliver(TimeOffCancelledV1, { ...key, data: { ...period, wasApproved: true } });
      expect(await rows(approved, therapist.therapistId)).toEqual([]);
    });
  });

  describe('clients', () => {
    async function eligibility(
      clientId: string,
      clinicId: string,
      status: 'cleared' | 'gp_clearance_required',
    ) {
      return events.deliver(EligibilityChangedV1, {
        aggregateId: clientId,
        clinicId,
        data: {
          clientId,
          clinicIds: [clinicId],
          screeningId: randomUUID(),
          status,
          validUntil: '2027-03-01',
          cause: status === 'cleared' ? 'gp_clearance' : 'screening',
        },
      });
    }

    function carePlan(clientId: string, clinicId: string, version: number) {
      return {
        carePlanId: '',
        clientId,
        clinicId,
        version,
        status: 'active' as const,
        sessionsPerWeek: 2,
        weeks: 6,
        maintenanceEveryWeeks: 2,
        startsOn: '2026-03-30',
        preferredTherapistId: null,
      };
    }

    it('replaces eligibility, keeps the newest care plan and forgets an erased client', async () => {
      const clinicId = randomUUID();
      const clientId = randomUUID();
      created.clients.add(clientId);
      await eligibility(clientId, clinicId, 'gp_clearance_required');
      await eligibility(clientId, clinicId, 'cleared');
      expect(
        await rows(
          `SELECT status, cause, to_char(valid_until, 'YYYY-MM-DD') AS valid_until
           FROM client_eligibility_projection WHERE client_id = $1`,
          clientId,
        ),
      ).toEqual([{ status: 'cleared', cause: 'gp_clearance', valid_until: '2027-03-01' }]);

      const carePlanId = randomUUID();
      created.carePlans.add(carePlanId);
      await events.deliver(CarePlanCreatedV1, {
        aggregateId: carePlanId,
        clinicId,
        data: { ...carePlan(clientId, clinicId, 1), carePlanId },
      });
      await events.deliver(CarePlanUpdatedV1, {
        aggregateId: carePlanId,
        clinicId,
        data: { ...carePlan(clientId, clinicId, 2), carePlanId, sessionsPerWeek: 1 },
      });
      expect(
        await rows(
          `SELECT version, sessions_per_week FROM care_plan_projection WHERE id = $1`,
          carePlanId,
        ),
      ).toEqual([{ version: 2, sessions_per_week: 1 }]);

      await events.deliver(ClientErasedV1, {
        aggregateId: clientId,
        clinicId: null,
        data: {
          clientId,
          clinicIds: [clinicId],
          erasedAt: '2026-03-10T14:32:05.120Z',
          retentionUntil: '2034-01-20',
        },
      });
      expect(
        await rows(
          `SELECT to_char(retention_until, 'YYYY-MM-DD') AS retention_until
           FROM client_erasure_projection WHERE client_id = $1`,
          clientId,
        ),
      ).toEqual([{ retention_until: '2034-01-20' }]);
      await eligibility(clientId, clinicId, 'cleared');
      expect(
        await rows(`SELECT 1 FROM client_eligibility_projection WHERE client_id = $1`, clientId),
      ).toEqual([]);
      expect(
        await rows(`SELECT 1 FROM care_plan_projection WHERE client_id = $1`, clientId),
      ).toEqual([]);
    });
  });

  describe('out-of-order delivery', () => {
    it('ignores therapist, time-off and care-plan events older than the row', async () => {
      const { clinicId } = await openClinic('Leeds (out of order)');
      const other = randomUUID();
      const therapist = therapistState({ clinicIds: [clinicId, other] });
      created.therapists.add(therapist.therapistId);
      const key = { aggregateId: therapist.therapistId, clinicId };
      await events.deliver(
        TherapistUpdatedV1,
        { ...key, data: { ...therapist, changedFields: ['clinicIds'] } },
        minutesAgo(1),
      );
      await events.deliver(
        TherapistJoinedV1,
        { ...key, data: { ...therapist, clinicIds: [clinicId] } },
        minutesAgo(10),
      );
      expect(
        await rows(
          `SELECT clinic_ids FROM therapist_projection WHERE id = $1`,
          therapist.therapistId,
        ),
      ).toEqual([{ clinic_ids: [clinicId, other] }]);

      const timeOffId = randomUUID();
      created.timeOff.add(timeOffId);
      const period = {
        timeOffId,
        therapistId: therapist.therapistId,
        clinicIds: [clinicId],
        kind: 'training' as const,
        startsAt: '2026-05-01T08:00:00Z',
        endsAt: '2026-05-01T16:00:00Z',
      };
      await events.deliver(
        TimeOffCancelledV1,
        { ...key, data: { ...period, wasApproved: true } },
        minutesAgo(1),
      );
      await events.deliver(TimeOffApprovedV1, { ...key, data: period }, minutesAgo(5));
      expect(await rows(`SELECT status FROM time_off_projection WHERE id = $1`, timeOffId)).toEqual(
        [{ status: 'cancelled' }],
      );

      const carePlanId = randomUUID();
      const clientId = randomUUID();
      created.carePlans.add(carePlanId);
      const plan = {
        carePlanId,
        clientId,
        clinicId,
        status: 'active' as const,
        sessionsPerWeek: 2,
        weeks: 6,
        maintenanceEveryWeeks: null,
        startsOn: '2026-04-01',
        preferredTherapistId: therapist.therapistId,
      };
      await events.deliver(CarePlanUpdatedV1, {
        aggregateId: carePlanId,
        clinicId,
        data: { ...plan, version: 3, status: 'completed' },
      });
      await events.deliver(CarePlanUpdatedV1, {
        aggregateId: carePlanId,
        clinicId,
        data: { ...plan, version: 2 },
      });
      expect(
        await rows(`SELECT version, status FROM care_plan_projection WHERE id = $1`, carePlanId),
      ).toEqual([{ version: 3, status: 'completed' }]);
    });

    it('applies a late clinic status change but not the older full state that follows it', async () => {
      const { clinicId } = await openClinic('Leeds (late clinic events)');
      const key = { aggregateId: clinicId, clinicId };
      await events.deliver(
        ClinicHoursChangedV1,
        {
          ...key,
          data: {
            clinicId,
            timezone: 'Europe/London',
            weeklyHours: { ...CLOSED_WEEK, friday: [{ start: '07:00', end: '19:00' }] },
            hoursExceptions: [],
          },
        },
        new Date(Date.now() + 60_000),
      );
      await events.deliver(
        ClinicStatusChangedV1,
        { ...key, data: { clinicId, code: 'LDS', from: 'opening', to: 'active' } },
        new Date(Date.now() + 30_000),
      );
      await events.deliver(
        ClinicUpdatedV1,
        {
          ...key,
          data: {
            clinicId,
            code: 'LDS',
            name: 'Leeds renamed',
            timezone: 'Europe/London',
            status: 'opening',
            address: null,
            weeklyHours: CLOSED_WEEK,
            hoursExceptions: [],
            rooms: [],
          },
        },
        new Date(Date.now() + 10_000),
      );
      const [clinic] = await rows(
        `SELECT name, status, weekly_hours FROM clinic_projection WHERE id = $1`,
        clinicId,
      );
      expect(clinic).toEqual({
        name: 'Leeds renamed',
        status: 'active',
        weekly_hours: { ...CLOSED_WEEK, friday: [{ start: '07:00', end: '19:00' }] },
      });
    });
  });

  describe('rebuild-projections', () => {
    async function snapshot(): Promise<Record<string, Row[]>> {
      const ids = (set: Set<string>) => [...set];
      const query = async (table: string, where: string, order: string, list: string[]) =>
        (
          await rows(
            `SELECT * FROM ${table} WHERE ${where} = ANY($1::uuid[]) ORDER BY ${order}`,
            list,
          )
        ).map(({ projected_at: _projectedAt, ...row }) => row);
      return {
        clinics: await query('clinic_projection', 'id', 'id', ids(created.clinics)),
        rooms: await query('clinic_room_projection', 'room_id', 'room_id', ids(created.rooms)),
        therapists: await query('therapist_projection', 'id', 'id', ids(created.therapists)),
        certifications: await query(
          'certification_projection',
          'id',
          'id',
          ids(created.certifications),
        ),
        patterns: await query(
          'working_pattern_projection',
          'therapist_id',
          'therapist_id, clinic_id',
          ids(created.therapists),
        ),
        timeOff: await query('time_off_projection', 'id', 'id', ids(created.timeOff)),
        eligibility: await query(
          'client_eligibility_projection',
          'client_id',
          'client_id',
          ids(created.clients),
        ),
        carePlans: await query('care_plan_projection', 'id', 'id', ids(created.carePlans)),
        erasures: await query(
          'client_erasure_projection',
          'client_id',
          'client_id',
          ids(created.clients),
        ),
      };
    }

    it('replays both topics from the start into the same state the live consumers built', async () => {
      // A realistic sequence of its own, on top of what the suite published above.
      const { clinicId } = await openClinic('Harrogate (rebuild)');
      const therapist = await joinTherapist([clinicId]);
      await events.deliver(WorkingPatternChangedV1, {
        aggregateId: therapist.therapistId,
        clinicId,
        data: {
          therapistId: therapist.therapistId,
          clinicId,
          timezone: 'Europe/London',
          changedFrom: '2026-03-02',
          shifts: [shift('monday', '09:00', '17:00'), shift('saturday', '09:00', '13:00')],
        },
      });
      const clientId = randomUUID();
      created.clients.add(clientId);
      await events.deliver(EligibilityChangedV1, {
        aggregateId: clientId,
        clinicId,
        data: {
          clientId,
          clinicIds: [clinicId],
          screeningId: randomUUID(),
          status: 'cleared',
          validUntil: '2027-02-28',
          cause: 'screening',
        },
      });

      const before = await snapshot();
      expect(before.clinics.length).toBe(created.clinics.size);
      expect(before.therapists.length).toBe(created.therapists.size);
      expect(before.patterns.length).toBeGreaterThan(0);
      expect(before.erasures.length).toBe(1);

      // Damage the projection, so a rebuild that did nothing would not pass.
      await rows(`DELETE FROM therapist_projection WHERE id = $1`, therapist.therapistId);
      await rows(`UPDATE clinic_projection SET name = 'stale' WHERE id = $1`, clinicId);

      const rebuild: INestApplicationContext = await NestFactory.createApplicationContext(
        ProjectionRebuildModule.forRoot({
          databaseUrl: databaseUrlOf(app),
          kafkaBrokers: testInfra().kafkaBrokers,
          kafkaClientId: 'booking-projection-rebuild-test',
        }),
        { logger: false },
      );
      const progress: number[] = [];
      try {
        const report = await rebuild.get(ProjectionRebuildService).rebuild({
          progressEvery: 100,
          onProgress: (counts) =>
            progress.push(counts.reduce((sum, topic) => sum + topic.applied, 0)),
        });
        expect(report.topics.map((topic) => topic.topic).sort()).toEqual(
          [TOPICS.clientRecord, TOPICS.roster].sort(),
        );
        for (const topic of report.topics) {
          expect(topic.applied).toBeGreaterThan(0);
        }
        expect(report.failures).toEqual([]);
        expect(progress.length).toBeGreaterThan(0);
      } finally {
        await rebuild.close();
      }

      expect(await snapshot()).toEqual(before);
    });
  });
});

function databaseUrlOf(app: ServiceTestApp): string {
  const options = app.dataSource.options;
  if (!('url' in options) || typeof options.url !== 'string') {
    throw new Error('the test app has no database url');
  }
  return options.url;
}
