import { randomUUID } from 'node:crypto';
import { BookingCompletedV1, BookingConfirmedV1, EventEnvelope, TOPICS } from '@app/contracts';
import { DEMO_OPENING_HOURS } from '@app/launcher';
import { connectPlatformEvents, eventually, PlatformEvents } from './support/kafka-events';
import {
  errorCodes,
  gql,
  GraphqlResponse,
  RunningPlatform,
  startPlatform,
} from './support/running-platform';

interface AuditRow {
  actorSubject: string;
  actorRole: string;
  actorTherapistId: string | null;
  clinicId: string | null;
  clientId: string | null;
  recordType: string;
  recordId: string | null;
  action: string;
  correlationId: string;
}

interface ConsentView {
  kind: string;
  channel: string | null;
  granted: boolean;
  method: string;
  recordedByRole: string;
}

/** Field names and values that are clinical detail: never in an event (issue 4). */
const CLINICAL_FIELD =
  /condition|red_?flag|pain|nprs|medication|technique|range_?of_?motion|^rom$|joint|movement|degrees|notes?$|diagnos|symptom|description|reasons?$|medical|health/i;

function clinicalKeysIn(value: unknown, path = ''): string[] {
  if (Array.isArray(value)) {
    return value.flatMap((item, index) => clinicalKeysIn(item, `${path}[${index}]`));
  }
  if (typeof value !== 'object' || value === null) {
    return [];
  }
  return Object.entries(value).flatMap(([key, child]) => [
    ...(CLINICAL_FIELD.test(key) ? [`${path}${key}`] : []),
    ...clinicalKeysIn(child, `${path}${key}.`),
  ]);
}

/** A name part of letters only (names need no digits), unique per run. */
function uniqueLetters(length: number): string {
  return randomUUID()
    .replace(/-/g, '')
    .slice(0, length)
    .replace(/\d/g, (digit) => 'qrstuvwxyz'[Number(digit)] ?? 'q');
}

/** "YYYY-MM-DDTHH:MM" on the wall clock of Europe/London. */
function londonWallClock(instant: Date): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant);
  const part = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}T${part('hour')}:${part('minute')}`;
}

const CLIENT_FIELDS = `id givenName familyName dateOfBirth email phone registeredVia
  clinics { clinicId name }`;

/**
 * The client-record service through the gateway with every app running: head office
 * opens two clinics in the roster (client-record learns them from roster's events),
 * reception registers a client, a client registers themself online, a therapist becomes
 * the treating therapist from booking's events on Kafka, screens the client (a red flag:
 * GP clearance needed) and writes up the session; reception, other therapists and
 * another clinic's reception are refused clinical data; the client exports their data;
 * the clinical lead overrides the eligibility and reads the audit trail of all of it.
 */
describe('the client record through the gateway', () => {
  let platform: RunningPlatform;
  let events: PlatformEvents;
  let headOffice: string;
  let leedsId: string;
  let yorkId: string;
  let therapistId: string;
  const otherTherapistId = randomUUID();
  const bookingId = randomUUID();
  const clientId = randomUUID(); // minted by the identity provider at online sign-up
  const familyName = `Okafor${uniqueLetters(8)}`;
  const subjects = {
    leedsReception: `e2e-reception-leeds-${randomUUID()}`,
    yorkReception: `e2e-reception-york-${randomUUID()}`,
    therapist: `e2e-therapist-${randomUUID()}`,
    otherTherapist: `e2e-therapist-other-${randomUUID()}`,
    clinicalLead: `e2e-clinical-lead-${randomUUID()}`,
    client: `e2e-client-${clientId}`,
  };
  const tokens = {} as Record<keyof typeof subjects, string>;
  let staffRegisteredId: string;
  let screeningId: string;
  let sessionRecordId: string;
  const therapistReadCorrelation = `e2e-screening-read-${randomUUID()}`;

  async function call<T>(
    query: string,
    variables: Record<string, unknown>,
    token: string,
    headers: Record<string, string> = {},
  ): Promise<GraphqlResponse<T>> {
    return gql<T>(platform.gatewayUrl, query, { token, variables, headers });
  }

  async function must<T>(
    query: string,
    variables: Record<string, unknown>,
    token: string,
    headers: Record<string, string> = {},
  ): Promise<T> {
    const response = await call<T>(query, variables, token, headers);
    expect(response.errors).toBeUndefined();
    if (response.data === undefined || response.data === null) {
      throw new Error('no data');
    }
    return response.data;
  }

  async function openClinic(name: string): Promise<string> {
    const data = await must<{ openClinic: { id: string } }>(
      'mutation Open($input: OpenClinicInput!) { openClinic(input: $input) { id } }',
      {
        input: {
          code: `C${randomUUID().slice(0, 6).toUpperCase()}`,
          name,
          timezone: 'Europe/London',
          address: { line1: '1 Test Street', city: name, postcode: 'LS1 5HD' },
          openingHours: DEMO_OPENING_HOURS,
          rooms: ['Room 1'],
        },
      },
      headOffice,
    );
    return data.openClinic.id;
  }

  /** booking.* as the booking service publishes it, for the client and therapist above. */
  function bookingState<S extends 'confirmed' | 'completed'>(status: S) {
    const startsAt = new Date(Date.now() - 26 * 3_600_000);
    startsAt.setUTCMinutes(0, 0, 0);
    const endsAt = new Date(startsAt.getTime() + 3_600_000);
    return {
      bookingId,
      clinicId: leedsId,
      clientId,
      therapistId,
      treatmentId: randomUUID(),
      roomId: randomUUID(),
      startsAt: startsAt.toISOString(),
      endsAt: endsAt.toISOString(),
      localStart: londonWallClock(startsAt),
      localEnd: londonWallClock(endsAt),
      timezone: 'Europe/London',
      status,
    } as const;
  }

  function expectNoClinicalDetail(event: EventEnvelope): void {
    expect(clinicalKeysIn(event.data)).toEqual([]);
    const text = JSON.stringify(event);
    for (const clinical of ['osteoporosis', 'lower_back_pain', 'Ibuprofen', 'pnf_contract_relax']) {
      expect(text).not.toContain(clinical);
    }
  }

  beforeAll(async () => {
    platform = await startPlatform();
    events = await connectPlatformEvents([TOPICS.clientRecord]);
    headOffice = await platform.token({ role: 'head_office_admin' });
    leedsId = await openClinic('Leeds');
    yorkId = await openClinic('York');
    const added = await must<{ addTherapist: { id: string } }>(
      'mutation Add($input: AddTherapistInput!) { addTherapist(input: $input) { id } }',
      {
        input: {
          givenName: 'Amira',
          familyName: `Khan-${randomUUID().slice(0, 4)}`,
          email: `amira.${randomUUID().slice(0, 8)}@example.co.uk`,
          profession: 'physiotherapist',
          hcpcNumber: `PH${String(Math.floor(100000 + Math.random() * 899999))}`,
          specialties: ['lower_back_pain'],
          clinicIds: [leedsId],
        },
      },
      headOffice,
    );
    therapistId = added.addTherapist.id;

    tokens.leedsReception = await platform.token({
      role: 'receptionist',
      clinicIds: [leedsId],
      subject: subjects.leedsReception,
    });
    tokens.yorkReception = await platform.token({
      role: 'receptionist',
      clinicIds: [yorkId],
      subject: subjects.yorkReception,
    });
    tokens.therapist = await platform.token({
      role: 'therapist',
      clinicIds: [leedsId],
      therapistId,
      subject: subjects.therapist,
    });
    tokens.otherTherapist = await platform.token({
      role: 'therapist',
      clinicIds: [leedsId],
      therapistId: otherTherapistId,
      subject: subjects.otherTherapist,
    });
    tokens.clinicalLead = await platform.token({
      role: 'clinical_lead',
      subject: subjects.clinicalLead,
    });
    tokens.client = await platform.token({ role: 'client', clientId, subject: subjects.client });
  });

  afterAll(async () => {
    await events?.close();
    await platform?.stop();
  });

  it('lets reception register a client at their clinic once it is known, record consent and see it all in one query', async () => {
    const email = `grace.${uniqueLetters(10)}@example.co.uk`;
    const register = {
      clinicId: leedsId,
      givenName: 'Grace',
      familyName: `Adeyemi${uniqueLetters(8)}`,
      dateOfBirth: '1968-04-12',
      email,
      phone: '07700 900456',
      address: { line1: '12 Park Row', town: 'Leeds', postcode: 'ls1 5hd' },
    };
    // client-record learns of the clinic from roster's clinic.opened: until then, CLINIC_NOT_FOUND.
    const registered = await eventually(async () => {
      const response = await call<{ registerClient: { id: string } & Record<string, unknown> }>(
        `mutation($input: RegisterClientInput!) { registerClient(input: $input) { ${CLIENT_FIELDS} } }`,
        { input: register },
        tokens.leedsReception,
      );
      if (errorCodes(response).includes('CLINIC_NOT_FOUND')) {
        return undefined;
      }
      expect(response.errors).toBeUndefined();
      return response.data?.registerClient;
    }, 'client-record to know the Leeds clinic');
    staffRegisteredId = registered.id;
    expect(registered).toEqual({
      id: expect.any(String),
      givenName: 'Grace',
      familyName: register.familyName,
      dateOfBirth: '1968-04-12',
      email,
      phone: '+447700900456',
      registeredVia: 'staff',
      clinics: [{ clinicId: leedsId, name: 'Leeds' }],
    });

    const again = await call(
      'mutation($input: RegisterClientInput!) { registerClient(input: $input) { id } }',
      { input: { ...register, email: email.toUpperCase() } },
      tokens.leedsReception,
    );
    expect(errorCodes(again)).toEqual(['CLIENT_LIKELY_DUPLICATE']);
    expect(again.errors?.[0]?.extensions?.existingClientId).toBe(staffRegisteredId);

    const forms = await must<{ consentForms: { id: string; kind: string }[] }>(
      '{ consentForms { id kind } }',
      {},
      tokens.leedsReception,
    );
    const treatmentForm = forms.consentForms.find((form) => form.kind === 'treatment');
    expect(treatmentForm).toBeDefined();
    const RECORD_CONSENT =
      'mutation($clientId: ID!, $input: RecordConsentInput!) { recordConsent(clientId: $clientId, input: $input) { id } }';
    await must(
      RECORD_CONSENT,
      {
        clientId: staffRegisteredId,
        input: {
          kind: 'treatment',
          granted: true,
          method: 'in_person',
          formVersionId: treatmentForm?.id,
        },
      },
      tokens.leedsReception,
    );
    await must(
      RECORD_CONSENT,
      {
        clientId: staffRegisteredId,
        input: { kind: 'service_messages', channel: 'email', granted: true, method: 'in_person' },
      },
      tokens.leedsReception,
    );

    const seen = await must<{
      client: {
        id: string;
        givenName: string;
        address: { postcode: string };
        eligibility: { status: string };
        consents: ConsentView[];
      };
    }>(
      `query($id: ID!) { client(id: $id) {
        id givenName address { postcode } eligibility { status }
        consents { kind channel granted method recordedByRole }
      } }`,
      { id: staffRegisteredId },
      tokens.leedsReception,
    );
    expect(seen.client).toEqual({
      id: staffRegisteredId,
      givenName: 'Grace',
      address: { postcode: 'LS1 5HD' },
      eligibility: { status: 'not_screened' },
      consents: expect.arrayContaining([
        {
          kind: 'treatment',
          channel: null,
          granted: true,
          method: 'in_person',
          recordedByRole: 'receptionist',
        },
        {
          kind: 'service_messages',
          channel: 'email',
          granted: true,
          method: 'in_person',
          recordedByRole: 'receptionist',
        },
      ]),
    });
    expect(seen.client.consents).toHaveLength(2);

    const consentEvent = await events.event(
      'consent.changed',
      (event) =>
        (event.data as { clientId?: string; kind?: string }).clientId === staffRegisteredId &&
        (event.data as { kind?: string }).kind === 'treatment',
    );
    expect(consentEvent.data).toMatchObject({ granted: true, method: 'in_person' });
  });

  it('lets a client register themself online with the id of their login and see only their own record', async () => {
    const registered = await must<{
      registerClient: { id: string; registeredVia: string; phone: string };
    }>(
      'mutation($input: RegisterClientInput!) { registerClient(input: $input) { id registeredVia phone } }',
      {
        input: {
          clinicId: leedsId,
          givenName: 'Tomasz',
          familyName,
          dateOfBirth: '1979-09-30',
          email: `tomasz.${uniqueLetters(10)}@example.co.uk`,
          phone: '07700 900123',
        },
      },
      tokens.client,
    );
    expect(registered.registerClient).toEqual({
      id: clientId,
      registeredVia: 'online',
      phone: '+447700900123',
    });

    const own = await must<{ client: { id: string; familyName: string } }>(
      'query($id: ID!) { client(id: $id) { id familyName } }',
      { id: clientId },
      tokens.client,
    );
    expect(own.client).toEqual({ id: clientId, familyName });

    await must(
      'mutation($clientId: ID!, $input: RecordConsentInput!) { recordConsent(clientId: $clientId, input: $input) { id } }',
      {
        clientId,
        input: { kind: 'service_messages', channel: 'sms', granted: true, method: 'online' },
      },
      tokens.client,
    );

    const someoneElse = await call(
      'query($id: ID!) { client(id: $id) { id givenName } }',
      { id: staffRegisteredId },
      tokens.client,
    );
    expect(errorCodes(someoneElse)).toEqual(['FORBIDDEN']);

    const listed = await must<{ clients: { edges: { node: { id: string } }[] } }>(
      '{ clients(first: 100) { edges { node { id } } } }',
      {},
      tokens.client,
    );
    expect(listed.clients.edges.map((edge) => edge.node.id)).toEqual([clientId]);

    const registeredEvent = await events.event(
      'client.registered',
      (event) => (event.data as { clientId?: string }).clientId === clientId,
    );
    expect(registeredEvent.data).toMatchObject({ clinicId: leedsId, registeredVia: 'online' });
  });

  it('makes a therapist the treating therapist from booking events; they screen the client with a red flag', async () => {
    const SCREENINGS = 'query($clientId: ID!) { screenings(clientId: $clientId) { id } }';
    const before = await call(SCREENINGS, { clientId }, tokens.therapist);
    expect(errorCodes(before)).toEqual(['FORBIDDEN']);

    await events.publish(BookingConfirmedV1, {
      aggregateId: bookingId,
      clinicId: leedsId,
      data: bookingState('confirmed'),
      actor: { type: 'user', id: subjects.leedsReception, role: 'receptionist' },
    });
    await eventually(async () => {
      const response = await call<{ screenings: unknown[] }>(
        SCREENINGS,
        { clientId },
        tokens.therapist,
      );
      return errorCodes(response).includes('FORBIDDEN') ? undefined : response;
    }, 'the booking to make the therapist the treating therapist');

    const recorded = await must<{
      recordScreening: {
        id: string;
        clinicId: string;
        outcome: string;
        outcomeReasons: string[];
        redFlags: string[];
        baselinePain: number;
      };
    }>(
      `mutation($clientId: ID!, $input: RecordScreeningInput!) {
        recordScreening(clientId: $clientId, input: $input) {
          id clinicId outcome outcomeReasons redFlags baselinePain
        }
      }`,
      {
        clientId,
        input: {
          conditions: ['lower_back_pain'],
          duration: 'over_12_months',
          baselinePain: 7,
          medications: ['Ibuprofen 400 mg'],
          redFlags: ['osteoporosis'],
          screenedOn: new Date().toISOString().slice(0, 10),
        },
      },
      tokens.therapist,
    );
    screeningId = recorded.recordScreening.id;
    expect(recorded.recordScreening).toMatchObject({
      clinicId: leedsId,
      outcome: 'gp_clearance_required',
      redFlags: ['osteoporosis'],
      baselinePain: 7,
    });
    expect(recorded.recordScreening.outcomeReasons).toHaveLength(1);

    // Every Client field this service federates, resolved for the therapist in one query.
    const whole = await must<{
      client: {
        id: string;
        familyName: string;
        clinics: { clinicId: string }[];
        eligibility: { status: string; cause: string; screeningId: string; reasons: string[] };
        consents: ConsentView[];
        screenings: { id: string; redFlags: string[] }[];
      };
    }>(
      `query($id: ID!) { client(id: $id) {
        id familyName clinics { clinicId }
        eligibility { status cause screeningId reasons }
        consents { kind channel granted method recordedByRole }
        screenings { id redFlags }
      } }`,
      { id: clientId },
      tokens.therapist,
      { 'x-correlation-id': therapistReadCorrelation },
    );
    expect(whole.client).toEqual({
      id: clientId,
      familyName,
      clinics: [{ clinicId: leedsId }],
      eligibility: {
        status: 'gp_clearance_required',
        cause: 'screening',
        screeningId,
        reasons: recorded.recordScreening.outcomeReasons,
      },
      consents: [
        {
          kind: 'service_messages',
          channel: 'sms',
          granted: true,
          method: 'online',
          recordedByRole: 'client',
        },
      ],
      screenings: [{ id: screeningId, redFlags: ['osteoporosis'] }],
    });

    const completed = await events.event(
      'screening.completed',
      (event) => (event.data as { screeningId?: string }).screeningId === screeningId,
    );
    expect(completed.data).toEqual({
      screeningId,
      clientId,
      clinicId: leedsId,
      screenedOn: expect.any(String),
      eligibilityStatus: 'gp_clearance_required',
    });
    expectNoClinicalDetail(completed);
    const changed = await events.event(
      'eligibility.changed',
      (event) => (event.data as { screeningId?: string }).screeningId === screeningId,
    );
    expect(changed.data).toMatchObject({
      clientId,
      status: 'gp_clearance_required',
      cause: 'screening',
    });
    expectNoClinicalDetail(changed);
  });

  it('opens the session record when booking completes; only the booking’s therapist writes it', async () => {
    await events.publish(BookingCompletedV1, {
      aggregateId: bookingId,
      clinicId: leedsId,
      data: bookingState('completed'),
      actor: { type: 'user', id: subjects.therapist, role: 'therapist' },
    });
    const SESSION_RECORDS = `query($clientId: ID!) { sessionRecords(clientId: $clientId) {
      id bookingId therapistId status
    } }`;
    const opened = await eventually(async () => {
      const data = await must<{
        sessionRecords: { id: string; bookingId: string; status: string }[];
      }>(SESSION_RECORDS, { clientId }, tokens.therapist);
      return data.sessionRecords.find((record) => record.bookingId === bookingId);
    }, 'booking.completed to open the session record');
    expect(opened).toMatchObject({ therapistId, status: 'open' });
    sessionRecordId = opened.id;

    const content = {
      painBefore: 6,
      painAfter: 3,
      rangeOfMotion: [{ joint: 'lumbar_spine', movement: 'flexion', side: 'none', degrees: 55 }],
      techniques: ['pnf_contract_relax'],
      notes: 'Tolerated PNF contract-relax well; mild stiffness on the left.',
    };
    const RECORD_SESSION = `mutation($bookingId: ID!, $input: SessionContentInput!) {
      recordSession(bookingId: $bookingId, input: $input) {
        id status current { version painBefore painAfter techniques writtenByRole }
      }
    }`;

    const byOtherTherapist = await call(
      RECORD_SESSION,
      { bookingId, input: content },
      tokens.otherTherapist,
    );
    expect(errorCodes(byOtherTherapist)).toEqual(['FORBIDDEN']);
    const byClient = await call(RECORD_SESSION, { bookingId, input: content }, tokens.client);
    expect(errorCodes(byClient)).toEqual(['FORBIDDEN']);

    const written = await must<{
      recordSession: {
        id: string;
        status: string;
        current: { version: number; painBefore: number; painAfter: number };
      };
    }>(RECORD_SESSION, { bookingId, input: content }, tokens.therapist);
    expect(written.recordSession).toEqual({
      id: sessionRecordId,
      status: 'recorded',
      current: {
        version: 1,
        painBefore: 6,
        painAfter: 3,
        techniques: ['pnf_contract_relax'],
        writtenByRole: 'therapist',
      },
    });

    const recordedEvent = await events.event(
      'session.recorded',
      (event) => (event.data as { sessionRecordId?: string }).sessionRecordId === sessionRecordId,
    );
    expect(recordedEvent.data).toMatchObject({ bookingId, clientId, therapistId, version: 1 });
    expectNoClinicalDetail(recordedEvent);
    expect(JSON.stringify(recordedEvent)).not.toContain('stiffness');
  });

  it('refuses the client any clinical write, but lets them read their record and export it', async () => {
    const screen = await call(
      `mutation($clientId: ID!, $input: RecordScreeningInput!) {
        recordScreening(clientId: $clientId, input: $input) { id }
      }`,
      {
        clientId,
        input: {
          conditions: ['neck_shoulder'],
          duration: 'under_3_months',
          baselinePain: 2,
          redFlags: [],
          screenedOn: new Date().toISOString().slice(0, 10),
        },
      },
      tokens.client,
    );
    expect(errorCodes(screen)).toEqual(['FORBIDDEN']);
    const override = await call(
      `mutation($clientId: ID!) {
        overrideEligibility(clientId: $clientId, input: { status: cleared, reason: "I feel fine" }) { status }
      }`,
      { clientId },
      tokens.client,
    );
    expect(errorCodes(override)).toEqual(['FORBIDDEN']);

    const own = await must<{
      client: { eligibility: { status: string }; screenings: { id: string }[] };
      sessionRecords: { id: string }[];
    }>(
      `query($id: ID!) {
        client(id: $id) { eligibility { status } screenings { id } }
        sessionRecords(clientId: $id) { id }
      }`,
      { id: clientId },
      tokens.client,
    );
    expect(own).toEqual({
      client: {
        eligibility: { status: 'gp_clearance_required' },
        screenings: [{ id: screeningId }],
      },
      sessionRecords: [{ id: sessionRecordId }],
    });

    const exported = await must<{
      subjectAccessExport: {
        format: string;
        clientId: string;
        generatedFor: { role: string };
        sections: string[];
        data: {
          client: unknown;
          screenings: { screenings: { id: string; redFlags: string[] }[] };
          sessionRecords: { id: string; versions: { painBefore: number }[] }[];
        };
        careRelationships: unknown[];
        auditTrail: unknown[];
      };
    }>('query($id: ID!) { subjectAccessExport(clientId: $id) }', { id: clientId }, tokens.client);
    const document = exported.subjectAccessExport;
    expect(document).toMatchObject({
      format: 'client-record.subject-access.v1',
      clientId,
      generatedFor: { role: 'client' },
    });
    expect(document.sections).toEqual(
      expect.arrayContaining(['client', 'consents', 'screenings', 'sessionRecords']),
    );
    expect(document.data.screenings.screenings).toEqual([
      expect.objectContaining({ id: screeningId, redFlags: ['osteoporosis'] }),
    ]);
    expect(document.data.sessionRecords).toEqual([
      expect.objectContaining({
        id: sessionRecordId,
        versions: [expect.objectContaining({ painBefore: 6 })],
      }),
    ]);
    expect(document.careRelationships).toHaveLength(1);
    expect(document.auditTrail.length).toBeGreaterThan(0);

    const othersExport = await call(
      'query($id: ID!) { subjectAccessExport(clientId: $id) }',
      { id: staffRegisteredId },
      tokens.client,
    );
    expect(errorCodes(othersExport)).toEqual(['FORBIDDEN']);
  });

  it('shows reception the eligibility status only, and other therapists and clinics nothing', async () => {
    const status = await must<{ client: { familyName: string; eligibility: { status: string } } }>(
      'query($id: ID!) { client(id: $id) { familyName eligibility { status validUntil } } }',
      { id: clientId },
      tokens.leedsReception,
    );
    expect(status.client).toEqual({
      familyName,
      eligibility: { status: 'gp_clearance_required', validUntil: expect.any(String) },
    });

    for (const query of [
      'query($id: ID!) { screenings(clientId: $id) { id } }',
      'query($id: ID!) { sessionRecords(clientId: $id) { id } }',
      'query($id: ID!) { eligibility(clientId: $id) { status reasons } }',
      'query($id: ID!) { client(id: $id) { id screenings { id } } }',
      'query($id: ID!) { subjectAccessExport(clientId: $id) }',
    ]) {
      const refused = await call(query, { id: clientId }, tokens.leedsReception);
      expect({ query, codes: errorCodes(refused) }).toEqual({ query, codes: ['FORBIDDEN'] });
    }

    for (const query of [
      'query($id: ID!) { screenings(clientId: $id) { id } }',
      'query($id: ID!) { sessionRecords(clientId: $id) { id } }',
      'query($id: ID!) { client(id: $id) { id } }',
    ]) {
      const refused = await call(query, { id: clientId }, tokens.otherTherapist);
      expect({ query, codes: errorCodes(refused) }).toEqual({ query, codes: ['FORBIDDEN'] });
    }
    const otherTherapistsClients = await must<{ clients: { edges: unknown[] } }>(
      '{ clients(first: 100) { edges { node { id } } } }',
      {},
      tokens.otherTherapist,
    );
    expect(otherTherapistsClients.clients.edges).toEqual([]);

    for (const query of [
      'query($id: ID!) { client(id: $id) { id givenName } }',
      'query($id: ID!) { eligibility(clientId: $id) { status } }',
    ]) {
      const refused = await call(query, { id: clientId }, tokens.yorkReception);
      expect({ query, codes: errorCodes(refused) }).toEqual({ query, codes: ['FORBIDDEN'] });
    }
    const yorkSearch = await must<{ clients: { edges: { node: { id: string } }[] } }>(
      'query($text: String!) { clients(search: { text: $text }, first: 100) { edges { node { id } } } }',
      { text: familyName },
      tokens.yorkReception,
    );
    expect(yorkSearch.clients.edges).toEqual([]);
    const leedsSearch = await must<{ clients: { edges: { node: { id: string } }[] } }>(
      'query($text: String!) { clients(search: { text: $text }, first: 100) { edges { node { id } } } }',
      { text: familyName },
      tokens.leedsReception,
    );
    expect(leedsSearch.clients.edges.map((edge) => edge.node.id)).toEqual([clientId]);
  });

  it('lets the clinical lead override the eligibility with a reason and read the audit trail of every access', async () => {
    const OVERRIDE = `mutation($clientId: ID!, $reason: String!) {
      overrideEligibility(clientId: $clientId, input: { status: cleared, reason: $reason }) {
        status cause screeningId
      }
    }`;
    const blank = await call(OVERRIDE, { clientId, reason: '   ' }, tokens.clinicalLead);
    expect(errorCodes(blank)).toEqual(['OVERRIDE_REASON_REQUIRED']);
    const byReception = await call(
      OVERRIDE,
      { clientId, reason: 'Letter seen at the desk' },
      tokens.leedsReception,
    );
    expect(errorCodes(byReception)).toEqual(['FORBIDDEN']);

    const overridden = await must<{
      overrideEligibility: { status: string; cause: string; screeningId: string };
    }>(
      OVERRIDE,
      {
        clientId,
        reason:
          'DEXA report reviewed: osteopenia only; gentle PNF within comfortable range is safe.',
      },
      tokens.clinicalLead,
    );
    expect(overridden.overrideEligibility).toEqual({
      status: 'cleared',
      cause: 'override',
      screeningId,
    });

    const reception = await must<{ eligibility: { status: string } }>(
      'query($id: ID!) { eligibility(clientId: $id) { status } }',
      { id: clientId },
      tokens.leedsReception,
    );
    expect(reception.eligibility.status).toBe('cleared');

    const changed = await events.event(
      'eligibility.changed',
      (event) =>
        (event.data as { clientId?: string; cause?: string }).clientId === clientId &&
        (event.data as { cause?: string }).cause === 'override',
    );
    expect(changed.data).toMatchObject({ status: 'cleared', screeningId });
    expectNoClinicalDetail(changed);
    expect(JSON.stringify(changed)).not.toContain('DEXA');

    const trail = await must<{ auditTrail: { edges: { node: AuditRow }[] } }>(
      `query($clientId: ID!) { auditTrail(filter: { clientId: $clientId }, first: 200) {
        edges { node {
          actorSubject actorRole actorTherapistId clinicId clientId recordType recordId action correlationId
        } }
      } }`,
      { clientId },
      tokens.clinicalLead,
    );
    const rows = trail.auditTrail.edges.map((edge) => edge.node);
    const has = (expected: Partial<AuditRow>): void => {
      expect(rows).toContainEqual(expect.objectContaining({ clientId, ...expected }));
    };
    has({
      actorSubject: subjects.client,
      actorRole: 'client',
      recordType: 'client',
      action: 'create',
    });
    has({
      actorSubject: subjects.client,
      actorRole: 'client',
      recordType: 'client',
      action: 'read',
    });
    has({
      actorSubject: subjects.therapist,
      actorRole: 'therapist',
      actorTherapistId: therapistId,
      recordType: 'screening',
      recordId: screeningId,
      action: 'create',
    });
    has({
      actorSubject: subjects.therapist,
      actorRole: 'therapist',
      recordType: 'screening',
      action: 'read',
      correlationId: therapistReadCorrelation,
    });
    has({
      actorSubject: subjects.therapist,
      actorRole: 'therapist',
      recordType: 'session_record',
      recordId: sessionRecordId,
      action: 'create',
    });
    has({
      actorSubject: subjects.leedsReception,
      actorRole: 'receptionist',
      recordType: 'eligibility',
      action: 'read',
    });
    has({
      actorSubject: subjects.client,
      actorRole: 'client',
      recordType: 'subject_access_export',
      action: 'export',
    });
    has({
      actorSubject: subjects.clinicalLead,
      actorRole: 'clinical_lead',
      recordType: 'eligibility',
      action: 'override',
    });

    // Refused reads leave no trace claiming they happened.
    const refusedActors = [subjects.otherTherapist, subjects.yorkReception];
    expect(rows.filter((row) => refusedActors.includes(row.actorSubject))).toEqual([]);
    expect(
      rows.filter(
        (row) =>
          row.actorSubject === subjects.leedsReception &&
          ['screening', 'session_record', 'subject_access_export'].includes(row.recordType),
      ),
    ).toEqual([]);

    const byTherapist = await call(
      'query($clientId: ID!) { auditTrail(filter: { clientId: $clientId }) { edges { node { id } } } }',
      { clientId },
      tokens.therapist,
    );
    expect(errorCodes(byTherapist)).toEqual(['FORBIDDEN']);
  });
});
