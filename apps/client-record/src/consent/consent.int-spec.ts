import { randomUUID } from 'node:crypto';
import { envelopeSchema, EventEnvelope, platformCatalogue, TOPICS } from '@app/contracts';
import { ServiceTestApp, startServiceTestApp } from '@app/platform/test-support/service-test-app';
import { insertTestClient, linkTestTherapist } from '../access/test-support/client-fixtures';
import { clientRecordDefinition } from '../client-record.definition';
import { ClientRecordModule } from '../client-record.module';
import { errorCodes, footprint } from '../clients/test-support/client-test-kit';
import { ConsentRepository } from './consent.repository';
import { ConsentSubjectData } from './consent.subject-data';

const TREATMENT_FORM = '0c0f5e10-0000-4000-8000-000000000001';
const MESSAGES_FORM = '0c0f5e10-0000-4000-8000-000000000002';

const ENTRY_FIELDS = `id kind channel granted formVersionId method effectiveAt recordedAt recordedBySubject recordedByRole`;
const RECORD = `mutation($clientId: ID!, $input: RecordConsentInput!) {
  recordConsent(clientId: $clientId, input: $input) { ${ENTRY_FIELDS} } }`;
const WITHDRAW = `mutation($clientId: ID!, $input: WithdrawConsentInput!) {
  withdrawConsent(clientId: $clientId, input: $input) { ${ENTRY_FIELDS} } }`;
const CONSENTS = `query($id: ID!) { client(id: $id) { id
  consents { ${ENTRY_FIELDS} } consentHistory { ${ENTRY_FIELDS} } } }`;

interface Entry {
  id: string;
  kind: string;
  channel: string | null;
  granted: boolean;
  formVersionId: string | null;
  method: string;
  recordedBySubject: string;
  recordedByRole: string;
}

interface ConsentsResult {
  client: { id: string; consents: Entry[]; consentHistory: Entry[] };
}

function expectValidEvent(event: EventEnvelope): void {
  expect(envelopeSchema.safeParse(event).success).toBe(true);
  const definition = platformCatalogue.find(event.type, event.schemaVersion);
  expect(definition?.schema.safeParse(event.data).success).toBe(true);
}

const treatmentGrant = {
  kind: 'treatment',
  granted: true,
  method: 'paper',
  formVersionId: TREATMENT_FORM,
};

describe('client-record consent ledger', () => {
  let app: ServiceTestApp;
  const leeds = randomUUID();
  const york = randomUUID();
  const therapistId = randomUUID();
  let headOffice: string;
  let reception: string;
  let yorkReception: string;
  let therapist: string;
  let integrator: string;

  beforeAll(async () => {
    app = await startServiceTestApp(clientRecordDefinition, ClientRecordModule.forRoot, {
      watchTopics: [TOPICS.clientRecord],
    });
    headOffice = await app.token({ role: 'head_office_admin' });
    reception = await app.token({ role: 'receptionist', clinicIds: [leeds], subject: 'desk-1' });
    yorkReception = await app.token({ role: 'receptionist', clinicIds: [york] });
    therapist = await app.token({ role: 'therapist', clinicIds: [leeds], therapistId });
    integrator = await app.token({
      role: 'integrator',
      clinicIds: [leeds],
      scopes: ['clients:read'],
    });
  });

  afterAll(async () => {
    await app.close();
  });

  async function newClient(): Promise<string> {
    return insertTestClient(app.dataSource, { clinicIds: [leeds] });
  }

  it('records a treatment consent with its form version, publishes consent.changed and audits it', async () => {
    const clientId = await newClient();
    const result = await app.gql<{ recordConsent: Entry }>(
      RECORD,
      { clientId, input: treatmentGrant },
      reception,
    );
    expect(result.errors).toBeUndefined();
    const entry = result.data?.recordConsent;
    expect(entry).toMatchObject({
      kind: 'treatment',
      channel: null,
      granted: true,
      formVersionId: TREATMENT_FORM,
      method: 'paper',
      recordedBySubject: 'desk-1',
      recordedByRole: 'receptionist',
    });
    const event = await app.event('consent.changed', (e) => e.aggregateId === clientId);
    expectValidEvent(event);
    expect(event.data).toEqual({
      clientId,
      clinicIds: [leeds],
      consentId: entry?.id,
      kind: 'treatment',
      channel: null,
      granted: true,
      formVersionId: TREATMENT_FORM,
      method: 'paper',
      effectiveAt: expect.any(String) as string,
    });
    const audit = await app.dataSource.query<{ record_type: string; action: string }[]>(
      'SELECT record_type, action FROM audit_log WHERE client_id = $1',
      [clientId],
    );
    expect(audit).toEqual([{ record_type: 'consent', action: 'create' }]);
  });

  it('keeps every change as a new entry: withdrawal, current state and history', async () => {
    const clientId = await newClient();
    const sms = { kind: 'service_messages', channel: 'sms', method: 'phone' };
    await app.gql(
      RECORD,
      { clientId, input: { ...sms, granted: true, formVersionId: MESSAGES_FORM } },
      reception,
    );
    await app.gql(
      RECORD,
      {
        clientId,
        input: { kind: 'service_messages', channel: 'email', granted: true, method: 'phone' },
      },
      reception,
    );
    const withdrawn = await app.gql<{ withdrawConsent: Entry }>(
      WITHDRAW,
      { clientId, input: sms },
      reception,
    );
    expect(withdrawn.errors).toBeUndefined();
    expect(withdrawn.data?.withdrawConsent).toMatchObject({ granted: false, channel: 'sms' });
    const event = await app.event(
      'consent.changed',
      (e) => e.aggregateId === clientId && (e.data as { granted: boolean }).granted === false,
    );
    expect(event.data).toMatchObject({ kind: 'service_messages', channel: 'sms', granted: false });

    const read = await app.gql<ConsentsResult>(CONSENTS, { id: clientId }, reception);
    expect(read.errors).toBeUndefined();
    const current = read.data?.client.consents.map((e) => [e.channel, e.granted]);
    expect(current).toEqual([
      ['sms', false],
      ['email', true],
    ]);
    expect(read.data?.client.consentHistory.map((e) => [e.channel, e.granted])).toEqual([
      ['sms', false],
      ['email', true],
      ['sms', true],
    ]);
  });

  it('changes nothing when the current grant is repeated', async () => {
    const clientId = await newClient();
    const first = await app.gql<{ recordConsent: Entry }>(
      RECORD,
      { clientId, input: treatmentGrant },
      reception,
    );
    const before = await footprint(app);
    const again = await app.gql<{ recordConsent: Entry }>(
      RECORD,
      { clientId, input: treatmentGrant },
      reception,
    );
    expect(again.data?.recordConsent.id).toBe(first.data?.recordConsent.id);
    expect(await footprint(app)).toBe(before);
  });

  it("lets a client record their own marketing consent online, and no one else's", async () => {
    const clientId = await newClient();
    const self = await app.token({ role: 'client', clientId });
    const input = { kind: 'marketing', channel: 'email', granted: true, method: 'online' };
    const own = await app.gql<{ recordConsent: Entry }>(RECORD, { clientId, input }, self);
    expect(own.errors).toBeUndefined();
    expect(own.data?.recordConsent.recordedByRole).toBe('client');
    const other = await newClient();
    const before = await footprint(app);
    expect(errorCodes(await app.gql(RECORD, { clientId: other, input }, self))).toEqual([
      'FORBIDDEN',
    ]);
    expect(
      errorCodes(await app.gql(RECORD, { clientId, input: { ...input, method: 'paper' } }, self)),
    ).toEqual(['CONSENT_METHOD_NOT_ALLOWED']);
    expect(await footprint(app)).toBe(before);
  });

  it.each([
    ['a receptionist of another clinic', () => yorkReception],
    ['a treating therapist', () => therapist],
    ['an integrator', () => integrator],
  ])('refuses %s a consent change, writing nothing', async (_who, token) => {
    const clientId = await newClient();
    await linkTestTherapist(app.dataSource, { clientId, therapistId, clinicId: leeds });
    const before = await footprint(app);
    const result = await app.gql(RECORD, { clientId, input: treatmentGrant }, token());
    expect(errorCodes(result)).toEqual(['FORBIDDEN']);
    expect(await footprint(app)).toBe(before);
  });

  it('shows consents to a treating therapist but not to an integrator or another clinic', async () => {
    const clientId = await newClient();
    await linkTestTherapist(app.dataSource, { clientId, therapistId, clinicId: leeds });
    await app.gql(RECORD, { clientId, input: treatmentGrant }, reception);
    const treating = await app.gql<ConsentsResult>(CONSENTS, { id: clientId }, therapist);
    expect(treating.errors).toBeUndefined();
    expect(treating.data?.client.consents).toHaveLength(1);
    const byIntegrator = await app.gql<ConsentsResult>(CONSENTS, { id: clientId }, integrator);
    expect(errorCodes(byIntegrator)).toContain('FORBIDDEN');
    expect(byIntegrator.data?.client ?? null).toBeNull();
    const byOtherClinic = await app.gql(CONSENTS, { id: clientId }, yorkReception);
    expect(errorCodes(byOtherClinic)).toEqual(['FORBIDDEN']);
  });

  it.each([
    [
      'treatment without a form version',
      { kind: 'treatment', granted: true, method: 'paper' },
      'CONSENT_FORM_VERSION_REQUIRED',
    ],
    [
      'a form version of another kind',
      { ...treatmentGrant, formVersionId: MESSAGES_FORM },
      'CONSENT_FORM_VERSION_OF_OTHER_KIND',
    ],
    [
      'an unknown form version',
      { ...treatmentGrant, formVersionId: randomUUID() },
      'CONSENT_FORM_VERSION_NOT_FOUND',
    ],
    [
      'a malformed form version id',
      { ...treatmentGrant, formVersionId: 'not-a-form' },
      'CONSENT_FORM_VERSION_NOT_FOUND',
    ],
    [
      'a form version id of 36 dashes (uuid-length, not a uuid)',
      { ...treatmentGrant, formVersionId: '-'.repeat(36) },
      'CONSENT_FORM_VERSION_NOT_FOUND',
    ],
    [
      'service messages without a channel',
      { kind: 'service_messages', granted: true, method: 'paper' },
      'CONSENT_CHANNEL_REQUIRED',
    ],
    [
      'treatment with a channel',
      { ...treatmentGrant, channel: 'sms' },
      'CONSENT_CHANNEL_NOT_ALLOWED',
    ],
    [
      'a future effectiveAt',
      { ...treatmentGrant, effectiveAt: new Date(Date.now() + 3_600_000).toISOString() },
      'INVALID_EFFECTIVE_AT',
    ],
  ])('refuses %s, writing nothing', async (_what, input, code) => {
    const clientId = await newClient();
    const before = await footprint(app);
    const result = await app.gql(RECORD, { clientId, input }, reception);
    expect(errorCodes(result)).toEqual([code]);
    expect(await footprint(app)).toBe(before);
  });

  it('refuses to withdraw a consent never granted, and an unknown client', async () => {
    const clientId = await newClient();
    const before = await footprint(app);
    const notGranted = await app.gql(
      WITHDRAW,
      { clientId, input: { kind: 'marketing', channel: 'sms', method: 'phone' } },
      reception,
    );
    expect(errorCodes(notGranted)).toEqual(['CONSENT_NOT_GRANTED']);
    const unknown = await app.gql(
      RECORD,
      { clientId: randomUUID(), input: treatmentGrant },
      headOffice,
    );
    expect(errorCodes(unknown)).toEqual(['CLIENT_NOT_FOUND']);
    const malformed = await app.gql(
      RECORD,
      { clientId: 'nope', input: treatmentGrant },
      headOffice,
    );
    expect(errorCodes(malformed)).toEqual(['INVALID_CLIENT_ID']);
    const malformedWithdraw = await app.gql(
      WITHDRAW,
      { clientId: 'nope', input: { kind: 'marketing', channel: 'sms', method: 'phone' } },
      headOffice,
    );
    expect(errorCodes(malformedWithdraw)).toEqual(['INVALID_CLIENT_ID']);
    expect(await footprint(app)).toBe(before);
  });

  it('is append-only for the service: the app role cannot change an entry', async () => {
    const clientId = await newClient();
    await app.gql(RECORD, { clientId, input: treatmentGrant }, reception);
    await expect(
      app.dataSource.query('UPDATE consent_entry SET granted = false WHERE client_id = $1', [
        clientId,
      ]),
    ).rejects.toThrow(/permission denied/);
  });

  it('exports the history in the subject access section, keeps it at erasure and deletes it at purge', async () => {
    const clientId = await newClient();
    await app.gql(RECORD, { clientId, input: treatmentGrant }, reception);
    const section = new ConsentSubjectData(new ConsentRepository());
    const exported = await app.dataSource.transaction((tx) => section.exportFor(tx, clientId));
    expect(exported).toEqual([
      expect.objectContaining({ kind: 'treatment', granted: true, formVersionId: TREATMENT_FORM }),
    ]);
    await section.erasePersonalDetails();
    const count = async (): Promise<string | undefined> =>
      (
        await app.dataSource.query<{ count: string }[]>(
          'SELECT count(*) FROM consent_entry WHERE client_id = $1',
          [clientId],
        )
      )[0]?.count;
    expect(await count()).toBe('1');
    await app.dataSource.transaction((tx) => section.purge(tx, clientId));
    expect(await count()).toBe('0');
  });
});
