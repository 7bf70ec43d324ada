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
  LEEDS_ADDRESS,
  uniqueClinicCode,
  WEEKDAY_HOURS,
} from './test-support/clinic-factory';

const OPEN = `mutation Open($input: OpenClinicInput!) { openClinic(input: $input) { ${CLINIC_FIELDS} } }`;
const UPDATE = `mutation Update($input: UpdateClinicInput!) { updateClinic(input: $input) { ${CLINIC_FIELDS} } }`;
const STATUS = `mutation Status($input: ChangeClinicStatusInput!) { changeClinicStatus(input: $input) { ${CLINIC_FIELDS} } }`;
const ONE = `query One($id: ID!) { clinic(id: $id) { ${CLINIC_FIELDS} } }`;

describe('therapist-roster clinic details and status', () => {
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

  async function clinicCount(code: string): Promise<number> {
    const rows = await app.dataSource.query<{ n: number }[]>(
      `SELECT (SELECT count(*) FROM clinic WHERE code = $1)::int +
              (SELECT count(*) FROM outbox WHERE envelope->'data'->>'code' = $1)::int AS n`,
      [code],
    );
    return rows[0]?.n ?? -1;
  }

  describe('openClinic', () => {
    it('opens a clinic with its address, contact, hours, exceptions and rooms', async () => {
      const code = uniqueClinicCode();
      const result = await app.gql<{ openClinic: ClinicView }>(
        OPEN,
        {
          input: {
            code,
            name: 'Leeds City',
            timezone: 'Europe/London',
            address: { ...LEEDS_ADDRESS, postcode: 'ls15ab' },
            contact: { phone: '0113 496 0000', email: 'Leeds@Example.com' },
            openingHours: WEEKDAY_HOURS,
            hoursExceptions: [
              { date: '2026-12-26', ranges: [], reason: 'Boxing Day' },
              { date: '2026-12-24', ranges: [{ start: '09:00', end: '13:00' }], reason: 'Eve' },
            ],
            rooms: ['Room 1', 'Room 2'],
          },
        },
        headOffice,
      );
      expect(result.errors).toBeUndefined();
      const clinic = result.data?.openClinic;
      expect(clinic).toMatchObject({
        code,
        status: 'opening',
        address: LEEDS_ADDRESS,
        contact: { phone: '0113 496 0000', email: 'leeds@example.com' },
        openingHours: WEEKDAY_HOURS,
        hoursExceptions: [
          { date: '2026-12-24', reason: 'Eve', ranges: [{ start: '09:00', end: '13:00' }] },
          { date: '2026-12-26', reason: 'Boxing Day', ranges: [] },
        ],
      });
      expect(clinic?.rooms.map((r) => [r.name, r.status])).toEqual([
        ['Room 1', 'active'],
        ['Room 2', 'active'],
      ]);

      const event = await app.event('clinic.opened', (e) => e.aggregateId === clinic?.id);
      expect(envelopeSchema.safeParse(event).success).toBe(true);
      expect(event.data).toMatchObject({
        clinicId: clinic?.id,
        code,
        timezone: 'Europe/London',
        status: 'opening',
        address: LEEDS_ADDRESS,
        weeklyHours: WEEKDAY_HOURS,
        hoursExceptions: [{ date: '2026-12-24' }, { date: '2026-12-26', ranges: [] }],
        rooms: [
          { name: 'Room 1', status: 'active', retiredAt: null },
          { name: 'Room 2', status: 'active', retiredAt: null },
        ],
      });
      expect(JSON.stringify(event.data)).not.toContain('0113');
      expect(event.data).not.toHaveProperty('contact');
    });

    it('opens a clinic without hours as closed every day, and without an address', async () => {
      const result = await app.gql<{ openClinic: ClinicView }>(
        OPEN,
        { input: { code: uniqueClinicCode(), name: 'Bare', timezone: 'Europe/London' } },
        headOffice,
      );
      expect(result.data?.openClinic).toMatchObject({
        address: null,
        contact: null,
        hoursExceptions: [],
        rooms: [],
        openingHours: {
          monday: [],
          tuesday: [],
          wednesday: [],
          thursday: [],
          friday: [],
          saturday: [],
          sunday: [],
        },
      });
    });

    it.each([
      [
        'a postcode that is not a UK one',
        { address: { ...LEEDS_ADDRESS, postcode: '90210' } },
        'INVALID_POSTCODE',
      ],
      [
        'an address without a city',
        { address: { ...LEEDS_ADDRESS, city: ' ' } },
        'INVALID_ADDRESS',
      ],
      ['a phone number that is not a UK one', { contact: { phone: '12' } }, 'INVALID_CONTACT'],
      ['a blank name', { name: '  ' }, 'INVALID_CLINIC_NAME'],
      [
        'overlapping hours',
        {
          openingHours: {
            ...WEEKDAY_HOURS,
            monday: [
              { start: '09:00', end: '13:00' },
              { start: '12:00', end: '18:00' },
            ],
          },
        },
        'INVALID_OPENING_HOURS',
      ],
      [
        'two exceptions on one date',
        {
          hoursExceptions: [
            { date: '2026-12-25', ranges: [], reason: 'Christmas' },
            { date: '2026-12-25', ranges: [], reason: 'Again' },
          ],
        },
        'INVALID_HOURS_EXCEPTION',
      ],
      ['two rooms with one name', { rooms: ['Room 1', 'room 1'] }, 'ROOM_NAME_TAKEN'],
    ])('refuses %s and writes nothing', async (_case, overrides, expected) => {
      const code = uniqueClinicCode();
      const result = await app.gql(
        OPEN,
        { input: { code, name: 'Bad', timezone: 'Europe/London', ...overrides } },
        headOffice,
      );
      expect(errorCodes(result)).toEqual([expected]);
      expect(result.errors?.[0]?.message).toMatch(/use|give|choose|must/);
      expect(await clinicCount(code)).toBe(0);
    });

    it('refuses a clinical lead, who reads but does not change clinics', async () => {
      const lead = await app.token({ role: 'clinical_lead' });
      const code = uniqueClinicCode();
      const result = await app.gql(
        OPEN,
        { input: { code, name: 'X', timezone: 'Europe/London' } },
        lead,
      );
      expect(errorCodes(result)).toEqual(['FORBIDDEN']);
      expect(await clinicCount(code)).toBe(0);
    });
  });

  describe('updateClinic', () => {
    it('changes the name, address and contact and publishes clinic.updated', async () => {
      const clinic = await make.clinic({ rooms: ['Room 1'] });
      const result = await app.gql<{ updateClinic: ClinicView }>(
        UPDATE,
        {
          input: {
            clinicId: clinic.id,
            name: ' Leeds  Headrow ',
            address: { line1: '20 The Headrow', city: 'Leeds', postcode: 'LS1 6PU' },
            contact: { email: 'headrow@example.com' },
          },
        },
        headOffice,
      );
      expect(result.errors).toBeUndefined();
      const updated = result.data?.updateClinic;
      expect(updated).toMatchObject({
        name: 'Leeds Headrow',
        address: { line1: '20 The Headrow', line2: null, city: 'Leeds', postcode: 'LS1 6PU' },
        contact: { phone: null, email: 'headrow@example.com' },
        openingHours: WEEKDAY_HOURS,
      });

      const event = await app.event('clinic.updated', (e) => e.aggregateId === clinic.id);
      expect(envelopeSchema.safeParse(event).success).toBe(true);
      expect(event).toMatchObject({
        clinicId: clinic.id,
        actor: { type: 'user', role: 'head_office_admin' },
        data: {
          clinicId: clinic.id,
          code: clinic.code,
          name: 'Leeds Headrow',
          status: 'opening',
          timezone: 'Europe/London',
          address: { line1: '20 The Headrow', postcode: 'LS1 6PU' },
          weeklyHours: WEEKDAY_HOURS,
          rooms: [{ roomId: clinic.rooms[0]?.id, name: 'Room 1', status: 'active' }],
        },
      });
      expect(JSON.stringify(event.data)).not.toContain('headrow@example.com');
    });

    it('removes the contact when given null and leaves the rest as it was', async () => {
      const clinic = await make.clinic({ contact: { phone: '0113 496 0000' } });
      const result = await app.gql<{ updateClinic: ClinicView }>(
        UPDATE,
        { input: { clinicId: clinic.id, contact: null } },
        headOffice,
      );
      expect(result.data?.updateClinic).toMatchObject({
        contact: null,
        name: clinic.name,
        address: clinic.address,
      });
    });

    it.each([
      ['an empty update', {}, 'EMPTY_CLINIC_UPDATE'],
      ['a bad postcode', { address: { ...LEEDS_ADDRESS, postcode: 'LS1' } }, 'INVALID_POSTCODE'],
      ['a bad email', { contact: { email: 'not-an-email' } }, 'INVALID_CONTACT'],
      ['a blank name', { name: '' }, 'INVALID_CLINIC_NAME'],
    ])('refuses %s and writes nothing', async (_case, change, expected) => {
      const clinic = await make.clinic();
      const before = await clinicFootprint(app, clinic.id);
      const result = await app.gql(
        UPDATE,
        { input: { clinicId: clinic.id, ...change } },
        headOffice,
      );
      expect(errorCodes(result)).toEqual([expected]);
      expect(await clinicFootprint(app, clinic.id)).toBe(before);
    });

    it.each([
      ['a clinic manager of that clinic', 'clinic_manager'],
      ['a clinical lead', 'clinical_lead'],
      ['a receptionist of that clinic', 'receptionist'],
    ] as const)('refuses %s and writes nothing', async (_case, role) => {
      const clinic = await make.clinic();
      const token = await app.token({ role, clinicIds: [clinic.id] });
      const before = await clinicFootprint(app, clinic.id);
      const result = await app.gql(UPDATE, { input: { clinicId: clinic.id, name: 'Mine' } }, token);
      expect(errorCodes(result)).toEqual(['FORBIDDEN']);
      expect(await clinicFootprint(app, clinic.id)).toBe(before);
    });

    it('answers CLINIC_NOT_FOUND for an unknown clinic and INVALID_CLINIC_ID for a malformed id', async () => {
      const unknown = await app.gql(
        UPDATE,
        { input: { clinicId: randomUUID(), name: 'X' } },
        headOffice,
      );
      expect(errorCodes(unknown)).toEqual(['CLINIC_NOT_FOUND']);
      const malformed = await app.gql(
        UPDATE,
        { input: { clinicId: 'leeds', name: 'X' } },
        headOffice,
      );
      expect(errorCodes(malformed)).toEqual(['INVALID_CLINIC_ID']);
    });

    it('refuses to change a closed clinic', async () => {
      const clinic = await make.clinic();
      await make.status(clinic.id, 'closed');
      const before = await clinicFootprint(app, clinic.id);
      const result = await app.gql(
        UPDATE,
        { input: { clinicId: clinic.id, name: 'Reborn' } },
        headOffice,
      );
      expect(errorCodes(result)).toEqual(['CLINIC_CLOSED']);
      expect(await clinicFootprint(app, clinic.id)).toBe(before);
    });
  });

  describe('changeClinicStatus', () => {
    it('moves a clinic through its statuses and publishes each change with from and to', async () => {
      const clinic = await make.clinic();
      for (const [from, to] of [
        ['opening', 'active'],
        ['active', 'suspended'],
        ['suspended', 'active'],
        ['active', 'closed'],
      ] as const) {
        const result = await app.gql<{ changeClinicStatus: ClinicView }>(
          STATUS,
          { input: { clinicId: clinic.id, status: to } },
          headOffice,
        );
        expect(result.errors).toBeUndefined();
        expect(result.data?.changeClinicStatus.status).toBe(to);
        const event = await app.event(
          'clinic.status_changed',
          (e) =>
            e.aggregateId === clinic.id &&
            (e.data as { to?: string }).to === to &&
            (e.data as { from?: string }).from === from,
        );
        expect(envelopeSchema.safeParse(event).success).toBe(true);
        expect(event.data).toEqual({ clinicId: clinic.id, code: clinic.code, from, to });
      }
    });

    it('refuses to reopen a closed clinic, naming its status, and writes nothing', async () => {
      const clinic = await make.clinic();
      await make.status(clinic.id, 'closed');
      const before = await clinicFootprint(app, clinic.id);
      const result = await app.gql(
        STATUS,
        { input: { clinicId: clinic.id, status: 'active' } },
        headOffice,
      );
      expect(errorCodes(result)).toEqual(['INVALID_STATUS_TRANSITION']);
      expect(result.errors?.[0]?.message).toContain('is closed, which is final');
      expect(await clinicFootprint(app, clinic.id)).toBe(before);
    });

    it('refuses to suspend a clinic that is still opening, listing where it may go', async () => {
      const clinic = await make.clinic();
      const result = await app.gql(
        STATUS,
        { input: { clinicId: clinic.id, status: 'suspended' } },
        headOffice,
      );
      expect(errorCodes(result)).toEqual(['INVALID_STATUS_TRANSITION']);
      expect(result.errors?.[0]?.message).toContain(
        'the clinic is opening and cannot become suspended; from opening it may become active or closed',
      );
    });

    it('refuses to make a clinic active before it has an address', async () => {
      const clinic = await make.clinic({ address: null });
      const before = await clinicFootprint(app, clinic.id);
      const result = await app.gql(
        STATUS,
        { input: { clinicId: clinic.id, status: 'active' } },
        headOffice,
      );
      expect(errorCodes(result)).toEqual(['CLINIC_ADDRESS_MISSING']);
      expect(await clinicFootprint(app, clinic.id)).toBe(before);
    });

    it('refuses a clinic manager, even of that clinic, and writes nothing', async () => {
      const clinic = await make.clinic();
      const manager = await app.token({ role: 'clinic_manager', clinicIds: [clinic.id] });
      const before = await clinicFootprint(app, clinic.id);
      const result = await app.gql(
        STATUS,
        { input: { clinicId: clinic.id, status: 'active' } },
        manager,
      );
      expect(errorCodes(result)).toEqual(['FORBIDDEN']);
      expect(await clinicFootprint(app, clinic.id)).toBe(before);
    });

    it('answers CLINIC_NOT_FOUND for an unknown clinic', async () => {
      const result = await app.gql(
        STATUS,
        { input: { clinicId: randomUUID(), status: 'active' } },
        headOffice,
      );
      expect(errorCodes(result)).toEqual(['CLINIC_NOT_FOUND']);
    });
  });

  describe('queries', () => {
    it('shows a clinic with its address, hours, exceptions, rooms and status', async () => {
      const clinic = await make.clinic({
        hoursExceptions: [{ date: '2026-12-25', ranges: [], reason: 'Christmas Day' }],
        rooms: ['Room 1'],
        contact: { phone: '0113 496 0000' },
      });
      const receptionist = await app.token({ role: 'receptionist', clinicIds: [clinic.id] });
      const result = await app.gql<{ clinic: ClinicView }>(ONE, { id: clinic.id }, receptionist);
      expect(result.errors).toBeUndefined();
      expect(result.data?.clinic).toEqual(clinic);
    });

    it('lets an integrator read the clinics in its grant, without contact details', async () => {
      const granted = await make.clinic({ contact: { phone: '0113 496 0000' } });
      const other = await make.clinic();
      const integrator = await app.token({
        role: 'integrator',
        clinicIds: [granted.id],
        scopes: ['events:read'],
      });

      const one = await app.gql<{ clinic: ClinicView }>(ONE, { id: granted.id }, integrator);
      expect(one.data?.clinic).toMatchObject({
        id: granted.id,
        address: LEEDS_ADDRESS,
        contact: null,
      });
      const list = await app.gql<{ clinics: ClinicView[] }>(
        '{ clinics { id contact { phone } } }',
        {},
        integrator,
      );
      expect(list.data?.clinics).toEqual([{ id: granted.id, contact: null }]);
      const denied = await app.gql(ONE, { id: other.id }, integrator);
      expect(errorCodes(denied)).toEqual(['FORBIDDEN']);
    });

    it('shows a therapist their own clinic and refuses another', async () => {
      const mine = await make.clinic();
      const theirs = await make.clinic();
      const therapist = await app.token({
        role: 'therapist',
        clinicIds: [mine.id],
        therapistId: randomUUID(),
      });
      const own = await app.gql<{ clinic: ClinicView }>(ONE, { id: mine.id }, therapist);
      expect(own.data?.clinic.id).toBe(mine.id);
      expect(errorCodes(await app.gql(ONE, { id: theirs.id }, therapist))).toEqual(['FORBIDDEN']);
    });
  });
});
