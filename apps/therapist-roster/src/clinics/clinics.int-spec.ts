import { randomUUID } from 'node:crypto';
import { envelopeSchema, TOPICS } from '@app/contracts';
import { ServiceTestApp, startServiceTestApp } from '@app/platform/test-support/service-test-app';
import { TherapistRosterModule } from '../therapist-roster.module';
import { therapistRosterDefinition } from '../therapist-roster.definition';

const OPEN =
  'mutation Open($input: OpenClinicInput!) { openClinic(input: $input) { id code name timezone status } }';

describe('therapist-roster clinics', () => {
  let app: ServiceTestApp;
  let headOffice: string;

  beforeAll(async () => {
    app = await startServiceTestApp(therapistRosterDefinition, TherapistRosterModule.forRoot, {
      watchTopics: [TOPICS.roster],
    });
    headOffice = await app.token({ role: 'head_office_admin' });
  });

  afterAll(async () => {
    await app.close();
  });

  function uniqueCode(): string {
    return `T${randomUUID().slice(0, 6).toUpperCase()}`;
  }

  it('opens a clinic and publishes clinic.opened with a valid envelope', async () => {
    const code = uniqueCode();
    const result = await app.gql<{ openClinic: { id: string; code: string; status: string } }>(
      OPEN,
      { input: { code: code.toLowerCase(), name: ' Leeds ', timezone: 'Europe/London' } },
      headOffice,
    );
    expect(result.errors).toBeUndefined();
    const clinic = result.data?.openClinic;
    expect(clinic).toMatchObject({ code, status: 'opening' });

    const event = await app.event('clinic.opened', (e) => e.aggregateId === clinic?.id);
    expect(envelopeSchema.safeParse(event).success).toBe(true);
    expect(event).toMatchObject({
      clinicId: clinic?.id,
      actor: { type: 'user', role: 'head_office_admin' },
      data: {
        clinicId: clinic?.id,
        code,
        name: 'Leeds',
        timezone: 'Europe/London',
        status: 'opening',
      },
    });
  });

  it('refuses a duplicate code with CLINIC_CODE_TAKEN and writes nothing', async () => {
    const code = uniqueCode();
    await app.gql(OPEN, { input: { code, name: 'First', timezone: 'Europe/London' } }, headOffice);
    const second = await app.gql(
      OPEN,
      { input: { code, name: 'Second', timezone: 'Europe/London' } },
      headOffice,
    );

    expect(second.errors?.map((e) => e.extensions?.code)).toEqual(['CLINIC_CODE_TAKEN']);
    const rows = await app.dataSource.query<{ n: number }[]>(
      `SELECT (SELECT count(*) FROM clinic WHERE code = $1)::int +
              (SELECT count(*) FROM outbox WHERE envelope->'data'->>'code' = $1)::int AS n`,
      [code],
    );
    expect(rows[0]?.n).toBe(2); // one clinic row and its one event: the second wrote neither
  });

  it.each([
    ['an unknown timezone', { code: 'OK-1', timezone: 'Europe/Atlantis' }, 'INVALID_TIMEZONE'],
    [
      'a code with spaces',
      { code: 'LEEDS CITY', timezone: 'Europe/London' },
      'INVALID_CLINIC_CODE',
    ],
  ])('refuses %s', async (_case, input, code) => {
    const result = await app.gql(OPEN, { input: { name: 'Bad', ...input } }, headOffice);
    expect(result.errors?.map((e) => e.extensions?.code)).toEqual([code]);
  });

  it('lets only head office open clinics', async () => {
    const manager = await app.token({ role: 'clinic_manager', clinicIds: [randomUUID()] });
    const result = await app.gql(
      OPEN,
      { input: { code: uniqueCode(), name: 'X', timezone: 'Europe/London' } },
      manager,
    );
    expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
  });

  it('refuses a caller without a token', async () => {
    const result = await app.gql('{ clinics { id } }');
    expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
  });

  it("shows a clinic user only their clinics and refuses another clinic's", async () => {
    const opened = await app.gql<{ openClinic: { id: string } }>(
      OPEN,
      { input: { code: uniqueCode(), name: 'Mine', timezone: 'Europe/London' } },
      headOffice,
    );
    const other = await app.gql<{ openClinic: { id: string } }>(
      OPEN,
      { input: { code: uniqueCode(), name: 'Theirs', timezone: 'Europe/London' } },
      headOffice,
    );
    const mine = opened.data?.openClinic.id ?? '';
    const theirs = other.data?.openClinic.id ?? '';
    const receptionist = await app.token({ role: 'receptionist', clinicIds: [mine] });

    const list = await app.gql<{ clinics: { id: string }[] }>(
      '{ clinics { id } }',
      {},
      receptionist,
    );
    expect(list.data?.clinics.map((c) => c.id)).toEqual([mine]);
    const denied = await app.gql(
      'query($id: ID!) { clinic(id: $id) { id } }',
      { id: theirs },
      receptionist,
    );
    expect(denied.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
  });
});
