import { randomUUID } from 'node:crypto';
import type { Caller } from '@app/auth';
import { envelopeSchema, platformCatalogue, TOPICS } from '@app/contracts';
import { typeormTransactions } from '@app/messaging';
import { startServiceTestApp, ServiceTestApp } from '@app/platform/test-support/service-test-app';
import { ClientAccessService } from '../access/client-access.service';
import { ClientScopeRepository } from '../access/client-scope.repository';
import { insertTestClient, linkTestTherapist } from '../access/test-support/client-fixtures';
import { clientRecordDefinition } from '../client-record.definition';
import { utcDateOf } from './domain/calendar-date';
import type { SubjectAccessDocument } from './domain/subject-access-document';
import {
  clientRecordWithTestSection,
  GdprTestHandles,
  TestSubjectDataSection,
} from './test-support/test-subject-data';

const EXPORT = `query Export($clientId: ID!) { subjectAccessExport(clientId: $clientId) }`;
const ERASE = `mutation Erase($clientId: ID!, $reason: String) {
  requestErasure(clientId: $clientId, reason: $reason) {
    clientId requestedAt lastTreatmentOn retentionRule retentionUntil purgedAt
  }
}`;

interface ErasureResult {
  clientId: string;
  requestedAt: string;
  lastTreatmentOn: string | null;
  retentionRule: string;
  retentionUntil: string;
  purgedAt: string | null;
}

describe('UK GDPR: subject access export and erasure', () => {
  const section = new TestSubjectDataSection();
  const handles: GdprTestHandles = {};
  const leeds = randomUUID();
  const york = randomUUID();
  const therapistId = randomUUID();
  let app: ServiceTestApp;
  let headOffice: string;
  let clinicalLead: string;
  let leedsManager: string;
  let yorkManager: string;
  let leedsReception: string;
  let treatingTherapist: string;
  let integrator: string;

  beforeAll(async () => {
    app = await startServiceTestApp(
      clientRecordDefinition,
      clientRecordWithTestSection(section, handles),
      { watchTopics: [TOPICS.clientRecord] },
    );
    headOffice = await app.token({ role: 'head_office_admin', subject: 'ho-admin' });
    clinicalLead = await app.token({ role: 'clinical_lead' });
    leedsManager = await app.token({
      role: 'clinic_manager',
      clinicIds: [leeds],
      subject: 'leeds-manager',
    });
    yorkManager = await app.token({ role: 'clinic_manager', clinicIds: [york] });
    leedsReception = await app.token({ role: 'receptionist', clinicIds: [leeds] });
    treatingTherapist = await app.token({ role: 'therapist', clinicIds: [leeds], therapistId });
    integrator = await app.token({
      role: 'integrator',
      clinicIds: [leeds],
      scopes: ['clients:read'],
    });
  });

  afterAll(async () => {
    await app.close();
  });

  async function clientToken(clientId: string): Promise<string> {
    return app.token({ role: 'client', clientId, subject: `client-${clientId}` });
  }

  /** A Leeds client with a note in the test section and a completed booking. */
  async function leedsClient(
    options: { dateOfBirth?: string; lastTreatmentOn?: string | null } = {},
  ): Promise<string> {
    const id = await insertTestClient(app.dataSource, {
      clinicIds: [leeds],
      givenName: 'Amira',
      familyName: 'Khan',
      dateOfBirth: options.dateOfBirth ?? '1980-05-17',
    });
    await app.dataSource.query(
      `UPDATE client SET phone = '+447700900123', address = '{"line1": "1 Park Row"}',
              gp_practice = '{"name": "Park Surgery"}', emergency_contact = '{"name": "Sam"}',
              identity_subject = 'idp|' || id WHERE id = $1`,
      [id],
    );
    await linkTestTherapist(app.dataSource, {
      clientId: id,
      therapistId,
      clinicId: leeds,
      status: 'treated',
      startsAt: new Date('2025-06-10T09:00:00Z'),
    });
    section.notes.set(id, {
      note: 'Prefers morning sessions; works as a nurse at LGI',
      painScore: 6,
      lastTreatmentOn:
        options.lastTreatmentOn === undefined ? '2026-01-20' : options.lastTreatmentOn,
    });
    return id;
  }

  async function auditRows(
    clientId: string,
  ): Promise<{ action: string; record_type: string; actor_subject: string }[]> {
    return app.dataSource.query(
      `SELECT action, record_type, actor_subject FROM audit_log WHERE client_id = $1 ORDER BY id`,
      [clientId],
    );
  }

  async function counts(clientId: string): Promise<Record<string, string>> {
    const rows = await app.dataSource.query<Record<string, string>[]>(
      `SELECT (SELECT count(*) FROM audit_log WHERE client_id = $1) AS audit,
              (SELECT count(*) FROM outbox WHERE message_key = $2) AS outbox,
              (SELECT count(*) FROM erasure_request WHERE client_id = $1) AS requests,
              (SELECT count(*) FROM client WHERE id = $1 AND erased_at IS NULL
                  AND given_name IS NOT NULL AND email IS NOT NULL) AS intact`,
      [clientId, clientId],
    );
    return rows[0] ?? {};
  }

  describe('subjectAccessExport', () => {
    it('gives the client everything held on them, including who accessed it, and audits the export', async () => {
      const id = await leedsClient();
      const byManager = await app.gql(EXPORT, { clientId: id }, leedsManager);
      expect(byManager.errors).toBeUndefined();

      const res = await app.gql<{ subjectAccessExport: SubjectAccessDocument }>(
        EXPORT,
        { clientId: id },
        await clientToken(id),
      );
      expect(res.errors).toBeUndefined();
      const document = res.data?.subjectAccessExport;
      expect(document).toMatchObject({
        format: 'client-record.subject-access.v1',
        clientId: id,
        generatedFor: { subject: `client-${id}`, role: 'client' },
        erasure: null,
      });
      expect(Date.parse(document?.generatedAt ?? '')).not.toBeNaN();
      // Every registered section, the real ones and the test one, in registration order.
      const names = handles.registry?.sections().map((s) => s.name) ?? [];
      expect(names).toContain('gdprTestNotes');
      expect(document?.sections).toEqual(names);
      expect(Object.keys(document?.data ?? {}).sort()).toEqual([...names].sort());
      expect(document?.data['gdprTestNotes']).toEqual([
        {
          note: 'Prefers morning sessions; works as a nurse at LGI',
          painScore: 6,
          lastTreatmentOn: '2026-01-20',
        },
      ]);
      expect(document?.careRelationships).toEqual([
        {
          bookingId: expect.any(String) as string,
          therapistId,
          clinicId: leeds,
          status: 'treated',
          startsAt: '2025-06-10T09:00:00.000Z',
        },
      ]);
      // The manager's export shows in the client's copy: the subject sees who looked.
      expect(document?.auditTrail).toEqual([
        expect.objectContaining({
          actorSubject: 'leeds-manager',
          actorRole: 'clinic_manager',
          clinicId: leeds,
          recordType: 'subject_access_export',
          action: 'export',
        }),
      ]);
      const audit = await app.dataSource.query<{ record_id: string; actor_subject: string }[]>(
        `SELECT record_id, actor_subject FROM audit_log
          WHERE client_id = $1 AND record_type = 'subject_access_export' AND action = 'export'
          ORDER BY id`,
        [id],
      );
      expect(audit).toEqual([
        { record_id: expect.any(String) as string, actor_subject: 'leeds-manager' },
        { record_id: document?.exportId, actor_subject: `client-${id}` },
      ]);
    });

    it('lets head office and a clinical lead export any client', async () => {
      const id = await leedsClient();
      for (const token of [headOffice, clinicalLead]) {
        const res = await app.gql<{ subjectAccessExport: SubjectAccessDocument }>(
          EXPORT,
          { clientId: id },
          token,
        );
        expect(res.errors).toBeUndefined();
        expect(res.data?.subjectAccessExport.clientId).toBe(id);
      }
      expect(await auditRows(id)).toHaveLength(2);
    });

    it('refuses reception, a treating therapist, another clinic’s manager, another client and an integrator, auditing nothing', async () => {
      const id = await leedsClient();
      const other = await leedsClient();
      const denied = [
        leedsReception,
        treatingTherapist,
        yorkManager,
        await clientToken(other),
        integrator,
      ];
      for (const token of denied) {
        const res = await app.gql<{ subjectAccessExport: SubjectAccessDocument }>(
          EXPORT,
          { clientId: id },
          token,
        );
        expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
        expect(res.data?.subjectAccessExport ?? null).toBeNull();
      }
      expect(await auditRows(id)).toEqual([]);
    });

    it('names an unknown or malformed client id, auditing nothing', async () => {
      const unknown = randomUUID();
      const missing = await app.gql(EXPORT, { clientId: unknown }, headOffice);
      expect(missing.errors?.[0]?.extensions?.code).toBe('CLIENT_NOT_FOUND');
      const malformed = await app.gql(EXPORT, { clientId: 'not-a-uuid' }, headOffice);
      expect(malformed.errors?.[0]?.extensions?.code).toBe('INVALID_CLIENT_ID');
      expect(await auditRows(unknown)).toEqual([]);
    });

    it('writes no audit row when a section fails to export', async () => {
      const id = await leedsClient();
      section.failFor.add(id);
      try {
        const res = await app.gql(EXPORT, { clientId: id }, headOffice);
        expect(res.errors).toHaveLength(1);
      } finally {
        section.failFor.delete(id);
      }
      expect(await auditRows(id)).toEqual([]);
    });
  });

  describe('requestErasure', () => {
    it('removes personal details at once, keeps clinical data, records, audits and publishes client.erased', async () => {
      const id = await leedsClient();
      const token = await clientToken(id);
      const res = await app.gql<{ requestErasure: ErasureResult }>(
        ERASE,
        { clientId: id, reason: '  I have moved abroad  ' },
        token,
      );
      expect(res.errors).toBeUndefined();
      expect(res.data?.requestErasure).toMatchObject({
        clientId: id,
        lastTreatmentOn: '2026-01-20',
        retentionRule: 'adult',
        retentionUntil: '2034-01-20',
        purgedAt: null,
      });

      const [client] = await app.dataSource.query<Record<string, unknown>[]>(
        `SELECT given_name, family_name, email, phone, address, gp_practice, emergency_contact,
                identity_subject, date_of_birth::text AS date_of_birth, erased_at FROM client WHERE id = $1`,
        [id],
      );
      expect(client).toMatchObject({
        given_name: null,
        family_name: null,
        email: null,
        phone: null,
        address: null,
        gp_practice: null,
        emergency_contact: null,
        identity_subject: null,
        // Kept until the purge: the children's retention rule needs it.
        date_of_birth: '1980-05-17',
      });
      expect(client?.['erased_at']).toBeInstanceOf(Date);
      // The section removed its personal free text and kept the clinical content.
      expect(section.notes.get(id)).toEqual({
        note: null,
        painScore: 6,
        lastTreatmentOn: '2026-01-20',
      });

      const [request] = await app.dataSource.query<Record<string, unknown>[]>(
        `SELECT requested_by_subject, requested_by_role, reason, retention_until::text AS retention_until,
                last_treatment_on::text AS last_treatment_on, purged_at
           FROM erasure_request WHERE client_id = $1`,
        [id],
      );
      expect(request).toEqual({
        requested_by_subject: `client-${id}`,
        requested_by_role: 'client',
        reason: 'I have moved abroad',
        retention_until: '2034-01-20',
        last_treatment_on: '2026-01-20',
        purged_at: null,
      });
      expect(await auditRows(id)).toEqual([
        { action: 'erase', record_type: 'erasure', actor_subject: `client-${id}` },
      ]);

      const event = await app.event('client.erased', (e) => e.aggregateId === id);
      expect(envelopeSchema.safeParse(event).success).toBe(true);
      expect(platformCatalogue.find(event.type, 1)?.schema.safeParse(event.data).success).toBe(
        true,
      );
      expect(event).toMatchObject({
        clinicId: leeds,
        data: {
          clientId: id,
          clinicIds: [leeds],
          retentionUntil: '2034-01-20',
          erasedAt: (client?.['erased_at'] as Date).toISOString(),
        },
      });
    });

    it('refuses every later change to the record with CLIENT_ERASED, but still lets the client export', async () => {
      const id = await leedsClient();
      const erased = await app.gql(ERASE, { clientId: id }, headOffice);
      expect(erased.errors).toBeUndefined();

      const access = new ClientAccessService(new ClientScopeRepository());
      const caller: Caller = {
        subject: 'ho-admin',
        role: 'head_office_admin',
        clinicIds: [],
        scopes: [],
      };
      for (const purpose of ['profile:write', 'consent:write', 'clinical:write'] as const) {
        await expect(
          typeormTransactions(app.dataSource).run((tx) => access.require(tx, caller, id, purpose)),
        ).rejects.toMatchObject({ code: 'CLIENT_ERASED' });
      }

      const exported = await app.gql<{ subjectAccessExport: SubjectAccessDocument }>(
        EXPORT,
        { clientId: id },
        await clientToken(id),
      );
      expect(exported.errors).toBeUndefined();
      expect(exported.data?.subjectAccessExport.erasure).toMatchObject({
        retentionUntil: '2034-01-20',
        purgedAt: null,
      });
    });

    it('refuses a second request with ERASURE_ALREADY_REQUESTED and changes nothing', async () => {
      const id = await leedsClient();
      expect((await app.gql(ERASE, { clientId: id }, leedsManager)).errors).toBeUndefined();
      await app.event('client.erased', (e) => e.aggregateId === id);
      const before = await counts(id);

      const again = await app.gql(ERASE, { clientId: id }, await clientToken(id));
      expect(again.errors?.[0]?.extensions?.code).toBe('ERASURE_ALREADY_REQUESTED');
      expect(again.errors?.[0]?.message).toMatch(/kept until 2034-01-20/);
      expect(await counts(id)).toEqual(before);
    });

    it('lets exactly one of two simultaneous requests through', async () => {
      const id = await leedsClient();
      const results = await Promise.all([
        app.gql(ERASE, { clientId: id }, headOffice),
        app.gql(ERASE, { clientId: id }, await clientToken(id)),
      ]);
      const codes = results.map((res) => res.errors?.[0]?.extensions?.code ?? 'OK').sort();
      expect(codes).toEqual(['ERASURE_ALREADY_REQUESTED', 'OK']);
      expect(await counts(id)).toMatchObject({ requests: '1', audit: '1', outbox: '1' });
    });

    it('keeps a child’s records until their 25th birthday, counting the latest treatment of any section', async () => {
      const id = await leedsClient({ dateOfBirth: '2009-06-01', lastTreatmentOn: '2026-01-20' });
      const res = await app.gql<{ requestErasure: ErasureResult }>(
        ERASE,
        { clientId: id },
        headOffice,
      );
      expect(res.data?.requestErasure).toMatchObject({
        lastTreatmentOn: '2026-01-20',
        retentionRule: 'child_25th_birthday',
        retentionUntil: '2034-06-01',
      });
    });

    it('counts a completed booking as treatment when no section knows of one', async () => {
      const id = await leedsClient({ lastTreatmentOn: null });
      const res = await app.gql<{ requestErasure: ErasureResult }>(
        ERASE,
        { clientId: id },
        headOffice,
      );
      expect(res.data?.requestErasure).toMatchObject({
        lastTreatmentOn: '2025-06-10',
        retentionRule: 'adult',
        retentionUntil: '2033-06-10',
      });
    });

    it('purges a never-treated client at the next run', async () => {
      const id = await insertTestClient(app.dataSource, { clinicIds: [leeds] });
      const res = await app.gql<{ requestErasure: ErasureResult }>(
        ERASE,
        { clientId: id },
        leedsManager,
      );
      expect(res.data?.requestErasure).toMatchObject({
        lastTreatmentOn: null,
        retentionRule: 'never_treated',
        retentionUntil: utcDateOf(new Date()),
      });
    });

    it('refuses reception, a clinical lead, a treating therapist, another clinic’s manager, another client and an integrator, writing nothing', async () => {
      const id = await leedsClient();
      const before = await counts(id);
      expect(before['intact']).toBe('1');
      const denied = [
        leedsReception,
        clinicalLead,
        treatingTherapist,
        yorkManager,
        await clientToken(await leedsClient()),
        integrator,
      ];
      for (const token of denied) {
        const res = await app.gql(ERASE, { clientId: id }, token);
        expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      }
      expect(await counts(id)).toEqual(before);
      expect(section.notes.get(id)?.note).not.toBeNull();
    });

    it('refuses an overlong reason with INVALID_ERASURE_REASON, writing nothing', async () => {
      const id = await leedsClient();
      const before = await counts(id);
      const res = await app.gql(ERASE, { clientId: id, reason: 'x'.repeat(501) }, headOffice);
      expect(res.errors?.[0]?.extensions?.code).toBe('INVALID_ERASURE_REASON');
      expect(await counts(id)).toEqual(before);
    });

    it('names an unknown or malformed client id', async () => {
      const missing = await app.gql(ERASE, { clientId: randomUUID() }, headOffice);
      expect(missing.errors?.[0]?.extensions?.code).toBe('CLIENT_NOT_FOUND');
      const malformed = await app.gql(ERASE, { clientId: '42' }, headOffice);
      expect(malformed.errors?.[0]?.extensions?.code).toBe('INVALID_CLIENT_ID');
    });

    it('erases nothing when one section fails: details, request, audit and event all roll back', async () => {
      const id = await leedsClient();
      const before = await counts(id);
      section.failFor.add(id);
      try {
        const res = await app.gql(ERASE, { clientId: id }, headOffice);
        expect(res.errors).toHaveLength(1);
      } finally {
        section.failFor.delete(id);
      }
      expect(await counts(id)).toEqual(before);
      expect(before['intact']).toBe('1');
      // Once the section works again the request goes through.
      expect((await app.gql(ERASE, { clientId: id }, headOffice)).errors).toBeUndefined();
    });
  });
});
