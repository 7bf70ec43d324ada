import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { GraphqlResult, ServiceTestApp } from '@app/platform/test-support/service-test-app';

export const CLIENT_FIELDS = `id givenName familyName dateOfBirth email phone
  address { line1 line2 town postcode } gpPractice { name address phone }
  emergencyContact { name relationship phone } clinics { clinicId name since }
  registeredVia registeredAt erasedAt`;

export const REGISTER_CLIENT = `mutation($input: RegisterClientInput!) {
  registerClient(input: $input) { ${CLIENT_FIELDS} } }`;

export interface ClientView {
  id: string;
  givenName: string | null;
  familyName: string | null;
  dateOfBirth: string | null;
  email: string | null;
  phone: string | null;
  address: { line1: string; line2: string | null; town: string; postcode: string } | null;
  clinics: { clinicId: string; name: string | null; since: string }[] | null;
  registeredVia: string | null;
}

let counter = 0;

/** A registration input for a person nobody else in the test database is. */
export function registerInput(
  clinicId: string,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  counter += 1;
  const tag = `${randomUUID().slice(0, 8)}${counter}`;
  return {
    clinicId,
    givenName: 'Amelia',
    familyName: `Hughes-${tag}`,
    dateOfBirth: '1984-03-21',
    email: `amelia.${tag}@example.co.uk`,
    phone: '07700 900123',
    ...overrides,
  };
}

/** A clinic in client-record's projection, as if roster had published clinic.opened. */
export async function insertTestClinic(
  dataSource: DataSource,
  options: { readonly name?: string; readonly status?: string; readonly id?: string } = {},
): Promise<string> {
  const id = options.id ?? randomUUID();
  await dataSource.query(
    `INSERT INTO clinic_projection (id, code, name, timezone, status, as_of, last_event_id)
     VALUES ($1, $2, $3, 'Europe/London', $4, now(), $5)`,
    [
      id,
      `C-${id.slice(0, 6)}`,
      options.name ?? 'Test clinic',
      options.status ?? 'active',
      randomUUID(),
    ],
  );
  return id;
}

export async function registerClient(
  app: ServiceTestApp,
  token: string,
  input: Record<string, unknown>,
): Promise<ClientView> {
  const result = await app.gql<{ registerClient: ClientView }>(REGISTER_CLIENT, { input }, token);
  if (result.errors !== undefined || result.data?.registerClient === undefined) {
    throw new Error(`registerClient failed: ${JSON.stringify(result.errors)}`);
  }
  return result.data.registerClient;
}

export function errorCodes(result: GraphqlResult<unknown>): (string | undefined)[] {
  return (result.errors ?? []).map((error) => error.extensions?.code);
}

/** Row counts of everything a client or consent write touches. */
export async function footprint(app: ServiceTestApp): Promise<string> {
  const rows = await app.dataSource.query<{ footprint: unknown }[]>(
    `SELECT json_build_object(
       'clients', (SELECT count(*) FROM client),
       'clinics', (SELECT count(*) FROM client_clinic),
       'consents', (SELECT count(*) FROM consent_entry),
       'outbox', (SELECT count(*) FROM outbox),
       'audit', (SELECT count(*) FROM audit_log),
       'updated', (SELECT coalesce(sum(version), 0) FROM client)
     ) AS footprint`,
  );
  return JSON.stringify(rows[0]?.footprint);
}
