import { randomUUID } from 'node:crypto';
import { envelopeSchema, platformCatalogue, TOPICS } from '@app/contracts';
import type { EventEnvelope } from '@app/contracts';
import {
  GraphqlResult,
  ServiceTestApp,
  startServiceTestApp,
} from '@app/platform/test-support/service-test-app';
import { ClinicFactory, errorCodes } from '../clinics/test-support/clinic-factory';
import { TherapistRosterModule } from '../therapist-roster.module';
import { therapistRosterDefinition } from '../therapist-roster.definition';
import {
  ADD_THERAPIST,
  rosterFootprint,
  THERAPIST_FIELDS,
  TherapistFactory,
  TherapistView,
  uniqueEmail,
  uniqueHcpcNumber,
} from './test-support/therapist-factory';

const UPDATE = `mutation($id: ID!, $input: UpdateTherapistInput!) {
  updateTherapist(id: $id, input: $input) { ${THERAPIST_FIELDS} } }`;
const ASSIGN = `mutation($t: ID!, $c: ID!) {
  assignTherapistToClinic(therapistId: $t, clinicId: $c) { ${THERAPIST_FIELDS} } }`;
const UNASSIGN = `mutation($t: ID!, $c: ID!) {
  unassignTherapistFromClinic(therapistId: $t, clinicId: $c) { ${THERAPIST_FIELDS} } }`;
const SET_STATUS = `mutation($id: ID!, $status: TherapistStatus!) {
  setTherapistStatus(id: $id, status: $status) { ${THERAPIST_FIELDS} } }`;
const MARK_LEFT = `mutation($id: ID!, $leftOn: String) {
  markTherapistLeft(id: $id, leftOn: $leftOn) { ${THERAPIST_FIELDS} } }`;
const GET = `query($id: ID!) { therapist(id: $id) { ${THERAPIST_FIELDS} } }`;
const LIST = `query($filter: TherapistFilterInput, $first: Int, $after: String) {
  therapists(filter: $filter, first: $first, after: $after) {
    edges { cursor node { ${THERAPIST_FIELDS} } }
    pageInfo { hasNextPage endCursor } } }`;

interface ListResult {
  therapists: {
    edges: { cursor: string; node: TherapistView }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

/** The envelope is valid, the data matches its schema, and it names no contact details. */
function expectValidPublicEvent(event: EventEnvelope): void {
  expect(envelopeSchema.safeParse(event).success).toBe(true);
  const definition = platformCatalogue.find(event.type, event.schemaVersion);
  expect(definition?.schema.safeParse(event.data).success).toBe(true);
  expect(Object.keys(event.data as object).filter((key) => /email|phone/.test(key))).toEqual([]);
  expect(JSON.stringify(event.data)).not.toMatch(/@example|\+44|07700|0113/);
}

describe('therapist-roster therapists', () => {
  let app: ServiceTestApp;
  let headOffice: string;
  let clinics: ClinicFactory;
  let make: TherapistFactory;
  let leeds: string;
  let york: string;
  let leedsManager: string;
  let yorkManager: string;

  beforeAll(async () => {
    app = await startServiceTestApp(therapistRosterDefinition, TherapistRosterModule.forRoot, {
      watchTopics: [TOPICS.roster],
    });
    headOffice = await app.token({ role: 'head_office_admin' });
    clinics = new ClinicFactory(app, headOffice);
    make = new TherapistFactory(app, headOffice);
    leeds = (await clinics.clinic({ name: 'Leeds' })).id;
    york = (await clinics.clinic({ name: 'York' })).id;
    leedsManager = await app.token({ role: 'clinic_manager', clinicIds: [leeds] });
    yorkManager = await app.token({ role: 'clinic_manager', clinicIds: [york] });
  });

  afterAll(async () => {
    await app.close();
  });

  describe('addTherapist', () => {
    it('adds a therapist and publishes therapist.joined without contact details', async () => {
      const hcpcNumber = uniqueHcpcNumber();
      const result = await app.gql<{ addTherapist: TherapistView }>(
        ADD_THERAPIST,
        {
          input: make.input({
            givenName: ' Priya ',
            familyName: 'Shah',
            email: ' Priya.Shah@Example.co.uk ',
            hcpcNumber: hcpcNumber.toLowerCase(),
            specialties: ['sciatica', 'fibromyalgia', 'sciatica'],
            clinicIds: [leeds],
          }),
        },
        headOffice,
      );
      expect(result.errors).toBeUndefined();
      const therapist = result.data?.addTherapist;
      expect(therapist).toMatchObject({
        givenName: 'Priya',
        email: 'priya.shah@example.co.uk',
        hcpcNumber,
        specialties: ['sciatica', 'fibromyalgia'],
        clinicIds: [leeds],
        status: 'active',
      });

      const event = await app.event('therapist.joined', (e) => e.aggregateId === therapist?.id);
      expectValidPublicEvent(event);
      expect(event).toMatchObject({
        clinicId: leeds,
        actor: { type: 'user', role: 'head_office_admin' },
        data: {
          therapistId: therapist?.id,
          givenName: 'Priya',
          familyName: 'Shah',
          profession: 'physiotherapist',
          hcpcNumber,
          specialties: ['sciatica', 'fibromyalgia'],
          clinicIds: [leeds],
          status: 'active',
        },
      });
    });

    it('lets a clinic manager add a therapist to their own clinic', async () => {
      const result = await app.gql<{ addTherapist: TherapistView }>(
        ADD_THERAPIST,
        {
          input: make.input({
            profession: 'stretch_therapist',
            hcpcNumber: null,
            clinicIds: [leeds],
          }),
        },
        leedsManager,
      );
      expect(result.errors).toBeUndefined();
      expect(result.data?.addTherapist).toMatchObject({ hcpcNumber: null, clinicIds: [leeds] });
    });

    it.each([
      ['a clinic manager, to another clinic', () => leedsManager, () => [york]],
      ['a clinic manager, to their clinic and another', () => leedsManager, () => [leeds, york]],
    ])('refuses %s with FORBIDDEN and writes nothing', async (_case, token, clinicIds) => {
      const before = await rosterFootprint(app);
      const result = await app.gql(
        ADD_THERAPIST,
        { input: make.input({ clinicIds: clinicIds() }) },
        token(),
      );
      expect(errorCodes(result)).toEqual(['FORBIDDEN']);
      expect(await rosterFootprint(app)).toBe(before);
    });

    it.each(['clinical_lead', 'receptionist', 'integrator'] as const)(
      'refuses a %s with FORBIDDEN',
      async (role) => {
        const token = await app.token({ role, clinicIds: [leeds], scopes: ['roster:read'] });
        const result = await app.gql(
          ADD_THERAPIST,
          { input: make.input({ clinicIds: [leeds] }) },
          token,
        );
        expect(errorCodes(result)).toEqual(['FORBIDDEN']);
      },
    );

    it.each([
      ['a physiotherapist without an HCPC number', { hcpcNumber: null }, 'HCPC_NUMBER_REQUIRED'],
      ['a malformed HCPC number', { hcpcNumber: 'PH12' }, 'INVALID_HCPC_NUMBER'],
      ['a bad email', { email: 'sam at example' }, 'INVALID_EMAIL'],
      ['a bad phone', { phone: 'ring me' }, 'INVALID_PHONE'],
      ['an empty name', { givenName: '  ' }, 'INVALID_NAME'],
      ['no clinics', { clinicIds: [] }, 'CLINIC_REQUIRED'],
      ['an unknown clinic', { clinicIds: [randomUUID()] }, 'CLINIC_NOT_FOUND'],
      ['a clinic id that is not a UUID', { clinicIds: ['leeds'] }, 'INVALID_CLINIC_ID'],
    ])('refuses %s and writes nothing', async (_case, overrides, code) => {
      const before = await rosterFootprint(app);
      const result = await app.gql(
        ADD_THERAPIST,
        { input: make.input({ clinicIds: [leeds], ...overrides }) },
        headOffice,
      );
      expect(errorCodes(result)).toEqual([code]);
      expect(result.errors?.[0]?.message).toMatch(/\w+ .* \w+/);
      expect(await rosterFootprint(app)).toBe(before);
    });

    it('refuses an HCPC number already recorded with DUPLICATE_HCPC_NUMBER', async () => {
      const hcpcNumber = uniqueHcpcNumber();
      await make.therapist({ clinicIds: [leeds], hcpcNumber });
      const before = await rosterFootprint(app);
      const result = await app.gql(
        ADD_THERAPIST,
        { input: make.input({ clinicIds: [york], hcpcNumber, email: uniqueEmail() }) },
        headOffice,
      );
      expect(errorCodes(result)).toEqual(['DUPLICATE_HCPC_NUMBER']);
      expect(await rosterFootprint(app)).toBe(before);
    });
  });

  describe('updateTherapist', () => {
    it('changes details and publishes therapist.updated naming the changed fields', async () => {
      const sam = await make.therapist({ clinicIds: [leeds] });
      const result = await app.gql<{ updateTherapist: TherapistView }>(
        UPDATE,
        {
          id: sam.id,
          input: { familyName: 'Okafor-Hill', specialties: ['neck_shoulder'], phone: null },
        },
        leedsManager,
      );
      expect(result.errors).toBeUndefined();
      expect(result.data?.updateTherapist).toMatchObject({
        familyName: 'Okafor-Hill',
        specialties: ['neck_shoulder'],
        phone: null,
        email: sam.email,
      });
      const event = await app.event('therapist.updated', (e) => e.aggregateId === sam.id);
      expectValidPublicEvent(event);
      expect(event.data).toMatchObject({
        familyName: 'Okafor-Hill',
        specialties: ['neck_shoulder'],
        changedFields: ['familyName', 'phone', 'specialties'],
      });
    });

    it('lets a therapist change their own email and phone, and nothing else', async () => {
      const sam = await make.therapist({ clinicIds: [leeds] });
      const self = await app.token({ role: 'therapist', clinicIds: [leeds], therapistId: sam.id });
      const newEmail = uniqueEmail();
      const ok = await app.gql<{ updateTherapist: TherapistView }>(
        UPDATE,
        { id: sam.id, input: { email: newEmail, phone: '07700 900123' } },
        self,
      );
      expect(ok.errors).toBeUndefined();
      expect(ok.data?.updateTherapist).toMatchObject({ email: newEmail, phone: '07700 900123' });
      const event = await app.event('therapist.updated', (e) => e.aggregateId === sam.id);
      expectValidPublicEvent(event);
      expect(event.data).toMatchObject({ changedFields: ['email', 'phone'] });

      const before = await rosterFootprint(app);
      const denied = await app.gql(
        UPDATE,
        { id: sam.id, input: { phone: '07700 900999', specialties: ['sciatica'] } },
        self,
      );
      expect(errorCodes(denied)).toEqual(['FORBIDDEN']);
      expect(denied.errors?.[0]?.message).toContain('specialties');
      expect(await rosterFootprint(app)).toBe(before);
    });

    it("refuses another therapist's profile and another clinic's manager", async () => {
      const sam = await make.therapist({ clinicIds: [leeds] });
      const colleague = await app.token({
        role: 'therapist',
        clinicIds: [leeds],
        therapistId: randomUUID(),
      });
      const before = await rosterFootprint(app);
      for (const token of [colleague, yorkManager]) {
        const result = await app.gql(
          UPDATE,
          { id: sam.id, input: { phone: '0113 496 0001' } },
          token,
        );
        expect(errorCodes(result)).toEqual(['FORBIDDEN']);
      }
      expect(await rosterFootprint(app)).toBe(before);
    });

    it.each([
      [
        'becoming a physiotherapist without an HCPC number',
        { profession: 'physiotherapist' },
        'HCPC_NUMBER_REQUIRED',
      ],
      ['a bad email', { email: 'nope' }, 'INVALID_EMAIL'],
      ['no fields at all', {}, 'NO_CHANGES'],
    ])('refuses %s and writes nothing', async (_case, input, code) => {
      const therapist = await make.therapist({
        clinicIds: [leeds],
        profession: 'sports_therapist',
        hcpcNumber: null,
      });
      const before = await rosterFootprint(app);
      const result = await app.gql(UPDATE, { id: therapist.id, input }, headOffice);
      expect(errorCodes(result)).toEqual([code]);
      expect(await rosterFootprint(app)).toBe(before);
    });

    it('refuses an unknown therapist with THERAPIST_NOT_FOUND', async () => {
      const result = await app.gql(
        UPDATE,
        { id: randomUUID(), input: { givenName: 'X' } },
        headOffice,
      );
      expect(errorCodes(result)).toEqual(['THERAPIST_NOT_FOUND']);
    });
  });

  describe('assignTherapistToClinic and unassignTherapistFromClinic', () => {
    it('assigns a therapist to another clinic, publishing the full new clinic list', async () => {
      const sam = await make.therapist({ clinicIds: [leeds] });
      const result = await app.gql<{ assignTherapistToClinic: TherapistView }>(
        ASSIGN,
        { t: sam.id, c: york },
        yorkManager,
      );
      expect(result.errors).toBeUndefined();
      expect(result.data?.assignTherapistToClinic.clinicIds).toEqual([leeds, york]);
      const event = await app.event('therapist.assigned', (e) => e.aggregateId === sam.id);
      expectValidPublicEvent(event);
      expect(event).toMatchObject({
        clinicId: york,
        data: { clinicId: york, clinicIds: [leeds, york] },
      });
    });

    it('unassigns a therapist from one of their clinics', async () => {
      const sam = await make.therapist({ clinicIds: [leeds, york] });
      const result = await app.gql<{ unassignTherapistFromClinic: TherapistView }>(
        UNASSIGN,
        { t: sam.id, c: leeds },
        leedsManager,
      );
      expect(result.errors).toBeUndefined();
      expect(result.data?.unassignTherapistFromClinic.clinicIds).toEqual([york]);
      const event = await app.event('therapist.unassigned', (e) => e.aggregateId === sam.id);
      expectValidPublicEvent(event);
      expect(event).toMatchObject({
        clinicId: leeds,
        data: { clinicId: leeds, clinicIds: [york] },
      });
    });

    it('refuses a manager acting for a clinic that is not theirs', async () => {
      const sam = await make.therapist({ clinicIds: [leeds] });
      const before = await rosterFootprint(app);
      const assign = await app.gql(ASSIGN, { t: sam.id, c: york }, leedsManager);
      const unassign = await app.gql(UNASSIGN, { t: sam.id, c: leeds }, yorkManager);
      expect(errorCodes(assign)).toEqual(['FORBIDDEN']);
      expect(errorCodes(unassign)).toEqual(['FORBIDDEN']);
      expect(await rosterFootprint(app)).toBe(before);
    });

    it('refuses receptionists and clinical leads', async () => {
      const sam = await make.therapist({ clinicIds: [leeds] });
      for (const role of ['receptionist', 'clinical_lead'] as const) {
        const token = await app.token({ role, clinicIds: [york] });
        expect(errorCodes(await app.gql(ASSIGN, { t: sam.id, c: york }, token))).toEqual([
          'FORBIDDEN',
        ]);
      }
    });

    it.each([
      ['an assignment that exists', 'assign-existing', 'THERAPIST_ALREADY_ASSIGNED'],
      ['an unknown clinic', 'assign-unknown-clinic', 'CLINIC_NOT_FOUND'],
      ['an unknown therapist', 'assign-unknown-therapist', 'THERAPIST_NOT_FOUND'],
      ['a clinic they do not work at', 'unassign-other', 'THERAPIST_NOT_ASSIGNED'],
      ['their only clinic', 'unassign-last', 'LAST_CLINIC'],
    ])('refuses %s and writes nothing', async (_case, kind, code) => {
      const sam = await make.therapist({ clinicIds: [leeds] });
      const before = await rosterFootprint(app);
      const variables: Record<string, { q: string; t: string; c: string }> = {
        'assign-existing': { q: ASSIGN, t: sam.id, c: leeds },
        'assign-unknown-clinic': { q: ASSIGN, t: sam.id, c: randomUUID() },
        'assign-unknown-therapist': { q: ASSIGN, t: randomUUID(), c: york },
        'unassign-other': { q: UNASSIGN, t: sam.id, c: york },
        'unassign-last': { q: UNASSIGN, t: sam.id, c: leeds },
      };
      const { q, t, c } = variables[kind] ?? { q: '', t: '', c: '' };
      const result = await app.gql(q, { t, c }, headOffice);
      expect(errorCodes(result)).toEqual([code]);
      expect(await rosterFootprint(app)).toBe(before);
    });
  });

  describe('setTherapistStatus and markTherapistLeft', () => {
    it('puts a therapist on leave and back, publishing therapist.updated', async () => {
      const sam = await make.therapist({ clinicIds: [leeds] });
      const onLeave = await app.gql<{ setTherapistStatus: TherapistView }>(
        SET_STATUS,
        { id: sam.id, status: 'on_leave' },
        leedsManager,
      );
      expect(onLeave.data?.setTherapistStatus.status).toBe('on_leave');
      const event = await app.event('therapist.updated', (e) => e.aggregateId === sam.id);
      expectValidPublicEvent(event);
      expect(event.data).toMatchObject({ status: 'on_leave', changedFields: ['status'] });
    });

    it('treats setting the current status as a no-op with no event', async () => {
      const sam = await make.therapist({ clinicIds: [leeds] });
      const before = await rosterFootprint(app);
      const result = await app.gql(SET_STATUS, { id: sam.id, status: 'active' }, headOffice);
      expect(result.errors).toBeUndefined();
      expect(await rosterFootprint(app)).toBe(before);
    });

    it('refuses "left" through setTherapistStatus, pointing at markTherapistLeft', async () => {
      const sam = await make.therapist({ clinicIds: [leeds] });
      const result = await app.gql(SET_STATUS, { id: sam.id, status: 'left' }, headOffice);
      expect(errorCodes(result)).toEqual(['INVALID_STATUS_CHANGE']);
      expect(result.errors?.[0]?.message).toContain('markTherapistLeft');
    });

    it('marks a therapist as left, publishes therapist.left, and then refuses changes', async () => {
      const sam = await make.therapist({ clinicIds: [leeds] });
      const result = await app.gql<{ markTherapistLeft: TherapistView }>(
        MARK_LEFT,
        { id: sam.id, leftOn: '2026-09-30' },
        leedsManager,
      );
      expect(result.data?.markTherapistLeft).toMatchObject({
        status: 'left',
        leftOn: '2026-09-30',
      });
      const event = await app.event('therapist.left', (e) => e.aggregateId === sam.id);
      expectValidPublicEvent(event);
      expect(event.data).toMatchObject({
        status: 'left',
        leftOn: '2026-09-30',
        clinicIds: [leeds],
      });

      const before = await rosterFootprint(app);
      const again = await app.gql(MARK_LEFT, { id: sam.id }, headOffice);
      const update = await app.gql(UPDATE, { id: sam.id, input: { givenName: 'S' } }, headOffice);
      const assign = await app.gql(ASSIGN, { t: sam.id, c: york }, headOffice);
      expect([again, update, assign].map((r) => errorCodes(r)[0])).toEqual([
        'THERAPIST_HAS_LEFT',
        'THERAPIST_HAS_LEFT',
        'THERAPIST_HAS_LEFT',
      ]);
      expect(await rosterFootprint(app)).toBe(before);
    });

    it('refuses a manager of only some of their clinics, pointing at unassign', async () => {
      const sam = await make.therapist({ clinicIds: [leeds, york] });
      const before = await rosterFootprint(app);
      const left = await app.gql(MARK_LEFT, { id: sam.id }, leedsManager);
      const leave = await app.gql(SET_STATUS, { id: sam.id, status: 'on_leave' }, yorkManager);
      for (const result of [left, leave]) {
        expect(errorCodes(result)).toEqual(['FORBIDDEN']);
        expect(result.errors?.[0]?.message).toContain('unassignTherapistFromClinic');
      }
      expect(await rosterFootprint(app)).toBe(before);

      const bothManager = await app.token({ role: 'clinic_manager', clinicIds: [leeds, york] });
      const allowed = await app.gql<{ setTherapistStatus: TherapistView }>(
        SET_STATUS,
        { id: sam.id, status: 'on_leave' },
        bothManager,
      );
      expect(allowed.errors).toBeUndefined();
      expect(allowed.data?.setTherapistStatus.status).toBe('on_leave');
    });

    it("refuses another clinic's manager and a bad date, writing nothing", async () => {
      const sam = await make.therapist({ clinicIds: [leeds] });
      const before = await rosterFootprint(app);
      expect(errorCodes(await app.gql(MARK_LEFT, { id: sam.id }, yorkManager))).toEqual([
        'FORBIDDEN',
      ]);
      expect(
        errorCodes(await app.gql(SET_STATUS, { id: sam.id, status: 'on_leave' }, yorkManager)),
      ).toEqual(['FORBIDDEN']);
      expect(
        errorCodes(await app.gql(MARK_LEFT, { id: sam.id, leftOn: '2026-02-30' }, headOffice)),
      ).toEqual(['INVALID_DATE']);
      expect(await rosterFootprint(app)).toBe(before);
    });
  });

  describe('reading therapists', () => {
    it('shows a therapist to head office, their clinic staff and themself', async () => {
      const sam = await make.therapist({ clinicIds: [leeds] });
      const receptionist = await app.token({ role: 'receptionist', clinicIds: [leeds] });
      const self = await app.token({ role: 'therapist', clinicIds: [leeds], therapistId: sam.id });
      const lead = await app.token({ role: 'clinical_lead' });
      for (const token of [headOffice, lead, receptionist, self]) {
        const result = await app.gql<{ therapist: TherapistView }>(GET, { id: sam.id }, token);
        expect(result.data?.therapist).toMatchObject({ id: sam.id, email: sam.email });
      }
    });

    it("refuses another clinic's staff and another therapist with FORBIDDEN", async () => {
      const sam = await make.therapist({ clinicIds: [leeds] });
      const yorkReceptionist = await app.token({ role: 'receptionist', clinicIds: [york] });
      const colleague = await app.token({
        role: 'therapist',
        clinicIds: [leeds],
        therapistId: randomUUID(),
      });
      for (const token of [yorkReceptionist, colleague]) {
        const result = await app.gql<{ therapist: TherapistView }>(GET, { id: sam.id }, token);
        expect(errorCodes(result)).toEqual(['FORBIDDEN']);
        expect(result.data?.therapist ?? null).toBeNull();
      }
    });

    it('shows integrators therapists of their granted clinics without contact details', async () => {
      const sam = await make.therapist({ clinicIds: [leeds], phone: '0113 496 0002' });
      const integrator = await app.token({
        role: 'integrator',
        clinicIds: [leeds],
        scopes: ['roster:read'],
      });
      const one = await app.gql<{ therapist: TherapistView }>(GET, { id: sam.id }, integrator);
      expect(one.data?.therapist).toMatchObject({ id: sam.id, email: null, phone: null });

      const list = await app.gql<ListResult>(LIST, { first: 100 }, integrator);
      const nodes = list.data?.therapists.edges.map((edge) => edge.node) ?? [];
      expect(nodes.map((node) => node.id)).toContain(sam.id);
      expect(nodes.every((node) => node.email === null && node.phone === null)).toBe(true);
      expect(nodes.every((node) => node.clinicIds.includes(leeds))).toBe(true);

      const elsewhere = await app.token({ role: 'integrator', clinicIds: [york], scopes: ['x'] });
      expect(errorCodes(await app.gql(GET, { id: sam.id }, elsewhere))).toEqual(['FORBIDDEN']);
    });

    it('shows a client the public profile of a therapist, also as a federated reference (Booking.therapist), never contact details or certifications', async () => {
      const sam = await make.therapist({ clinicIds: [york], phone: '0113 496 0003' });
      expect(sam).toMatchObject({ email: expect.any(String), hcpcNumber: expect.any(String) });
      const client = await app.token({ role: 'client', clientId: randomUUID() });
      const publicProfile = {
        id: sam.id,
        givenName: sam.givenName,
        familyName: sam.familyName,
        email: null,
        phone: null,
        profession: sam.profession,
        hcpcNumber: sam.hcpcNumber,
        specialties: sam.specialties,
        clinicIds: [york],
        status: 'active',
      };
      const one = await app.gql<{ therapist: TherapistView }>(GET, { id: sam.id }, client);
      expect(one.errors).toBeUndefined();
      expect(one.data?.therapist).toMatchObject(publicProfile);

      // What the gateway asks roster for when a client's booking names its therapist.
      const reference = await app.gql<{ _entities: TherapistView[] }>(
        `query($representations: [_Any!]!) { _entities(representations: $representations) {
          ... on Therapist { ${THERAPIST_FIELDS} } } }`,
        { representations: [{ __typename: 'Therapist', id: sam.id }] },
        client,
      );
      expect(reference.errors).toBeUndefined();
      expect(reference.data?._entities).toEqual([expect.objectContaining(publicProfile)]);

      const certifications = await app.gql<{ therapist: unknown }>(
        `query($id: ID!) { therapist(id: $id) { id certifications { id } } }`,
        { id: sam.id },
        client,
      );
      expect(errorCodes(certifications)).toEqual(['FORBIDDEN']);

      // Leave is private: a client sees a therapist on leave as active, with no leaving date.
      const onLeave = await app.gql(SET_STATUS, { id: sam.id, status: 'on_leave' }, headOffice);
      expect(onLeave.errors).toBeUndefined();
      const away = await app.gql<{ therapist: TherapistView }>(GET, { id: sam.id }, client);
      expect(away.data?.therapist).toMatchObject({ status: 'active', leftOn: null });
    });

    it('lists only the caller’s scope: own clinics, or only themself for a therapist', async () => {
      const clinic = (await clinics.clinic({ name: 'Harrogate' })).id;
      const other = (await clinics.clinic({ name: 'Ripon' })).id;
      const mine = await make.therapist({ clinicIds: [clinic] });
      const theirs = await make.therapist({ clinicIds: [other] });
      const receptionist = await app.token({ role: 'receptionist', clinicIds: [clinic] });
      const list = await app.gql<ListResult>(LIST, { first: 100 }, receptionist);
      expect(list.data?.therapists.edges.map((e) => e.node.id)).toEqual([mine.id]);

      const filteredElsewhere = await app.gql<ListResult>(
        LIST,
        { filter: { clinicId: other } },
        receptionist,
      );
      expect(filteredElsewhere.errors).toBeUndefined();
      expect(filteredElsewhere.data?.therapists.edges).toEqual([]);

      const self = await app.token({
        role: 'therapist',
        clinicIds: [other],
        therapistId: theirs.id,
      });
      const own = await app.gql<ListResult>(LIST, { first: 100 }, self);
      expect(own.data?.therapists.edges.map((e) => e.node.id)).toEqual([theirs.id]);

      const client = await app.token({ role: 'client', clientId: randomUUID() });
      const none = await app.gql<ListResult>(LIST, {}, client);
      expect(none.data?.therapists.edges).toEqual([]);
    });

    it('pages through therapists in name order with opaque cursors', async () => {
      const clinic = (await clinics.clinic({ name: 'Paging' })).id;
      const names = ['Evans', 'Ahmed', 'Davies', 'Clarke', 'Brown'];
      for (const familyName of names) {
        await make.therapist({ clinicIds: [clinic], familyName, givenName: 'Alex' });
      }
      // Two with the same name: the id breaks the tie, so neither is skipped or repeated.
      await make.therapist({ clinicIds: [clinic], familyName: 'Brown', givenName: 'Alex' });

      const seen: string[] = [];
      const ids: string[] = [];
      let after: string | null = null;
      let pages = 0;
      for (;;) {
        const page: GraphqlResult<ListResult> = await app.gql<ListResult>(
          LIST,
          { filter: { clinicId: clinic }, first: 2, after },
          headOffice,
        );
        expect(page.errors).toBeUndefined();
        const connection = page.data?.therapists;
        pages += 1;
        seen.push(...(connection?.edges.map((e) => e.node.familyName) ?? []));
        ids.push(...(connection?.edges.map((e) => e.node.id) ?? []));
        if (connection?.pageInfo.hasNextPage !== true) {
          break;
        }
        after = connection.pageInfo.endCursor;
      }
      expect(pages).toBe(3);
      expect(seen).toEqual(['Ahmed', 'Brown', 'Brown', 'Clarke', 'Davies', 'Evans']);
      expect(new Set(ids).size).toBe(6);
    });

    it('refuses a made-up cursor and a page size out of range', async () => {
      expect(errorCodes(await app.gql(LIST, { after: 'page-2' }, headOffice))).toEqual([
        'INVALID_CURSOR',
      ]);
      expect(errorCodes(await app.gql(LIST, { first: 0 }, headOffice))).toEqual([
        'INVALID_PAGE_SIZE',
      ]);
      expect(errorCodes(await app.gql(LIST, { first: 101 }, headOffice))).toEqual([
        'INVALID_PAGE_SIZE',
      ]);
    });

    it('filters by clinic, profession, specialty and current certification', async () => {
      const clinic = (await clinics.clinic({ name: 'Filters' })).id;
      const physio = await make.therapist({
        clinicIds: [clinic],
        specialties: ['sciatica'],
      });
      const sports = await make.therapist({
        clinicIds: [clinic],
        profession: 'sports_therapist',
        hcpcNumber: null,
        specialties: ['sports_injury'],
      });
      await make.therapist({ clinicIds: [leeds], specialties: ['sciatica'] });

      const record = async (therapistId: string, type: string, expiresOn: string) => {
        const result = await app.gql(
          `mutation($input: RecordCertificationInput!) { recordCertification(input: $input) { id } }`,
          {
            input: {
              therapistId,
              type,
              issuedOn: '2020-01-01',
              expiresOn,
              evidenceReference: 'doc-1',
            },
          },
          headOffice,
        );
        expect(result.errors).toBeUndefined();
      };
      await record(physio.id, 'pnf_level_2', '2099-01-01');
      await record(sports.id, 'pnf_level_2', '2021-01-01'); // expired: not current

      const ids = async (filter: Record<string, unknown>) => {
        const result = await app.gql<ListResult>(
          LIST,
          { filter: { clinicId: clinic, ...filter } },
          headOffice,
        );
        expect(result.errors).toBeUndefined();
        return result.data?.therapists.edges.map((e) => e.node.id).sort();
      };
      expect(await ids({})).toEqual([physio.id, sports.id].sort());
      expect(await ids({ profession: 'sports_therapist' })).toEqual([sports.id]);
      expect(await ids({ specialty: 'sciatica' })).toEqual([physio.id]);
      expect(await ids({ currentCertification: 'pnf_level_2' })).toEqual([physio.id]);
      expect(await ids({ currentCertification: 'first_aid' })).toEqual([]);
    });
  });
});
