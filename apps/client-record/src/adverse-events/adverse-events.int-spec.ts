import { randomUUID } from 'node:crypto';
import { EventEnvelope, envelopeSchema, platformCatalogue, TOPICS } from '@app/contracts';
import { ServiceTestApp, startServiceTestApp } from '@app/platform/test-support/service-test-app';
import { insertTestClient, linkTestTherapist } from '../access/test-support/client-fixtures';
import { clientRecordDefinition } from '../client-record.definition';
import { ClientRecordModule } from '../client-record.module';
import { AdverseEventsRepository } from './adverse-events.repository';
import { AdverseEventsSubjectData } from './adverse-events.subject-data';
import {
  ADVERSE_EVENT_FIELDS,
  AdverseEventView,
  adverseEventFootprint,
  auditRowsFor,
  errorCodes,
  errorShape,
  REPORT_ADVERSE_EVENT,
  reportAdverseEvent,
  reportInput,
} from './test-support/adverse-event-fixtures';

const LIST = `query($clientId: ID!) { adverseEvents(clientId: $clientId) { ${ADVERSE_EVENT_FIELDS} } }`;
const FOLLOW_UP = `mutation($id: ID!, $input: RecordAdverseEventFollowUpInput!) {
  recordAdverseEventFollowUp(id: $id, input: $input) { ${ADVERSE_EVENT_FIELDS} } }`;
const REVIEW = `mutation($id: ID!, $note: String!) {
  reviewAdverseEvent(id: $id, note: $note) { ${ADVERSE_EVENT_FIELDS} } }`;
const ERASE = `mutation($clientId: ID!) {
  requestErasure(clientId: $clientId) { lastTreatmentOn retentionRule } }`;
const GOVERNANCE = `query($status: AdverseEventGovernanceStatus!, $first: Int, $after: String) {
  adverseEventsForGovernance(status: $status, first: $first, after: $after) {
    edges { cursor node { id governanceStatus severity } } pageInfo { hasNextPage endCursor } } }`;

interface GovernancePage {
  adverseEventsForGovernance: {
    edges: { cursor: string; node: { id: string; governanceStatus: string; severity: string } }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

function expectValidEvent(event: EventEnvelope): void {
  expect(envelopeSchema.safeParse(event).success).toBe(true);
  const definition = platformCatalogue.find(event.type, event.schemaVersion);
  expect(definition?.schema.safeParse(event.data).success).toBe(true);
}

describe('client-record adverse events', () => {
  let app: ServiceTestApp;
  const leeds = randomUUID();
  const york = randomUUID();
  const therapistId = randomUUID();
  let headOffice: string;
  let clinicalLead: string;
  let leedsManager: string;
  let yorkManager: string;
  let receptionist: string;
  let treating: string;
  let notTreating: string;
  let integrator: string;

  beforeAll(async () => {
    app = await startServiceTestApp(clientRecordDefinition, ClientRecordModule.forRoot, {
      watchTopics: [TOPICS.clientRecord],
    });
    headOffice = await app.token({ role: 'head_office_admin', subject: 'ho-admin' });
    clinicalLead = await app.token({ role: 'clinical_lead', subject: 'lead-1' });
    leedsManager = await app.token({
      role: 'clinic_manager',
      clinicIds: [leeds],
      subject: 'leeds-mgr',
    });
    yorkManager = await app.token({ role: 'clinic_manager', clinicIds: [york] });
    receptionist = await app.token({ role: 'receptionist', clinicIds: [leeds] });
    treating = await app.token({
      role: 'therapist',
      clinicIds: [leeds],
      therapistId,
      subject: 'therapist-1',
    });
    notTreating = await app.token({
      role: 'therapist',
      clinicIds: [leeds],
      therapistId: randomUUID(),
    });
    integrator = await app.token({
      role: 'integrator',
      clinicIds: [leeds],
      scopes: ['clients:read', 'events:read'],
    });
  });

  afterAll(async () => {
    await app.close();
  });

  /** A Leeds client the therapist is booked to treat. */
  async function leedsClient(clinicIds: string[] = [leeds]): Promise<string> {
    const clientId = await insertTestClient(app.dataSource, { clinicIds });
    await linkTestTherapist(app.dataSource, { clientId, therapistId, clinicId: leeds });
    return clientId;
  }

  describe('reportAdverseEvent', () => {
    it('records the report, publishes an internal event without clinical detail and audits the write', async () => {
      const clientId = await leedsClient();
      const correlationId = `ae-report-${randomUUID()}`;
      const response = await fetch(app.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${treating}`,
          'x-correlation-id': correlationId,
        },
        body: JSON.stringify({
          query: REPORT_ADVERSE_EVENT,
          variables: {
            clientId,
            input: reportInput(leeds, {
              type: 'bruising',
              severity: 'mild',
              description: ' Small bruise on the left hamstring ',
            }),
          },
        }),
      });
      const result = (await response.json()) as {
        data?: { reportAdverseEvent: AdverseEventView };
        errors?: unknown;
      };
      expect(result.errors).toBeUndefined();
      const reported = result.data?.reportAdverseEvent;
      expect(reported).toMatchObject({
        clientId,
        clinicId: leeds,
        type: 'bruising',
        description: 'Small bruise on the left hamstring',
        severity: 'mild',
        flaggedForGovernance: false,
        governanceStatus: null,
        followUpRequired: true,
        followUpOutstanding: true,
        reportedBy: 'therapist-1',
        reportedByRole: 'therapist',
        followUps: [],
        review: null,
      });
      const id = reported?.id ?? '';

      const event = await app.event('adverse_event.reported', (e) => e.aggregateId === id);
      expectValidEvent(event);
      expect(platformCatalogue.find('adverse_event.reported', 1)?.visibility).toBe('internal');
      expect(event).toMatchObject({ clinicId: leeds, correlationId });
      expect(event.data).toEqual({
        adverseEventId: id,
        clientId,
        clinicId: leeds,
        severity: 'mild',
        flaggedForGovernance: false,
      });

      const audit = await auditRowsFor(app, id);
      expect(audit).toEqual([
        expect.objectContaining({
          actor_subject: 'therapist-1',
          actor_role: 'therapist',
          actor_therapist_id: therapistId,
          clinic_id: leeds,
          client_id: clientId,
          record_type: 'adverse_event',
          action: 'create',
          correlation_id: correlationId,
        }),
      ]);
    });

    it('flags a severe event for head office governance', async () => {
      const clientId = await leedsClient();
      const reported = await reportAdverseEvent(
        app,
        leedsManager,
        clientId,
        reportInput(leeds, { type: 'overstretch_injury', severity: 'severe' }),
      );
      expect(reported).toMatchObject({ flaggedForGovernance: true, governanceStatus: 'open' });
      const event = await app.event('adverse_event.reported', (e) => e.aggregateId === reported.id);
      expect(event.data).toMatchObject({ severity: 'severe', flaggedForGovernance: true });
    });

    it('lets head office report for any clinic of the client', async () => {
      const clientId = await leedsClient([leeds, york]);
      const reported = await reportAdverseEvent(app, headOffice, clientId, reportInput(york));
      expect(reported.clinicId).toBe(york);
    });

    it.each([
      ['type other without a description', { type: 'other' }, 'ADVERSE_EVENT_DESCRIPTION_REQUIRED'],
      [
        'an event in the future',
        { occurredAt: new Date(Date.now() + 3_600_000).toISOString() },
        'ADVERSE_EVENT_IN_FUTURE',
      ],
      ['no actions taken', { actionsTaken: '  ' }, 'INVALID_ADVERSE_EVENT_TEXT'],
      [
        'a follow-up without a due date',
        { followUpDueOn: null },
        'INVALID_ADVERSE_EVENT_FOLLOW_UP',
      ],
      ['a clinic the client does not attend', { clinicId: york }, 'CLINIC_NOT_ATTENDED_BY_CLIENT'],
      ['a clinic id that is not a UUID', { clinicId: 'leeds' }, 'INVALID_CLINIC_ID'],
      ['a booking id that is not a UUID', { bookingId: 'b-1' }, 'INVALID_BOOKING_ID'],
    ])('refuses %s, writing nothing', async (_case, overrides, code) => {
      const clientId = await leedsClient();
      const before = await adverseEventFootprint(app);
      const result = await app.gql(
        REPORT_ADVERSE_EVENT,
        { clientId, input: reportInput(leeds, overrides) },
        treating,
      );
      expect(errorCodes(result)).toEqual([code]);
      expect(await adverseEventFootprint(app)).toBe(before);
    });

    it("refuses another client's booking and an unknown client, writing nothing", async () => {
      const clientId = await leedsClient();
      const other = await leedsClient();
      const otherBooking = await linkTestTherapist(app.dataSource, {
        clientId: other,
        therapistId,
        clinicId: leeds,
      });
      const before = await adverseEventFootprint(app);
      const wrongBooking = await app.gql(
        REPORT_ADVERSE_EVENT,
        { clientId, input: reportInput(leeds, { bookingId: otherBooking }) },
        treating,
      );
      expect(errorCodes(wrongBooking)).toEqual(['BOOKING_OF_ANOTHER_CLIENT']);
      const unknown = await app.gql(
        REPORT_ADVERSE_EVENT,
        { clientId: randomUUID(), input: reportInput(leeds) },
        headOffice,
      );
      expect(errorCodes(unknown)).toEqual(['CLIENT_NOT_FOUND']);
      expect(await adverseEventFootprint(app)).toBe(before);
    });

    it("accepts the client's own booking", async () => {
      const clientId = await leedsClient();
      const bookingId = await linkTestTherapist(app.dataSource, {
        clientId,
        therapistId,
        clinicId: leeds,
      });
      const reported = await reportAdverseEvent(
        app,
        treating,
        clientId,
        reportInput(leeds, { bookingId }),
      );
      expect(reported.bookingId).toBe(bookingId);
    });

    it('refuses reception, an untreating therapist, another clinic, the client and integrators', async () => {
      const clientId = await leedsClient();
      const self = await app.token({ role: 'client', clientId });
      const before = await adverseEventFootprint(app);
      for (const token of [receptionist, notTreating, yorkManager, self, integrator]) {
        const result = await app.gql(
          REPORT_ADVERSE_EVENT,
          { clientId, input: reportInput(leeds) },
          token,
        );
        expect(errorCodes(result)).toEqual(['FORBIDDEN']);
      }
      expect(await adverseEventFootprint(app)).toBe(before);
    });
  });

  describe('recordAdverseEventFollowUp', () => {
    it('adds an entry and keeps the report and earlier entries as they were', async () => {
      const clientId = await leedsClient();
      const reported = await reportAdverseEvent(app, treating, clientId, reportInput(leeds));
      const first = await app.gql<{ recordAdverseEventFollowUp: AdverseEventView }>(
        FOLLOW_UP,
        { id: reported.id, input: { note: 'Phoned: still sore', resolved: false } },
        treating,
      );
      expect(first.errors).toBeUndefined();
      const second = await app.gql<{ recordAdverseEventFollowUp: AdverseEventView }>(
        FOLLOW_UP,
        { id: reported.id, input: { note: 'Soreness gone', resolved: true } },
        leedsManager,
      );
      const record = second.data?.recordAdverseEventFollowUp;
      expect(record).toMatchObject({
        actionsTaken: reported.actionsTaken,
        occurredAt: reported.occurredAt,
        followUpOutstanding: false,
        followUpCount: 2,
        followUps: [
          { note: 'Phoned: still sore', resolved: false, recordedBy: 'therapist-1' },
          { note: 'Soreness gone', resolved: true, recordedBy: 'leeds-mgr' },
        ],
      });
      const actions = (await auditRowsFor(app, reported.id)).map((row) => row.action);
      expect(actions).toEqual(['create', 'follow_up', 'follow_up']);
    });

    it('refuses a bad follow-up, an unknown event and callers without clinical write, writing nothing', async () => {
      const clientId = await leedsClient();
      const reported = await reportAdverseEvent(app, treating, clientId, reportInput(leeds));
      const before = await adverseEventFootprint(app);
      const empty = await app.gql(
        FOLLOW_UP,
        { id: reported.id, input: { note: ' ', resolved: false } },
        treating,
      );
      expect(errorCodes(empty)).toEqual(['INVALID_ADVERSE_EVENT_TEXT']);
      const early = await app.gql(
        FOLLOW_UP,
        {
          id: reported.id,
          input: { note: 'x', resolved: false, followedUpAt: '2000-01-01T00:00:00Z' },
        },
        treating,
      );
      expect(errorCodes(early)).toEqual(['INVALID_ADVERSE_EVENT_FOLLOW_UP']);
      const unknown = await app.gql(
        FOLLOW_UP,
        { id: randomUUID(), input: { note: 'x', resolved: false } },
        treating,
      );
      expect(errorCodes(unknown)).toEqual(['ADVERSE_EVENT_NOT_FOUND']);
      for (const token of [receptionist, notTreating, yorkManager, integrator]) {
        const denied = await app.gql(
          FOLLOW_UP,
          { id: reported.id, input: { note: 'x', resolved: false } },
          token,
        );
        expect(errorCodes(denied)).toEqual(['ADVERSE_EVENT_NOT_FOUND']);
      }
      expect(await adverseEventFootprint(app)).toBe(before);
    });

    it('answers an event id the caller may not follow up exactly as an unknown one: no client id, nothing written', async () => {
      const clientId = await leedsClient();
      const reported = await reportAdverseEvent(app, treating, clientId, reportInput(leeds));
      const before = await adverseEventFootprint(app);
      const input = { note: 'x', resolved: false };
      const unknownId = randomUUID();
      const unknown = await app.gql(FOLLOW_UP, { id: unknownId, input }, receptionist);
      expect(errorCodes(unknown)).toEqual(['ADVERSE_EVENT_NOT_FOUND']);
      const self = await app.token({ role: 'client', clientId });
      for (const token of [receptionist, notTreating, yorkManager, integrator, self]) {
        const denied = await app.gql(FOLLOW_UP, { id: reported.id, input }, token);
        expect(errorShape(denied, reported.id)).toEqual(errorShape(unknown, unknownId));
        expect(JSON.stringify(denied.errors)).not.toContain(clientId);
      }
      expect(await adverseEventFootprint(app)).toBe(before);
      expect((await auditRowsFor(app, reported.id)).map((row) => row.action)).toEqual(['create']);
    });
  });

  describe('adverseEvents', () => {
    it('lists a client’s events most recent first and audits one read per event', async () => {
      const clientId = await leedsClient();
      const older = await reportAdverseEvent(
        app,
        treating,
        clientId,
        reportInput(leeds, { occurredAt: new Date(Date.now() - 5 * 86_400_000).toISOString() }),
      );
      const newer = await reportAdverseEvent(app, treating, clientId, reportInput(leeds));
      const self = await app.token({ role: 'client', clientId, subject: 'client-self' });
      for (const token of [treating, leedsManager, clinicalLead, self]) {
        const result = await app.gql<{ adverseEvents: AdverseEventView[] }>(
          LIST,
          { clientId },
          token,
        );
        expect(result.errors).toBeUndefined();
        expect(result.data?.adverseEvents.map((event) => event.id)).toEqual([newer.id, older.id]);
      }
      const reads = (await auditRowsFor(app, older.id)).filter((row) => row.action === 'read');
      expect(reads.map((row) => row.actor_role)).toEqual([
        'therapist',
        'clinic_manager',
        'clinical_lead',
        'client',
      ]);
      expect(reads[3]).toMatchObject({
        client_id: clientId,
        clinic_id: leeds,
        actor_subject: 'client-self',
      });
    });

    it('audits the read of a client with no adverse events too', async () => {
      const clientId = await leedsClient();
      const result = await app.gql<{ adverseEvents: AdverseEventView[] }>(
        LIST,
        { clientId },
        leedsManager,
      );
      expect(result.data?.adverseEvents).toEqual([]);
      const rows = await app.dataSource.query<{ action: string; record_id: string | null }[]>(
        `SELECT action, record_id FROM audit_log WHERE client_id = $1 AND record_type = 'adverse_event'`,
        [clientId],
      );
      expect(rows).toEqual([{ action: 'read', record_id: null }]);
    });

    it('refuses reception, an untreating therapist, another clinic and integrators, auditing nothing', async () => {
      const clientId = await leedsClient();
      await reportAdverseEvent(app, treating, clientId, reportInput(leeds));
      const before = await adverseEventFootprint(app);
      for (const token of [receptionist, notTreating, yorkManager, integrator]) {
        const result = await app.gql(LIST, { clientId }, token);
        expect(errorCodes(result)).toEqual(['FORBIDDEN']);
      }
      expect(errorCodes(await app.gql(LIST, { clientId: randomUUID() }, headOffice))).toEqual([
        'CLIENT_NOT_FOUND',
      ]);
      expect(await adverseEventFootprint(app)).toBe(before);
    });
  });

  describe('governance', () => {
    it('lists open severe events, lets a clinical lead review one once, then lists it as reviewed', async () => {
      const clientId = await leedsClient();
      const severe = await reportAdverseEvent(
        app,
        treating,
        clientId,
        reportInput(leeds, { type: 'dizziness', severity: 'severe' }),
      );
      const mild = await reportAdverseEvent(app, treating, clientId, reportInput(leeds));

      const open = await app.gql<GovernancePage>(
        GOVERNANCE,
        { status: 'open', first: 100 },
        headOffice,
      );
      expect(open.errors).toBeUndefined();
      const openIds = open.data?.adverseEventsForGovernance.edges.map((edge) => edge.node.id);
      expect(openIds).toContain(severe.id);
      expect(openIds).not.toContain(mild.id);
      expect(
        (await auditRowsFor(app, severe.id)).filter(
          (row) => row.action === 'read' && row.actor_role === 'head_office_admin',
        ),
      ).toHaveLength(1);

      const reviewed = await app.gql<{ reviewAdverseEvent: AdverseEventView }>(
        REVIEW,
        { id: severe.id, note: 'Technique reviewed with the therapist; no further action' },
        clinicalLead,
      );
      expect(reviewed.errors).toBeUndefined();
      expect(reviewed.data?.reviewAdverseEvent).toMatchObject({
        governanceStatus: 'reviewed',
        review: {
          reviewedBy: 'lead-1',
          note: 'Technique reviewed with the therapist; no further action',
        },
      });
      expect((await auditRowsFor(app, severe.id)).map((row) => row.action)).toContain('review');

      const again = await app.gql(REVIEW, { id: severe.id, note: 'again' }, clinicalLead);
      expect(errorCodes(again)).toEqual(['ADVERSE_EVENT_ALREADY_REVIEWED']);
      const notFlagged = await app.gql(REVIEW, { id: mild.id, note: 'n/a' }, clinicalLead);
      expect(errorCodes(notFlagged)).toEqual(['ADVERSE_EVENT_NOT_FLAGGED']);

      const done = await app.gql<GovernancePage>(
        GOVERNANCE,
        { status: 'reviewed', first: 100 },
        clinicalLead,
      );
      expect(done.data?.adverseEventsForGovernance.edges.map((edge) => edge.node.id)).toContain(
        severe.id,
      );
      const stillOpen = await app.gql<GovernancePage>(
        GOVERNANCE,
        { status: 'open', first: 100 },
        clinicalLead,
      );
      expect(
        stillOpen.data?.adverseEventsForGovernance.edges.map((edge) => edge.node.id),
      ).not.toContain(severe.id);
    });

    it('pages newest report first with cursors', async () => {
      const clientId = await leedsClient();
      const ids: string[] = [];
      for (let i = 0; i < 3; i += 1) {
        ids.push(
          (
            await reportAdverseEvent(
              app,
              treating,
              clientId,
              reportInput(leeds, { severity: 'severe' }),
            )
          ).id,
        );
      }
      const seen: string[] = [];
      let after: string | null = null;
      for (let page = 0; page < 50; page += 1) {
        const result: { data?: GovernancePage | null } = await app.gql<GovernancePage>(
          GOVERNANCE,
          { status: 'open', first: 2, after },
          clinicalLead,
        );
        const connection = result.data?.adverseEventsForGovernance;
        seen.push(...(connection?.edges.map((edge) => edge.node.id) ?? []));
        if (connection?.pageInfo.hasNextPage !== true) {
          break;
        }
        after = connection.pageInfo.endCursor;
      }
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen.filter((id) => ids.includes(id))).toEqual([...ids].reverse());
      const badCursor = await app.gql(GOVERNANCE, { status: 'open', after: 'nope' }, clinicalLead);
      expect(errorCodes(badCursor)).toEqual(['INVALID_ADVERSE_EVENT_CURSOR']);
    });

    it('keeps the queue and the review to head office, writing nothing for refusals', async () => {
      const clientId = await leedsClient();
      const severe = await reportAdverseEvent(
        app,
        treating,
        clientId,
        reportInput(leeds, { severity: 'severe' }),
      );
      const before = await adverseEventFootprint(app);
      for (const token of [leedsManager, receptionist, treating, integrator]) {
        expect(errorCodes(await app.gql(GOVERNANCE, { status: 'open' }, token))).toEqual([
          'FORBIDDEN',
        ]);
      }
      for (const token of [headOffice, leedsManager, treating, integrator]) {
        // A role-level refusal: FORBIDDEN, the same for an unknown id, and it names no client.
        const denied = await app.gql(REVIEW, { id: severe.id, note: 'ok' }, token);
        expect(errorCodes(denied)).toEqual(['FORBIDDEN']);
        expect(JSON.stringify(denied.errors)).not.toContain(clientId);
        const unknownId = randomUUID();
        const unknown = await app.gql(REVIEW, { id: unknownId, note: 'ok' }, token);
        expect(errorShape(denied, severe.id)).toEqual(errorShape(unknown, unknownId));
      }
      expect(
        errorCodes(await app.gql(REVIEW, { id: randomUUID(), note: 'ok' }, clinicalLead)),
      ).toEqual(['ADVERSE_EVENT_NOT_FOUND']);
      expect(errorCodes(await app.gql(REVIEW, { id: severe.id, note: ' ' }, clinicalLead))).toEqual(
        ['INVALID_ADVERSE_EVENT_TEXT'],
      );
      expect(await adverseEventFootprint(app)).toBe(before);
    });
  });

  describe('the database', () => {
    it('refuses the service role any change to a reported event', async () => {
      const clientId = await leedsClient();
      const reported = await reportAdverseEvent(app, treating, clientId, reportInput(leeds));
      await expect(
        app.dataSource.query(`UPDATE adverse_event SET severity = 'mild' WHERE id = $1`, [
          reported.id,
        ]),
      ).rejects.toThrow(/permission denied/);
    });
  });

  describe('subject data section', () => {
    it('exports the events with follow-ups, keeps them at erasure and deletes them at purge', async () => {
      const clientId = await leedsClient();
      const reported = await reportAdverseEvent(app, treating, clientId, reportInput(leeds));
      await app.gql(
        FOLLOW_UP,
        { id: reported.id, input: { note: 'Fine now', resolved: true } },
        treating,
      );
      const section = new AdverseEventsSubjectData(new AdverseEventsRepository());
      await app.dataSource.transaction(async (tx) => {
        expect(await section.exportFor(tx, clientId)).toEqual([
          expect.objectContaining({
            id: reported.id,
            type: 'soreness_over_48h',
            actionsTaken: reported.actionsTaken,
            followUps: [expect.objectContaining({ note: 'Fine now', resolved: true })],
            review: null,
          }),
        ]);
        await section.erasePersonalDetails(tx, clientId);
        expect(await section.exportFor(tx, clientId)).toHaveLength(1);
        await section.purge(tx, clientId);
        expect(await section.exportFor(tx, clientId)).toEqual([]);
      });
      const left = await app.dataSource.query<{ n: string }[]>(
        'SELECT count(*) AS n FROM adverse_event_follow_up WHERE adverse_event_id = $1',
        [reported.id],
      );
      expect(left[0]?.n).toBe('0');
    });

    it('gives the UK day of the latest adverse event as the last treatment, which the erasure keeps the record for', async () => {
      const section = new AdverseEventsSubjectData(new AdverseEventsRepository());
      const clientId = await leedsClient();
      expect(await section.lastTreatmentOn(app.dataSource.manager, clientId)).toBeNull();
      // 23:30 UTC on 30 June is 00:30 on 1 July in London (BST).
      await reportAdverseEvent(
        app,
        treating,
        clientId,
        reportInput(leeds, {
          occurredAt: '2025-06-30T23:30:00Z',
          followUpRequired: false,
          followUpDueOn: null,
        }),
      );
      await reportAdverseEvent(
        app,
        treating,
        clientId,
        reportInput(leeds, {
          occurredAt: '2025-03-02T10:00:00Z',
          followUpRequired: false,
          followUpDueOn: null,
        }),
      );
      expect(await section.lastTreatmentOn(app.dataSource.manager, clientId)).toBe('2025-07-01');

      // A client with an adverse event but no completed booking is not "never treated".
      const erased = await app.gql<{
        requestErasure: { lastTreatmentOn: string | null; retentionRule: string };
      }>(ERASE, { clientId }, headOffice);
      expect(erased.errors).toBeUndefined();
      expect(erased.data?.requestErasure.lastTreatmentOn).toBe('2025-07-01');
      expect(erased.data?.requestErasure.retentionRule).not.toBe('never_treated');
    });
  });
});
