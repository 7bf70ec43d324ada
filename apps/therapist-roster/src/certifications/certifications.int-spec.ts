import { randomUUID } from 'node:crypto';
import { envelopeSchema, EventEnvelope, platformCatalogue, TOPICS } from '@app/contracts';
import { ServiceTestApp, startServiceTestApp } from '@app/platform/test-support/service-test-app';
import { ClinicFactory, errorCodes } from '../clinics/test-support/clinic-factory';
import { TherapistRosterModule } from '../therapist-roster.module';
import { therapistRosterDefinition } from '../therapist-roster.definition';
import { rosterFootprint, TherapistFactory } from '../therapists/test-support/therapist-factory';
import {
  CERTIFICATION_FIELDS,
  CertificationFactory,
  CertificationView,
  RECORD_CERTIFICATION,
} from './test-support/certification-factory';

const VERIFY = `mutation($id: ID!) { verifyCertification(id: $id) { ${CERTIFICATION_FIELDS} } }`;
const REVOKE = `mutation($id: ID!, $reason: String!) {
  revokeCertification(id: $id, reason: $reason) { ${CERTIFICATION_FIELDS} } }`;
const GET = `query($id: ID!, $on: String) {
  certification(id: $id) { ${CERTIFICATION_FIELDS} statusOn: status(on: $on) } }`;

function expectValidEvent(event: EventEnvelope): void {
  expect(envelopeSchema.safeParse(event).success).toBe(true);
  const definition = platformCatalogue.find(event.type, event.schemaVersion);
  expect(definition?.schema.safeParse(event.data).success).toBe(true);
}

describe('therapist-roster certifications', () => {
  let app: ServiceTestApp;
  let headOffice: string;
  let clinicalLead: string;
  let leeds: string;
  let york: string;
  let leedsManager: string;
  let yorkManager: string;
  let therapists: TherapistFactory;
  let make: CertificationFactory;

  beforeAll(async () => {
    app = await startServiceTestApp(therapistRosterDefinition, TherapistRosterModule.forRoot, {
      watchTopics: [TOPICS.roster],
    });
    headOffice = await app.token({ role: 'head_office_admin', subject: 'ho-admin-1' });
    clinicalLead = await app.token({ role: 'clinical_lead', subject: 'lead-1' });
    const clinics = new ClinicFactory(app, headOffice);
    leeds = (await clinics.clinic({ name: 'Leeds' })).id;
    york = (await clinics.clinic({ name: 'York' })).id;
    leedsManager = await app.token({
      role: 'clinic_manager',
      clinicIds: [leeds],
      subject: 'leeds-manager',
    });
    yorkManager = await app.token({ role: 'clinic_manager', clinicIds: [york] });
    therapists = new TherapistFactory(app, headOffice);
    make = new CertificationFactory(app, headOffice);
  });

  afterAll(async () => {
    await app.close();
  });

  async function therapistAtLeeds(): Promise<string> {
    return (await therapists.therapist({ clinicIds: [leeds] })).id;
  }

  describe('recordCertification', () => {
    it('records a certification and publishes certification.recorded', async () => {
      const therapistId = await therapistAtLeeds();
      const result = await app.gql<{ recordCertification: CertificationView }>(
        RECORD_CERTIFICATION,
        {
          input: make.input({
            therapistId,
            type: ' PNF_Level_2 ',
            issuedOn: '2025-03-01',
            expiresOn: '2099-03-01',
          }),
        },
        leedsManager,
      );
      expect(result.errors).toBeUndefined();
      const certification = result.data?.recordCertification;
      expect(certification).toMatchObject({
        therapistId,
        type: 'pnf_level_2',
        issuedOn: '2025-03-01',
        expiresOn: '2099-03-01',
        recordedBy: 'leeds-manager',
        verified: false,
        verifiedBy: null,
        status: 'valid',
      });

      const event = await app.event(
        'certification.recorded',
        (e) => e.aggregateId === certification?.id,
      );
      expectValidEvent(event);
      expect(event).toMatchObject({
        clinicId: leeds,
        actor: { type: 'user', role: 'clinic_manager' },
        data: {
          certificationId: certification?.id,
          therapistId,
          type: 'pnf_level_2',
          issuedOn: '2025-03-01',
          expiresOn: '2099-03-01',
          verified: false,
          status: 'valid',
        },
      });
    });

    it('accepts a new snake_case type and a certification that never expires', async () => {
      const therapistId = await therapistAtLeeds();
      const certification = await make.certification({
        therapistId,
        type: 'dry_needling',
        expiresOn: null,
      });
      expect(certification).toMatchObject({
        type: 'dry_needling',
        expiresOn: null,
        status: 'valid',
      });
    });

    it.each([
      [
        'the expiry is before the issue date',
        { issuedOn: '2025-06-01', expiresOn: '2025-05-31' },
        'EXPIRY_BEFORE_ISSUE',
      ],
      [
        'the expiry is on the issue date',
        { issuedOn: '2025-06-01', expiresOn: '2025-06-01' },
        'EXPIRY_BEFORE_ISSUE',
      ],
      ['a date does not exist', { issuedOn: '2025-02-30' }, 'INVALID_DATE'],
      ['a date is not YYYY-MM-DD', { expiresOn: '01/06/2027' }, 'INVALID_DATE'],
      ['the type is not snake_case', { type: 'First Aid!' }, 'INVALID_CERTIFICATION_TYPE'],
      ['there is no evidence reference', { evidenceReference: '  ' }, 'INVALID_EVIDENCE_REFERENCE'],
    ])('refuses a certification where %s, writing nothing', async (_case, overrides, code) => {
      const therapistId = await therapistAtLeeds();
      const before = await rosterFootprint(app);
      const result = await app.gql(
        RECORD_CERTIFICATION,
        { input: make.input({ therapistId, ...overrides }) },
        headOffice,
      );
      expect(errorCodes(result)).toEqual([code]);
      expect(result.errors?.[0]?.message).toMatch(/YYYY-MM-DD|after|snake_case|evidence/);
      expect(await rosterFootprint(app)).toBe(before);
    });

    it('refuses an unknown therapist and a therapist who left', async () => {
      const unknown = await app.gql(
        RECORD_CERTIFICATION,
        { input: make.input({ therapistId: randomUUID() }) },
        headOffice,
      );
      expect(errorCodes(unknown)).toEqual(['THERAPIST_NOT_FOUND']);

      const therapistId = await therapistAtLeeds();
      await app.gql(
        'mutation($id: ID!) { markTherapistLeft(id: $id) { id } }',
        { id: therapistId },
        headOffice,
      );
      const before = await rosterFootprint(app);
      const left = await app.gql(
        RECORD_CERTIFICATION,
        { input: make.input({ therapistId }) },
        headOffice,
      );
      expect(errorCodes(left)).toEqual(['THERAPIST_HAS_LEFT']);
      expect(await rosterFootprint(app)).toBe(before);
    });

    it("refuses another clinic's manager and roles that do not record", async () => {
      const therapistId = await therapistAtLeeds();
      const before = await rosterFootprint(app);
      const receptionist = await app.token({ role: 'receptionist', clinicIds: [leeds] });
      const self = await app.token({ role: 'therapist', clinicIds: [leeds], therapistId });
      for (const token of [yorkManager, clinicalLead, receptionist, self]) {
        const result = await app.gql(
          RECORD_CERTIFICATION,
          { input: make.input({ therapistId }) },
          token,
        );
        expect(errorCodes(result)).toEqual(['FORBIDDEN']);
      }
      expect(await rosterFootprint(app)).toBe(before);
    });
  });

  describe('verifyCertification', () => {
    it('records the verifying clinical lead and publishes certification.verified', async () => {
      const certification = await make.certification({ therapistId: await therapistAtLeeds() });
      const result = await app.gql<{ verifyCertification: CertificationView }>(
        VERIFY,
        { id: certification.id },
        clinicalLead,
      );
      expect(result.errors).toBeUndefined();
      expect(result.data?.verifyCertification).toMatchObject({
        verified: true,
        verifiedBy: 'lead-1',
      });
      expect(result.data?.verifyCertification.verifiedAt).not.toBeNull();

      const event = await app.event(
        'certification.verified',
        (e) => e.aggregateId === certification.id,
      );
      expectValidEvent(event);
      expect(event).toMatchObject({
        actor: { role: 'clinical_lead' },
        data: { certificationId: certification.id, verified: true },
      });
    });

    it('lets only head office and clinical leads verify', async () => {
      const certification = await make.certification({ therapistId: await therapistAtLeeds() });
      const before = await rosterFootprint(app);
      for (const token of [
        leedsManager,
        await app.token({ role: 'receptionist', clinicIds: [leeds] }),
      ]) {
        expect(errorCodes(await app.gql(VERIFY, { id: certification.id }, token))).toEqual([
          'FORBIDDEN',
        ]);
      }
      expect(await rosterFootprint(app)).toBe(before);
    });

    it('refuses verifying twice, an unknown id, and a revoked certification', async () => {
      const certification = await make.certification({ therapistId: await therapistAtLeeds() });
      await app.gql(VERIFY, { id: certification.id }, headOffice);
      const revoked = await make.certification({ therapistId: await therapistAtLeeds() });
      await app.gql(REVOKE, { id: revoked.id, reason: 'wrong document' }, headOffice);

      const before = await rosterFootprint(app);
      const codes = [
        errorCodes(await app.gql(VERIFY, { id: certification.id }, clinicalLead)),
        errorCodes(await app.gql(VERIFY, { id: randomUUID() }, clinicalLead)),
        errorCodes(await app.gql(VERIFY, { id: 'cert-1' }, clinicalLead)),
        errorCodes(await app.gql(VERIFY, { id: revoked.id }, clinicalLead)),
      ];
      expect(codes).toEqual([
        ['CERTIFICATION_ALREADY_VERIFIED'],
        ['CERTIFICATION_NOT_FOUND'],
        ['INVALID_CERTIFICATION_ID'],
        ['CERTIFICATION_REVOKED'],
      ]);
      expect(await rosterFootprint(app)).toBe(before);
    });
  });

  describe('revokeCertification', () => {
    it("lets the therapist's clinic manager revoke, publishing certification.revoked", async () => {
      const certification = await make.certification({ therapistId: await therapistAtLeeds() });
      const result = await app.gql<{ revokeCertification: CertificationView }>(
        REVOKE,
        { id: certification.id, reason: ' Certificate was for another person ' },
        leedsManager,
      );
      expect(result.errors).toBeUndefined();
      expect(result.data?.revokeCertification).toMatchObject({
        status: 'revoked',
        revocationReason: 'Certificate was for another person',
      });
      const event = await app.event(
        'certification.revoked',
        (e) => e.aggregateId === certification.id,
      );
      expectValidEvent(event);
      expect(event.data).toMatchObject({
        status: 'revoked',
        revokedOn: result.data?.revokeCertification.revokedOn,
      });
      expect(JSON.stringify(event.data)).not.toContain('another person');
    });

    it('refuses revoking twice, an empty reason and the wrong people, writing nothing', async () => {
      const certification = await make.certification({ therapistId: await therapistAtLeeds() });
      const revoked = await make.certification({ therapistId: await therapistAtLeeds() });
      await app.gql(REVOKE, { id: revoked.id, reason: 'expired card' }, headOffice);
      const receptionist = await app.token({ role: 'receptionist', clinicIds: [leeds] });

      const before = await rosterFootprint(app);
      expect(
        errorCodes(await app.gql(REVOKE, { id: revoked.id, reason: 'again' }, headOffice)),
      ).toEqual(['CERTIFICATION_ALREADY_REVOKED']);
      expect(
        errorCodes(await app.gql(REVOKE, { id: certification.id, reason: ' ' }, headOffice)),
      ).toEqual(['INVALID_REVOCATION_REASON']);
      for (const token of [yorkManager, receptionist]) {
        expect(
          errorCodes(await app.gql(REVOKE, { id: certification.id, reason: 'x' }, token)),
        ).toEqual(['FORBIDDEN']);
      }
      expect(await rosterFootprint(app)).toBe(before);
    });
  });

  describe('reading certifications', () => {
    it('lists a therapist’s certifications with their status on any date', async () => {
      const therapistId = await therapistAtLeeds();
      const certification = await make.certification({
        therapistId,
        issuedOn: '2025-01-10',
        expiresOn: '2026-01-10',
      });
      const result = await app.gql<{
        therapist: { certifications: { id: string; now: string; before: string; soon: string }[] };
      }>(
        `query($id: ID!) { therapist(id: $id) { certifications {
           id now: status before: status(on: "2025-01-09") soon: status(on: "2025-12-20") } } }`,
        { id: therapistId },
        leedsManager,
      );
      expect(result.errors).toBeUndefined();
      expect(result.data?.therapist.certifications).toEqual([
        { id: certification.id, now: 'expired', before: 'not_yet_valid', soon: 'expiring_soon' },
      ]);
      const badDate = await app.gql(GET, { id: certification.id, on: 'tomorrow' }, headOffice);
      expect(errorCodes(badDate)).toEqual(['INVALID_DATE']);
    });

    it('hides evidence and who handled it from integrators', async () => {
      const therapistId = await therapistAtLeeds();
      const certification = await make.certification({ therapistId });
      const integrator = await app.token({
        role: 'integrator',
        clinicIds: [leeds],
        scopes: ['roster:read'],
      });
      const result = await app.gql<{ certification: CertificationView }>(
        GET,
        { id: certification.id },
        integrator,
      );
      expect(result.data?.certification).toMatchObject({
        id: certification.id,
        type: 'first_aid',
        evidenceReference: null,
        recordedBy: null,
      });
    });

    it("refuses a certification of another clinic's therapist with FORBIDDEN", async () => {
      const certification = await make.certification({ therapistId: await therapistAtLeeds() });
      const yorkReceptionist = await app.token({ role: 'receptionist', clinicIds: [york] });
      const result = await app.gql(GET, { id: certification.id }, yorkReceptionist);
      expect(errorCodes(result)).toEqual(['FORBIDDEN']);
    });
  });
});
