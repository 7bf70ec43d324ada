import { randomUUID } from 'node:crypto';
import {
  ClientContactChangedV1,
  ClinicOpenedV1,
  ClinicStatusChangedV1,
  envelopeSchema,
  EventEnvelope,
  platformCatalogue,
  TOPICS,
} from '@app/contracts';
import { OutboxWriter } from '@app/messaging';
import { ServiceTestApp, startServiceTestApp } from '@app/platform/test-support/service-test-app';
import { linkTestTherapist } from '../access/test-support/client-fixtures';
import { clientRecordDefinition } from '../client-record.definition';
import { ClientRecordModule } from '../client-record.module';
import { ClientsRepository } from './clients.repository';
import { ClientsSubjectData } from './clients.subject-data';
import {
  CLIENT_FIELDS,
  ClientView,
  errorCodes,
  footprint,
  insertTestClinic,
  REGISTER_CLIENT,
  registerClient,
  registerInput,
} from './test-support/client-test-kit';

const GET = `query($id: ID!) { client(id: $id) { ${CLIENT_FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateClientDetailsInput!) {
  updateClientDetails(id: $id, input: $input) { ${CLIENT_FIELDS} } }`;
const ATTEND = `mutation($clientId: ID!, $clinicId: ID!, $proof: ClientIdentityProofInput) {
  attendClinic(clientId: $clientId, clinicId: $clinicId, proof: $proof) { ${CLIENT_FIELDS} } }`;
const LINK = `mutation($clinicId: ID!, $proof: ClientIdentityProofInput!) {
  linkExistingClient(clinicId: $clinicId, proof: $proof) { ${CLIENT_FIELDS} } }`;
const LIST = `query($search: ClientSearchInput, $first: Int, $after: String) {
  clients(search: $search, first: $first, after: $after) {
    edges { cursor node { id givenName familyName email } } pageInfo { hasNextPage endCursor } } }`;

interface ListResult {
  clients: {
    edges: {
      cursor: string;
      node: Pick<ClientView, 'id' | 'givenName' | 'familyName' | 'email'>;
    }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

function expectValidEvent(event: EventEnvelope): void {
  expect(envelopeSchema.safeParse(event).success).toBe(true);
  const definition = platformCatalogue.find(event.type, event.schemaVersion);
  expect(definition?.schema.safeParse(event.data).success).toBe(true);
}

describe('client-record clients', () => {
  let app: ServiceTestApp;
  let leeds: string;
  let york: string;
  let headOffice: string;
  let leedsReception: string;
  let yorkReception: string;
  let leedsManager: string;
  let integrator: string;
  const therapistId = randomUUID();
  let therapist: string;

  beforeAll(async () => {
    app = await startServiceTestApp(clientRecordDefinition, ClientRecordModule.forRoot, {
      watchTopics: [TOPICS.clientRecord],
    });
    leeds = await insertTestClinic(app.dataSource, { name: 'Leeds Central' });
    york = await insertTestClinic(app.dataSource, { name: 'York' });
    headOffice = await app.token({ role: 'head_office_admin', subject: 'ho-admin' });
    leedsReception = await app.token({
      role: 'receptionist',
      clinicIds: [leeds],
      subject: 'leeds-desk',
    });
    yorkReception = await app.token({ role: 'receptionist', clinicIds: [york] });
    leedsManager = await app.token({ role: 'clinic_manager', clinicIds: [leeds] });
    integrator = await app.token({
      role: 'integrator',
      clinicIds: [leeds],
      scopes: ['clients:read'],
    });
    therapist = await app.token({ role: 'therapist', clinicIds: [leeds], therapistId });
  });

  afterAll(async () => {
    await app.close();
  });

  describe('registerClient', () => {
    it('registers a client with normalised details, publishes ids publicly and contact details internally, and audits it', async () => {
      const input = registerInput(leeds, {
        givenName: ' Amelia ',
        email: ' Amelia.Reg@Example.CO.UK ',
        phone: '(0113) 496 0000',
        address: { line1: '1 Park Row', town: 'Leeds', postcode: 'ls1 5ab' },
        gpPractice: { name: 'Park Surgery' },
        emergencyContact: { name: 'Tom Hughes', relationship: 'partner', phone: '07700 900456' },
      });
      const result = await app.gql<{ registerClient: ClientView }>(
        REGISTER_CLIENT,
        { input },
        leedsReception,
      );
      expect(result.errors).toBeUndefined();
      const client = result.data?.registerClient;
      expect(client).toMatchObject({
        givenName: 'Amelia',
        email: 'amelia.reg@example.co.uk',
        phone: '+441134960000',
        address: { line1: '1 Park Row', line2: null, town: 'Leeds', postcode: 'LS1 5AB' },
        clinics: [{ clinicId: leeds, name: 'Leeds Central' }],
        registeredVia: 'staff',
      });

      const registered = await app.event('client.registered', (e) => e.aggregateId === client?.id);
      expectValidEvent(registered);
      expect(registered.data).toEqual({
        clientId: client?.id,
        clinicId: leeds,
        registeredVia: 'staff',
        registeredAt: expect.any(String) as string,
      });
      expect(platformCatalogue.find('client.registered', 1)?.visibility).toBe('public');

      const contact = await app.event(
        'client.contact_changed',
        (e) => e.aggregateId === client?.id,
      );
      expectValidEvent(contact);
      expect(platformCatalogue.find('client.contact_changed', 1)?.visibility).toBe('internal');
      expect(contact.data).toEqual({
        clientId: client?.id,
        givenName: 'Amelia',
        email: 'amelia.reg@example.co.uk',
        phone: '+441134960000',
        clinicIds: [leeds],
        cause: 'registered',
      });

      const audit = await app.dataSource.query<{ action: string; actor_subject: string }[]>(
        `SELECT action, actor_subject FROM audit_log WHERE client_id = $1 AND record_type = 'client'`,
        [client?.id],
      );
      expect(audit).toEqual([{ action: 'create', actor_subject: 'leeds-desk' }]);
    });

    it('lets a client register themself with the id their login carries, once', async () => {
      const clientId = randomUUID();
      const self = await app.token({ role: 'client', clientId, subject: 'idp|amelia' });
      const client = await registerClient(app, self, registerInput(leeds));
      expect(client).toMatchObject({ id: clientId, registeredVia: 'online' });
      const stored = await app.dataSource.query<{ identity_subject: string }[]>(
        'SELECT identity_subject FROM client WHERE id = $1',
        [clientId],
      );
      expect(stored).toEqual([{ identity_subject: 'idp|amelia' }]);
      const event = await app.event('client.registered', (e) => e.aggregateId === clientId);
      expect(event.data).toMatchObject({ registeredVia: 'online' });

      const before = await footprint(app);
      const again = await app.gql(REGISTER_CLIENT, { input: registerInput(leeds) }, self);
      expect(errorCodes(again)).toEqual(['CLIENT_ALREADY_REGISTERED']);
      expect(await footprint(app)).toBe(before);
    });

    it.each([
      ['a receptionist of another clinic', () => yorkReception],
      ['a therapist', () => therapist],
      ['an integrator', () => integrator],
    ])('refuses %s and writes nothing', async (_who, token) => {
      const before = await footprint(app);
      const result = await app.gql(REGISTER_CLIENT, { input: registerInput(leeds) }, token());
      expect(errorCodes(result)).toEqual(['FORBIDDEN']);
      expect(await footprint(app)).toBe(before);
    });

    it.each([
      ['a date of birth in the future', { dateOfBirth: '2999-01-01' }, 'DATE_OF_BIRTH_IN_FUTURE'],
      [
        'a date of birth before 120 years ago',
        { dateOfBirth: '1850-01-01' },
        'INVALID_DATE_OF_BIRTH',
      ],
      ['a bad email', { email: 'amelia-at-example' }, 'INVALID_EMAIL'],
      ['a bad phone', { phone: '12345' }, 'INVALID_PHONE'],
      ['no email and no phone', { email: null, phone: null }, 'CONTACT_REQUIRED'],
      [
        'a bad postcode',
        { address: { line1: '1 Park Row', town: 'Leeds', postcode: 'XX' } },
        'INVALID_POSTCODE',
      ],
      ['a malformed clinic id', { clinicId: 'leeds' }, 'INVALID_CLINIC_ID'],
      ['an unknown clinic', { clinicId: randomUUID() }, 'CLINIC_NOT_FOUND'],
    ])('refuses %s and writes nothing', async (_what, overrides, code) => {
      const before = await footprint(app);
      const result = await app.gql(
        REGISTER_CLIENT,
        { input: registerInput(leeds, overrides) },
        headOffice,
      );
      expect(errorCodes(result)).toEqual([code]);
      expect(await footprint(app)).toBe(before);
    });

    it('refuses a closed clinic', async () => {
      const closed = await insertTestClinic(app.dataSource, { status: 'closed' });
      const result = await app.gql(REGISTER_CLIENT, { input: registerInput(closed) }, headOffice);
      expect(errorCodes(result)).toEqual(['CLINIC_CLOSED']);
    });

    it('follows roster events: a clinic opened can take clients, once closed it cannot', async () => {
      const clinicId = randomUUID();
      const state = {
        clinicId,
        code: 'HGT',
        name: 'Harrogate',
        timezone: 'Europe/London',
        status: 'active' as const,
        address: null,
        weeklyHours: {
          monday: [],
          tuesday: [],
          wednesday: [],
          thursday: [],
          friday: [],
          saturday: [],
          sunday: [],
        },
        hoursExceptions: [],
        rooms: [],
      };
      await app.publish(ClinicOpenedV1, { aggregateId: clinicId, clinicId, data: state });
      await eventually(async () => {
        const result = await app.gql<{ registerClient: ClientView }>(
          REGISTER_CLIENT,
          { input: registerInput(clinicId) },
          headOffice,
        );
        expect(result.data?.registerClient.clinics).toEqual([
          expect.objectContaining({ clinicId, name: 'Harrogate' }),
        ]);
      });
      await app.publish(ClinicStatusChangedV1, {
        aggregateId: clinicId,
        clinicId,
        data: { clinicId, code: 'HGT', from: 'active', to: 'closed' },
      });
      await eventually(async () => {
        const result = await app.gql(
          REGISTER_CLIENT,
          { input: registerInput(clinicId) },
          headOffice,
        );
        expect(errorCodes(result)).toEqual(['CLINIC_CLOSED']);
      });
    });
  });

  describe('likely duplicates', () => {
    it('gives the existing id only to a caller who may already read that client, and registers when confirmed', async () => {
      const existing = await registerClient(app, leedsReception, registerInput(leeds));
      const before = await footprint(app);
      const input = registerInput(york, { email: existing.email?.toUpperCase() });
      const result = await app.gql(REGISTER_CLIENT, { input }, yorkReception);
      expect(errorCodes(result)).toEqual(['CLIENT_LIKELY_DUPLICATE']);
      expect(result.errors?.[0]?.extensions).toMatchObject({ match: 'email' });
      expect(result.errors?.[0]?.extensions?.existingClientId).toBeUndefined();
      expect(result.errors?.[0]?.message).toContain('linkExistingClient');
      expect(JSON.stringify(result.errors)).not.toContain(existing.id);
      expect(JSON.stringify(result.errors)).not.toContain(existing.familyName ?? '-');
      expect(await footprint(app)).toBe(before);

      for (const reader of [leedsReception, leedsManager, headOffice]) {
        const seen = await app.gql(
          REGISTER_CLIENT,
          { input: registerInput(leeds, { email: existing.email }) },
          reader,
        );
        expect(errorCodes(seen)).toEqual(['CLIENT_LIKELY_DUPLICATE']);
        expect(seen.errors?.[0]?.extensions).toMatchObject({
          existingClientId: existing.id,
          match: 'email',
        });
      }
      expect(await footprint(app)).toBe(before);

      const confirmed = await app.gql<{ registerClient: ClientView }>(
        REGISTER_CLIENT,
        { input: { ...input, confirmNotDuplicate: true } },
        yorkReception,
      );
      expect(confirmed.errors).toBeUndefined();
      expect(confirmed.data?.registerClient.id).not.toBe(existing.id);
    });

    it('reports the same name and date of birth in another clinic without the id', async () => {
      const existing = await registerClient(app, leedsReception, registerInput(leeds));
      const result = await app.gql(
        REGISTER_CLIENT,
        {
          input: registerInput(york, {
            givenName: 'AMELIA',
            familyName: existing.familyName?.toLowerCase(),
            dateOfBirth: existing.dateOfBirth,
          }),
        },
        yorkReception,
      );
      expect(errorCodes(result)).toEqual(['CLIENT_LIKELY_DUPLICATE']);
      expect(result.errors?.[0]?.extensions).toMatchObject({ match: 'name_and_date_of_birth' });
      expect(result.errors?.[0]?.extensions?.existingClientId).toBeUndefined();
      expect(JSON.stringify(result.errors)).not.toContain(existing.id);
    });

    it('tells a self-registering client neither the id nor which details matched', async () => {
      const existing = await registerClient(app, leedsReception, registerInput(leeds));
      const self = await app.token({ role: 'client', clientId: randomUUID() });
      const byEmail = await app.gql(
        REGISTER_CLIENT,
        { input: registerInput(leeds, { email: existing.email }) },
        self,
      );
      const byName = await app.gql(
        REGISTER_CLIENT,
        {
          input: registerInput(leeds, {
            familyName: existing.familyName,
            dateOfBirth: existing.dateOfBirth,
          }),
        },
        self,
      );
      for (const result of [byEmail, byName]) {
        expect(errorCodes(result)).toEqual(['CLIENT_LIKELY_DUPLICATE']);
        expect(result.errors?.[0]?.extensions?.existingClientId).toBeUndefined();
        expect(result.errors?.[0]?.extensions?.match).toBeUndefined();
        expect(JSON.stringify(result.errors)).not.toContain(existing.id);
      }
      expect(byEmail.errors?.[0]?.message).toBe(byName.errors?.[0]?.message);
      expect(byEmail.errors?.[0]?.extensions).toEqual(byName.errors?.[0]?.extensions);
    });

    it('creates exactly one client from 10 concurrent registrations of the same email', async () => {
      const email = `race.${randomUUID().slice(0, 8)}@example.co.uk`;
      const results = await Promise.all(
        Array.from({ length: 10 }, () =>
          app.gql(REGISTER_CLIENT, { input: registerInput(leeds, { email }) }, leedsReception),
        ),
      );
      const codes = results.map((result) => errorCodes(result)[0] ?? 'created');
      expect(codes.filter((code) => code === 'created')).toHaveLength(1);
      expect(codes.filter((code) => code === 'CLIENT_LIKELY_DUPLICATE')).toHaveLength(9);
      const rows = await app.dataSource.query<{ count: string }[]>(
        'SELECT count(*) FROM client WHERE email = $1',
        [email],
      );
      expect(rows[0]?.count).toBe('1');
    });
  });

  describe('attendClinic', () => {
    async function linkAudit(clientId: string): Promise<string[]> {
      const rows = await app.dataSource.query<{ action: string }[]>(
        `SELECT action FROM audit_log WHERE client_id = $1 AND record_type = 'client' ORDER BY id`,
        [clientId],
      );
      return rows.map((row) => row.action);
    }

    it("lets another clinic's reception link a client once it proves who the client is, audited as link, and tells notification", async () => {
      const client = await registerClient(app, leedsReception, registerInput(leeds));
      const before = await footprint(app);
      const bare = await app.gql(ATTEND, { clientId: client.id, clinicId: york }, yorkReception);
      expect(errorCodes(bare)).toEqual(['CLIENT_IDENTITY_PROOF_REQUIRED']);
      expect(bare.data ?? null).toBeNull();
      for (const proof of [
        { dateOfBirth: '1984-03-22', email: client.email },
        { dateOfBirth: client.dateOfBirth, email: 'someone.else@example.co.uk' },
        { dateOfBirth: client.dateOfBirth, givenName: 'Amelie', familyName: client.familyName },
      ]) {
        const wrong = await app.gql(
          ATTEND,
          { clientId: client.id, clinicId: york, proof },
          yorkReception,
        );
        expect(errorCodes(wrong)).toEqual(['CLIENT_IDENTITY_MISMATCH']);
        expect(JSON.stringify(wrong)).not.toContain(client.email ?? '-');
      }
      expect(await footprint(app)).toBe(before);
      expect(errorCodes(await app.gql(GET, { id: client.id }, yorkReception))).toEqual([
        'FORBIDDEN',
      ]);

      const result = await app.gql<{ attendClinic: ClientView }>(
        ATTEND,
        {
          clientId: client.id,
          clinicId: york,
          proof: { dateOfBirth: client.dateOfBirth, email: ` ${client.email?.toUpperCase()} ` },
        },
        yorkReception,
      );
      expect(result.errors).toBeUndefined();
      expect(result.data?.attendClinic).toMatchObject({ email: client.email });
      expect(result.data?.attendClinic.clinics?.map((clinic) => clinic.clinicId)).toEqual([
        leeds,
        york,
      ]);
      expect(await linkAudit(client.id)).toEqual(['create', 'link']);
      const added = await app.event('client.clinic_added', (e) => e.aggregateId === client.id);
      expectValidEvent(added);
      expect(added.data).toEqual({ clientId: client.id, clinicId: york, clinicIds: [leeds, york] });
      const contact = await app.event(
        'client.contact_changed',
        (e) =>
          e.aggregateId === client.id && (e.data as { cause: string }).cause === 'clinic_added',
      );
      expect(contact.data).toMatchObject({ clinicIds: [leeds, york] });
      const read = await app.gql(GET, { id: client.id }, yorkReception);
      expect(read.errors).toBeUndefined();

      const again = await app.gql(ATTEND, { clientId: client.id, clinicId: york }, yorkReception);
      expect(errorCodes(again)).toEqual(['CLIENT_ALREADY_ATTENDS_CLINIC']);
    });

    it('accepts the name and date of birth as proof', async () => {
      const client = await registerClient(app, leedsReception, registerInput(leeds));
      const result = await app.gql<{ attendClinic: ClientView }>(
        ATTEND,
        {
          clientId: client.id,
          clinicId: york,
          proof: {
            dateOfBirth: client.dateOfBirth,
            givenName: 'amelia',
            familyName: client.familyName?.toUpperCase(),
          },
        },
        yorkReception,
      );
      expect(result.errors).toBeUndefined();
      expect(await linkAudit(client.id)).toEqual(['create', 'link']);
    });

    it('needs no proof from callers who may already read the client', async () => {
      const bothClinics = await app.token({ role: 'clinic_manager', clinicIds: [leeds, york] });
      const clientId = randomUUID();
      const self = await app.token({ role: 'client', clientId });
      const first = await registerClient(app, leedsReception, registerInput(leeds));
      const second = await registerClient(app, leedsReception, registerInput(leeds));
      await registerClient(app, self, registerInput(leeds));
      for (const [token, id] of [
        [bothClinics, first.id],
        [headOffice, second.id],
        [self, clientId],
      ] as const) {
        const result = await app.gql(ATTEND, { clientId: id, clinicId: york }, token);
        expect(result.errors).toBeUndefined();
        expect(await linkAudit(id)).toEqual(['create', 'link']);
      }
    });

    it('does not tell a caller without read access that a client was erased', async () => {
      const client = await registerClient(app, leedsReception, registerInput(leeds));
      const section = new ClientsSubjectData(new ClientsRepository());
      await app.dataSource.transaction((tx) => section.erasePersonalDetails(tx, client.id));
      const before = await footprint(app);
      const result = await app.gql(
        ATTEND,
        {
          clientId: client.id,
          clinicId: york,
          proof: { dateOfBirth: client.dateOfBirth, email: client.email },
        },
        yorkReception,
      );
      expect(errorCodes(result)).toEqual(['CLIENT_IDENTITY_MISMATCH']);
      expect(await footprint(app)).toBe(before);
    });

    it('refuses staff adding a clinic that is not theirs, another client, and bad ids or proof', async () => {
      const client = await registerClient(app, leedsReception, registerInput(leeds));
      const before = await footprint(app);
      const staff = await app.gql(ATTEND, { clientId: client.id, clinicId: york }, leedsReception);
      expect(errorCodes(staff)).toEqual(['FORBIDDEN']);
      const other = await app.token({ role: 'client', clientId: randomUUID() });
      const notSelf = await app.gql(ATTEND, { clientId: client.id, clinicId: york }, other);
      expect(errorCodes(notSelf)).toEqual(['FORBIDDEN']);
      const unknown = await app.gql(ATTEND, { clientId: randomUUID(), clinicId: york }, headOffice);
      expect(errorCodes(unknown)).toEqual(['CLIENT_NOT_FOUND']);
      for (const clientId of ['nope', '-'.repeat(36), `${client.id}x`]) {
        const malformed = await app.gql(ATTEND, { clientId, clinicId: york }, headOffice);
        expect(errorCodes(malformed)).toEqual(['INVALID_CLIENT_ID']);
      }
      const badProof = await app.gql(
        ATTEND,
        { clientId: client.id, clinicId: york, proof: { dateOfBirth: '1984-03-21' } },
        yorkReception,
      );
      expect(errorCodes(badProof)).toEqual(['INVALID_IDENTITY_PROOF']);
      expect(await footprint(app)).toBe(before);
    });
  });

  describe('linkExistingClient', () => {
    it('links the client a duplicate report hid, once the details prove who it is', async () => {
      const existing = await registerClient(app, leedsReception, registerInput(leeds));
      const duplicate = await app.gql(
        REGISTER_CLIENT,
        { input: registerInput(york, { email: existing.email }) },
        yorkReception,
      );
      expect(errorCodes(duplicate)).toEqual(['CLIENT_LIKELY_DUPLICATE']);
      const before = await footprint(app);
      const wrong = await app.gql(
        LINK,
        { clinicId: york, proof: { dateOfBirth: '1990-01-01', email: existing.email } },
        yorkReception,
      );
      expect(errorCodes(wrong)).toEqual(['CLIENT_IDENTITY_MISMATCH']);
      const notTheirClinic = await app.gql(
        LINK,
        { clinicId: york, proof: { dateOfBirth: existing.dateOfBirth, email: existing.email } },
        leedsReception,
      );
      expect(errorCodes(notTheirClinic)).toEqual(['FORBIDDEN']);
      expect(await footprint(app)).toBe(before);

      const linked = await app.gql<{ linkExistingClient: ClientView }>(
        LINK,
        { clinicId: york, proof: { dateOfBirth: existing.dateOfBirth, email: existing.email } },
        yorkReception,
      );
      expect(linked.errors).toBeUndefined();
      expect(linked.data?.linkExistingClient).toMatchObject({
        id: existing.id,
        email: existing.email,
      });
      const audit = await app.dataSource.query<{ action: string }[]>(
        `SELECT action FROM audit_log WHERE client_id = $1 AND record_type = 'client' ORDER BY id`,
        [existing.id],
      );
      expect(audit.map((row) => row.action)).toEqual(['create', 'link']);
    });

    it('refuses details that match more than one client', async () => {
      const first = await registerClient(app, leedsReception, registerInput(leeds));
      await registerClient(
        app,
        leedsReception,
        registerInput(leeds, {
          familyName: first.familyName,
          email: null,
          confirmNotDuplicate: true,
        }),
      );
      const before = await footprint(app);
      const result = await app.gql(
        LINK,
        {
          clinicId: york,
          proof: {
            dateOfBirth: first.dateOfBirth,
            givenName: first.givenName,
            familyName: first.familyName,
          },
        },
        yorkReception,
      );
      expect(errorCodes(result)).toEqual(['CLIENT_IDENTITY_MISMATCH']);
      expect(await footprint(app)).toBe(before);
    });
  });

  describe('updateClientDetails', () => {
    it('changes details, publishes the new contact details and audits an amendment', async () => {
      const client = await registerClient(app, leedsReception, registerInput(leeds));
      const result = await app.gql<{ updateClientDetails: ClientView }>(
        UPDATE,
        { id: client.id, input: { phone: '+44 7700 900999', address: null } },
        leedsManager,
      );
      expect(result.errors).toBeUndefined();
      expect(result.data?.updateClientDetails).toMatchObject({
        phone: '+447700900999',
        givenName: client.givenName,
        email: client.email,
      });
      const event = await app.event(
        'client.contact_changed',
        (e) =>
          e.aggregateId === client.id && (e.data as { cause: string }).cause === 'details_updated',
      );
      expectValidEvent(event);
      expect(event.data).toMatchObject({ phone: '+447700900999', email: client.email });
      const audit = await app.dataSource.query<{ action: string }[]>(
        `SELECT action FROM audit_log WHERE client_id = $1 AND record_type = 'client' ORDER BY id`,
        [client.id],
      );
      expect(audit.map((row) => row.action)).toEqual(['create', 'amend']);
    });

    it('lets a client change their own details but not another client', async () => {
      const clientId = randomUUID();
      const self = await app.token({ role: 'client', clientId });
      await registerClient(app, self, registerInput(leeds));
      const own = await app.gql(UPDATE, { id: clientId, input: { givenName: 'Millie' } }, self);
      expect(own.errors).toBeUndefined();
      const other = await registerClient(app, leedsReception, registerInput(leeds));
      const before = await footprint(app);
      const notOwn = await app.gql(UPDATE, { id: other.id, input: { givenName: 'X' } }, self);
      expect(errorCodes(notOwn)).toEqual(['FORBIDDEN']);
      expect(await footprint(app)).toBe(before);
    });

    it.each([
      ['a receptionist of another clinic', () => yorkReception, 'FORBIDDEN'],
      ['a therapist (even treating)', () => therapist, 'FORBIDDEN'],
      ['an integrator', () => integrator, 'FORBIDDEN'],
    ])('refuses %s', async (_who, token, code) => {
      const client = await registerClient(app, leedsReception, registerInput(leeds));
      await linkTestTherapist(app.dataSource, {
        clientId: client.id,
        therapistId,
        clinicId: leeds,
      });
      const before = await footprint(app);
      const result = await app.gql(
        UPDATE,
        { id: client.id, input: { phone: '07700 900111' } },
        token(),
      );
      expect(errorCodes(result)).toEqual([code]);
      expect(await footprint(app)).toBe(before);
    });

    it('refuses bad input and a change that makes a likely duplicate, writing nothing', async () => {
      const first = await registerClient(app, leedsReception, registerInput(leeds));
      const second = await registerClient(app, leedsReception, registerInput(leeds));
      const before = await footprint(app);
      const bad = await app.gql(
        UPDATE,
        { id: second.id, input: { dateOfBirth: '2999-01-01' } },
        leedsReception,
      );
      expect(errorCodes(bad)).toEqual(['DATE_OF_BIRTH_IN_FUTURE']);
      const dup = await app.gql(
        UPDATE,
        { id: second.id, input: { email: first.email } },
        leedsReception,
      );
      expect(errorCodes(dup)).toEqual(['CLIENT_LIKELY_DUPLICATE']);
      expect(dup.errors?.[0]?.extensions?.existingClientId).toBe(first.id);
      expect(await footprint(app)).toBe(before);
    });
  });

  describe('client and clients queries', () => {
    it('shows a client to their clinic, their therapist and head office, and audits each read', async () => {
      const client = await registerClient(app, leedsReception, registerInput(leeds));
      await linkTestTherapist(app.dataSource, {
        clientId: client.id,
        therapistId,
        clinicId: leeds,
      });
      for (const token of [leedsReception, therapist, headOffice]) {
        const result = await app.gql<{ client: ClientView }>(GET, { id: client.id }, token);
        expect(result.errors).toBeUndefined();
        expect(result.data?.client.email).toBe(client.email);
      }
      const reads = await app.dataSource.query<{ count: string }[]>(
        `SELECT count(*) FROM audit_log WHERE client_id = $1 AND action = 'read'`,
        [client.id],
      );
      expect(reads[0]?.count).toBe('3');
    });

    it('refuses other clinics, therapists not caring for the client, and other clients, without an audit row', async () => {
      const client = await registerClient(app, leedsReception, registerInput(leeds));
      const notCaring = await app.token({
        role: 'therapist',
        clinicIds: [leeds],
        therapistId: randomUUID(),
      });
      const otherClient = await app.token({ role: 'client', clientId: randomUUID() });
      const noScope = await app.token({
        role: 'integrator',
        clinicIds: [leeds],
        scopes: ['events:read'],
      });
      const before = await footprint(app);
      for (const token of [yorkReception, notCaring, otherClient, noScope]) {
        const result = await app.gql(GET, { id: client.id }, token);
        expect(errorCodes(result)).toEqual(['FORBIDDEN']);
      }
      expect(errorCodes(await app.gql(GET, { id: randomUUID() }, headOffice))).toEqual([
        'CLIENT_NOT_FOUND',
      ]);
      expect(errorCodes(await app.gql(GET, { id: 'nope' }, headOffice))).toEqual([
        'INVALID_CLIENT_ID',
      ]);
      expect(await footprint(app)).toBe(before);
    });

    it('gives an integrator the id only: every personal field is null', async () => {
      const client = await registerClient(app, leedsReception, registerInput(leeds));
      const result = await app.gql<{ client: ClientView }>(GET, { id: client.id }, integrator);
      expect(result.errors).toBeUndefined();
      expect(result.data?.client).toEqual({
        id: client.id,
        givenName: null,
        familyName: null,
        dateOfBirth: null,
        email: null,
        phone: null,
        address: null,
        gpPractice: null,
        emergencyContact: null,
        clinics: null,
        registeredVia: null,
        registeredAt: null,
        erasedAt: null,
      });
    });

    it("searches by name, email and phone within the caller's clinics, a page at a time", async () => {
      const family = `Search${randomUUID().slice(0, 6)}`;
      const a = await registerClient(
        app,
        leedsReception,
        registerInput(leeds, { familyName: `${family}a`, givenName: 'Zoe' }),
      );
      const b = await registerClient(
        app,
        leedsReception,
        registerInput(leeds, { familyName: `${family}b`, phone: '07700 912345' }),
      );
      const c = await registerClient(
        app,
        leedsReception,
        registerInput(leeds, { familyName: `${family}c` }),
      );
      const inYork = await registerClient(
        app,
        yorkReception,
        registerInput(york, { familyName: `${family}d` }),
      );

      const page1 = await app.gql<ListResult>(
        LIST,
        { search: { text: family }, first: 2 },
        leedsReception,
      );
      expect(page1.errors).toBeUndefined();
      expect(page1.data?.clients.edges.map((e) => e.node.id)).toEqual([a.id, b.id]);
      expect(page1.data?.clients.pageInfo.hasNextPage).toBe(true);
      const page2 = await app.gql<ListResult>(
        LIST,
        { search: { text: family }, first: 2, after: page1.data?.clients.pageInfo.endCursor },
        leedsReception,
      );
      expect(page2.data?.clients.edges.map((e) => e.node.id)).toEqual([c.id]);
      expect(page2.data?.clients.pageInfo.hasNextPage).toBe(false);

      const all = await app.gql<ListResult>(
        LIST,
        { search: { text: family }, first: 10 },
        headOffice,
      );
      expect(all.data?.clients.edges.map((e) => e.node.id)).toEqual([a.id, b.id, c.id, inYork.id]);

      const byEmail = await app.gql<ListResult>(
        LIST,
        { search: { text: b.email?.toUpperCase() } },
        leedsReception,
      );
      expect(byEmail.data?.clients.edges.map((e) => e.node.id)).toEqual([b.id]);
      const byPhone = await app.gql<ListResult>(
        LIST,
        { search: { text: '07700 912345', clinicId: leeds } },
        leedsReception,
      );
      expect(byPhone.data?.clients.edges.map((e) => e.node.id)).toContain(b.id);
      const byName = await app.gql<ListResult>(
        LIST,
        { search: { text: `zoe ${family}` } },
        leedsReception,
      );
      expect(byName.data?.clients.edges.map((e) => e.node.id)).toEqual([a.id]);
    });

    it('lists a therapist only the clients they care for', async () => {
      const family = `Care${randomUUID().slice(0, 6)}`;
      const cared = await registerClient(
        app,
        leedsReception,
        registerInput(leeds, { familyName: family }),
      );
      await registerClient(app, leedsReception, registerInput(leeds, { familyName: `${family}x` }));
      await linkTestTherapist(app.dataSource, { clientId: cared.id, therapistId, clinicId: leeds });
      const result = await app.gql<ListResult>(LIST, { search: { text: family } }, therapist);
      expect(result.data?.clients.edges.map((e) => e.node.id)).toEqual([cared.id]);
    });

    it('lets an integrator list ids without names, in id order, with cursors holding only ids, but not search', async () => {
      const listed = await app.gql<ListResult>(LIST, { first: 5 }, integrator);
      expect(listed.errors).toBeUndefined();
      const edges = listed.data?.clients.edges ?? [];
      expect(edges.length).toBeGreaterThan(1);
      expect(edges.every((e) => e.node.givenName === null && e.node.email === null)).toBe(true);
      const ids = edges.map((e) => e.node.id);
      expect(ids).toEqual([...ids].sort());
      for (const edge of edges) {
        expect(cursorBody(edge.cursor)).toBe(edge.node.id);
      }
      const next = await app.gql<ListResult>(
        LIST,
        { first: 5, after: listed.data?.clients.pageInfo.endCursor },
        integrator,
      );
      expect(next.errors).toBeUndefined();
      expect(next.data?.clients.edges.every((e) => e.node.id > (ids.at(-1) ?? ''))).toBe(true);
      const searched = await app.gql(LIST, { search: { text: 'Amelia' } }, integrator);
      expect(errorCodes(searched)).toEqual(['FORBIDDEN']);
    });

    it('gives name-ordered cursors that hold only the id, and refuses a cursor of a client the caller may not list', async () => {
      const family = `Cursor${randomUUID().slice(0, 6)}`;
      const first = await registerClient(
        app,
        leedsReception,
        registerInput(leeds, { familyName: `${family}a` }),
      );
      const second = await registerClient(
        app,
        leedsReception,
        registerInput(leeds, { familyName: `${family}b` }),
      );
      const inYork = await registerClient(
        app,
        yorkReception,
        registerInput(york, { familyName: `${family}c` }),
      );
      const page = await app.gql<ListResult>(
        LIST,
        { search: { text: family }, first: 1 },
        leedsReception,
      );
      const cursor = page.data?.clients.pageInfo.endCursor ?? '';
      expect(cursorBody(cursor)).toBe(first.id);
      expect(cursor).not.toContain(family);
      const next = await app.gql<ListResult>(
        LIST,
        { search: { text: family }, after: cursor },
        leedsReception,
      );
      expect(next.data?.clients.edges.map((e) => e.node.id)).toEqual([second.id]);

      // A cursor naming a client outside the caller's scope is not a position it may use.
      const yorkCursor = `cl2:${Buffer.from(inYork.id).toString('base64url')}`;
      const headOfficeFrom = await app.gql<ListResult>(
        LIST,
        { search: { text: family }, after: yorkCursor },
        headOffice,
      );
      expect(headOfficeFrom.errors).toBeUndefined();
      expect(errorCodes(await app.gql(LIST, { after: yorkCursor }, leedsReception))).toEqual([
        'INVALID_CURSOR',
      ]);
      expect(errorCodes(await app.gql(LIST, { after: yorkCursor }, integrator))).toEqual([
        'INVALID_CURSOR',
      ]);
      const unknown = `cl2:${Buffer.from(randomUUID()).toString('base64url')}`;
      expect(errorCodes(await app.gql(LIST, { after: unknown }, headOffice))).toEqual([
        'INVALID_CURSOR',
      ]);
      const oldFormat = `cl1:${Buffer.from(JSON.stringify(['a', 'b', first.id])).toString('base64url')}`;
      expect(errorCodes(await app.gql(LIST, { after: oldFormat }, leedsReception))).toEqual([
        'INVALID_CURSOR',
      ]);
    });

    it('refuses a bad cursor, page size or search text', async () => {
      expect(errorCodes(await app.gql(LIST, { after: 'nope' }, headOffice))).toEqual([
        'INVALID_CURSOR',
      ]);
      expect(errorCodes(await app.gql(LIST, { first: 0 }, headOffice))).toEqual([
        'INVALID_PAGE_SIZE',
      ]);
      expect(errorCodes(await app.gql(LIST, { search: { text: 'a' } }, headOffice))).toEqual([
        'INVALID_SEARCH',
      ]);
    });
  });

  describe('subject data section', () => {
    it("deletes the client's contact-details events from the outbox at erasure, published or not", async () => {
      const client = await registerClient(app, leedsReception, registerInput(leeds));
      const other = await registerClient(app, leedsReception, registerInput(leeds));
      await app.event('client.contact_changed', (e) => e.aggregateId === client.id);
      await eventually(async () => {
        const published = await app.dataSource.query<{ count: string }[]>(
          `SELECT count(*) FROM outbox WHERE message_key = $1
              AND event_type = 'client.contact_changed' AND published_at IS NOT NULL`,
          [client.id],
        );
        expect(published[0]?.count).toBe('1');
      });
      const outboxOf = async (id: string): Promise<string[]> =>
        (
          await app.dataSource.query<{ event_type: string }[]>(
            'SELECT event_type FROM outbox WHERE message_key = $1 ORDER BY id',
            [id],
          )
        ).map((row) => row.event_type);
      const section = new ClientsSubjectData(new ClientsRepository());
      await app.dataSource.transaction(async (tx) => {
        // One not yet published, in the erasing transaction's view.
        await new OutboxWriter().append(tx, ClientContactChangedV1, {
          aggregateId: client.id,
          clinicId: leeds,
          data: {
            clientId: client.id,
            givenName: 'Amelia',
            email: client.email,
            phone: client.phone,
            clinicIds: [leeds],
            cause: 'details_updated',
          },
        });
        const rows = await tx.query<{ count: string }[]>(
          `SELECT count(*) FROM outbox WHERE message_key = $1 AND event_type = 'client.contact_changed'`,
          [client.id],
        );
        expect(rows[0]?.count).toBe('2');
        await section.erasePersonalDetails(tx, client.id);
      });
      expect(await outboxOf(client.id)).toEqual(['client.registered']);
      expect(await outboxOf(other.id)).toEqual(['client.registered', 'client.contact_changed']);
    });

    it('exports demographics and clinics, and erasure nulls personal fields but keeps the date of birth', async () => {
      const client = await registerClient(app, leedsReception, registerInput(leeds));
      const section = new ClientsSubjectData(new ClientsRepository());
      const exported = await app.dataSource.transaction((tx) => section.exportFor(tx, client.id));
      expect(exported).toMatchObject({
        id: client.id,
        email: client.email,
        dateOfBirth: '1984-03-21',
        clinics: [{ clinicId: leeds }],
      });
      await app.dataSource.transaction((tx) => section.erasePersonalDetails(tx, client.id));
      const rows = await app.dataSource.query<Record<string, unknown>[]>(
        `SELECT given_name, family_name, email, phone, address, gp_practice, emergency_contact,
                identity_subject, to_char(date_of_birth, 'YYYY-MM-DD') AS dob, erased_at IS NOT NULL AS erased
           FROM client WHERE id = $1`,
        [client.id],
      );
      expect(rows[0]).toEqual({
        given_name: null,
        family_name: null,
        email: null,
        phone: null,
        address: null,
        gp_practice: null,
        emergency_contact: null,
        identity_subject: null,
        dob: '1984-03-21',
        erased: true,
      });
    });
  });
});

/** What a list cursor carries, decoded. */
function cursorBody(cursor: string): string {
  expect(cursor.startsWith('cl2:')).toBe(true);
  return Buffer.from(cursor.slice(4), 'base64url').toString('utf8');
}

async function eventually(check: () => Promise<void>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error: unknown) {
      if (Date.now() > deadline) {
        throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}
