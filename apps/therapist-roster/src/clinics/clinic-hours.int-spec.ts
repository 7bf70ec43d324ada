import { randomUUID } from 'node:crypto';
import { envelopeSchema, TOPICS } from '@app/contracts';
import { ServiceTestApp, startServiceTestApp } from '@app/platform/test-support/service-test-app';
import { TherapistRosterModule } from '../therapist-roster.module';
import { therapistRosterDefinition } from '../therapist-roster.definition';
import {
  CLINIC_FIELDS,
  ClinicFactory,
  ClinicView,
  clinicFootprint,
  errorCodes,
  WEEKDAY_HOURS,
} from './test-support/clinic-factory';

const SET_HOURS = `mutation Set($input: SetOpeningHoursInput!) { setOpeningHours(input: $input) { ${CLINIC_FIELDS} } }`;
const ADD_EXCEPTION = `mutation Add($input: AddHoursExceptionInput!) { addHoursException(input: $input) { ${CLINIC_FIELDS} } }`;
const REMOVE_EXCEPTION = `mutation Remove($input: RemoveHoursExceptionInput!) { removeHoursException(input: $input) { ${CLINIC_FIELDS} } }`;

const SHORT_WEEK = {
  monday: [{ start: '08:00', end: '12:00' }],
  tuesday: [],
  wednesday: [
    { start: '14:00', end: '18:00' },
    { start: '08:00', end: '12:00' },
  ],
  thursday: [],
  friday: [{ start: '08:00', end: '24:00' }],
  saturday: [],
  sunday: [],
};

const CHRISTMAS = { date: '2026-12-25', ranges: [], reason: 'Christmas Day' };

describe('therapist-roster clinic opening hours', () => {
  let app: ServiceTestApp;
  let headOffice: string;
  let make: ClinicFactory;

  beforeAll(async () => {
    app = await startServiceTestApp(therapistRosterDefinition, TherapistRosterModule.forRoot, {
      watchTopics: [TOPICS.roster],
    });
    headOffice = await app.token({ role: 'head_office_admin' });
    make = new ClinicFactory(app, headOffice);
  });

  afterAll(async () => {
    await app.close();
  });

  describe('setOpeningHours', () => {
    it('replaces the weekly hours and publishes clinic.hours_changed with the full schedule', async () => {
      const clinic = await make.clinic({ hoursExceptions: [CHRISTMAS] });
      const result = await app.gql<{ setOpeningHours: ClinicView }>(
        SET_HOURS,
        { input: { clinicId: clinic.id, openingHours: SHORT_WEEK } },
        headOffice,
      );
      expect(result.errors).toBeUndefined();
      const sorted = {
        ...SHORT_WEEK,
        wednesday: [
          { start: '08:00', end: '12:00' },
          { start: '14:00', end: '18:00' },
        ],
      };
      expect(result.data?.setOpeningHours.openingHours).toEqual(sorted);

      const event = await app.event('clinic.hours_changed', (e) => e.aggregateId === clinic.id);
      expect(envelopeSchema.safeParse(event).success).toBe(true);
      expect(event).toMatchObject({ clinicId: clinic.id, actor: { role: 'head_office_admin' } });
      expect(event.data).toEqual({
        clinicId: clinic.id,
        timezone: 'Europe/London',
        weeklyHours: sorted,
        hoursExceptions: [CHRISTMAS],
      });
    });

    it.each([
      [
        'overlapping ranges',
        {
          monday: [
            { start: '09:00', end: '13:00' },
            { start: '12:30', end: '17:00' },
          ],
        },
        'monday: 09:00–13:00 overlaps 12:30–17:00',
      ],
      [
        'a range that ends before it starts',
        { tuesday: [{ start: '17:00', end: '09:00' }] },
        'ends before it starts',
      ],
      ['a time that is not HH:MM', { friday: [{ start: '9am', end: '17:00' }] }, 'use HH:MM'],
    ])('refuses %s with INVALID_OPENING_HOURS and writes nothing', async (_case, days, message) => {
      const clinic = await make.clinic();
      const before = await clinicFootprint(app, clinic.id);
      const result = await app.gql(
        SET_HOURS,
        { input: { clinicId: clinic.id, openingHours: { ...WEEKDAY_HOURS, ...days } } },
        headOffice,
      );
      expect(errorCodes(result)).toEqual(['INVALID_OPENING_HOURS']);
      expect(result.errors?.[0]?.message).toContain(message);
      expect(await clinicFootprint(app, clinic.id)).toBe(before);
    });

    it.each([
      ['the clinic manager of that clinic', 'clinic_manager'],
      ['a receptionist of that clinic', 'receptionist'],
      ['a clinical lead', 'clinical_lead'],
    ] as const)('refuses %s and writes nothing', async (_case, role) => {
      const clinic = await make.clinic();
      const token = await app.token({ role, clinicIds: [clinic.id] });
      const before = await clinicFootprint(app, clinic.id);
      const result = await app.gql(
        SET_HOURS,
        { input: { clinicId: clinic.id, openingHours: SHORT_WEEK } },
        token,
      );
      expect(errorCodes(result)).toEqual(['FORBIDDEN']);
      expect(await clinicFootprint(app, clinic.id)).toBe(before);
    });

    it('answers CLINIC_NOT_FOUND for an unknown clinic and CLINIC_CLOSED for a closed one', async () => {
      const unknown = await app.gql(
        SET_HOURS,
        { input: { clinicId: randomUUID(), openingHours: SHORT_WEEK } },
        headOffice,
      );
      expect(errorCodes(unknown)).toEqual(['CLINIC_NOT_FOUND']);

      const clinic = await make.clinic();
      await make.status(clinic.id, 'closed');
      const before = await clinicFootprint(app, clinic.id);
      const closed = await app.gql(
        SET_HOURS,
        { input: { clinicId: clinic.id, openingHours: SHORT_WEEK } },
        headOffice,
      );
      expect(errorCodes(closed)).toEqual(['CLINIC_CLOSED']);
      expect(await clinicFootprint(app, clinic.id)).toBe(before);
    });
  });

  describe('addHoursException', () => {
    it('adds a dated exception and publishes the full schedule', async () => {
      const clinic = await make.clinic({ hoursExceptions: [CHRISTMAS] });
      const eve = {
        date: '2026-12-24',
        ranges: [{ start: '09:00', end: '13:00' }],
        reason: 'Christmas Eve',
      };
      const result = await app.gql<{ addHoursException: ClinicView }>(
        ADD_EXCEPTION,
        { input: { clinicId: clinic.id, exception: eve } },
        headOffice,
      );
      expect(result.errors).toBeUndefined();
      expect(result.data?.addHoursException.hoursExceptions).toEqual([eve, CHRISTMAS]);

      const event = await app.event('clinic.hours_changed', (e) => e.aggregateId === clinic.id);
      expect(envelopeSchema.safeParse(event).success).toBe(true);
      expect(event.data).toEqual({
        clinicId: clinic.id,
        timezone: 'Europe/London',
        weeklyHours: WEEKDAY_HOURS,
        hoursExceptions: [eve, CHRISTMAS],
      });
    });

    it('refuses a second exception on the same date with HOURS_EXCEPTION_EXISTS and writes nothing', async () => {
      const clinic = await make.clinic({ hoursExceptions: [CHRISTMAS] });
      const before = await clinicFootprint(app, clinic.id);
      const result = await app.gql(
        ADD_EXCEPTION,
        {
          input: {
            clinicId: clinic.id,
            exception: {
              date: '2026-12-25',
              ranges: [{ start: '10:00', end: '12:00' }],
              reason: 'Open',
            },
          },
        },
        headOffice,
      );
      expect(errorCodes(result)).toEqual(['HOURS_EXCEPTION_EXISTS']);
      expect(result.errors?.[0]?.message).toContain(
        '2026-12-25 (Christmas Day: closed); remove it first',
      );
      expect(await clinicFootprint(app, clinic.id)).toBe(before);
    });

    it.each([
      ['an impossible date', { date: '2026-02-30', ranges: [], reason: 'x' }],
      ['no reason', { date: '2026-12-31', ranges: [], reason: ' ' }],
      [
        'overlapping ranges',
        {
          date: '2026-12-31',
          ranges: [
            { start: '09:00', end: '12:00' },
            { start: '11:00', end: '13:00' },
          ],
          reason: 'NYE',
        },
      ],
    ])('refuses %s with INVALID_HOURS_EXCEPTION and writes nothing', async (_case, exception) => {
      const clinic = await make.clinic();
      const before = await clinicFootprint(app, clinic.id);
      const result = await app.gql(
        ADD_EXCEPTION,
        { input: { clinicId: clinic.id, exception } },
        headOffice,
      );
      expect(errorCodes(result)).toEqual(['INVALID_HOURS_EXCEPTION']);
      expect(await clinicFootprint(app, clinic.id)).toBe(before);
    });

    it('refuses a clinic manager of that clinic and writes nothing', async () => {
      const clinic = await make.clinic();
      const manager = await app.token({ role: 'clinic_manager', clinicIds: [clinic.id] });
      const before = await clinicFootprint(app, clinic.id);
      const result = await app.gql(
        ADD_EXCEPTION,
        { input: { clinicId: clinic.id, exception: CHRISTMAS } },
        manager,
      );
      expect(errorCodes(result)).toEqual(['FORBIDDEN']);
      expect(await clinicFootprint(app, clinic.id)).toBe(before);
    });
  });

  describe('removeHoursException', () => {
    it('removes the exception for a date and publishes the full schedule', async () => {
      const boxing = { date: '2026-12-26', ranges: [], reason: 'Boxing Day' };
      const clinic = await make.clinic({ hoursExceptions: [CHRISTMAS, boxing] });
      const result = await app.gql<{ removeHoursException: ClinicView }>(
        REMOVE_EXCEPTION,
        { input: { clinicId: clinic.id, date: '2026-12-25' } },
        headOffice,
      );
      expect(result.errors).toBeUndefined();
      expect(result.data?.removeHoursException.hoursExceptions).toEqual([boxing]);

      const event = await app.event('clinic.hours_changed', (e) => e.aggregateId === clinic.id);
      expect(envelopeSchema.safeParse(event).success).toBe(true);
      expect(event.data).toMatchObject({ clinicId: clinic.id, hoursExceptions: [boxing] });
    });

    it('answers HOURS_EXCEPTION_NOT_FOUND for a date without one and writes nothing', async () => {
      const clinic = await make.clinic({ hoursExceptions: [CHRISTMAS] });
      const before = await clinicFootprint(app, clinic.id);
      const result = await app.gql(
        REMOVE_EXCEPTION,
        { input: { clinicId: clinic.id, date: '2026-12-26' } },
        headOffice,
      );
      expect(errorCodes(result)).toEqual(['HOURS_EXCEPTION_NOT_FOUND']);
      expect(await clinicFootprint(app, clinic.id)).toBe(before);
    });

    it('refuses a malformed date', async () => {
      const clinic = await make.clinic();
      const result = await app.gql(
        REMOVE_EXCEPTION,
        { input: { clinicId: clinic.id, date: '25/12/2026' } },
        headOffice,
      );
      expect(errorCodes(result)).toEqual(['INVALID_HOURS_EXCEPTION']);
    });

    it('refuses a receptionist of that clinic and writes nothing', async () => {
      const clinic = await make.clinic({ hoursExceptions: [CHRISTMAS] });
      const receptionist = await app.token({ role: 'receptionist', clinicIds: [clinic.id] });
      const before = await clinicFootprint(app, clinic.id);
      const result = await app.gql(
        REMOVE_EXCEPTION,
        { input: { clinicId: clinic.id, date: '2026-12-25' } },
        receptionist,
      );
      expect(errorCodes(result)).toEqual(['FORBIDDEN']);
      expect(await clinicFootprint(app, clinic.id)).toBe(before);
    });
  });
});
