import { graphqlRequest } from './graphql-client';

/** The demo network's clinics; seeding adds those missing, so it can run at every start. */
export const DEMO_CLINICS = [
  { code: 'LDS-01', name: 'Leeds City Stretch Clinic', timezone: 'Europe/London' },
  { code: 'MAN-01', name: 'Manchester Northern Quarter Stretch Clinic', timezone: 'Europe/London' },
  { code: 'BRS-01', name: 'Bristol Harbourside Stretch Clinic', timezone: 'Europe/London' },
] as const;

/** Seeds demo data through the gateway as head office, the way a real user would. */
export async function seedDemoData(
  gatewayUrl: string,
  headOfficeToken: string,
  log: (line: string) => void,
): Promise<void> {
  const headers = { authorization: `Bearer ${headOfficeToken}` };
  const existing = await graphqlRequest<{ clinics: { code: string }[] }>(
    gatewayUrl,
    '{ clinics { code } }',
    {},
    headers,
  );
  const known = new Set(existing.clinics.map((clinic) => clinic.code));
  for (const clinic of DEMO_CLINICS.filter((c) => !known.has(c.code))) {
    await graphqlRequest(
      gatewayUrl,
      'mutation Open($input: OpenClinicInput!) { openClinic(input: $input) { id } }',
      { input: clinic },
      headers,
    );
    log(`[seed] opened clinic ${clinic.code} ${clinic.name}`);
  }
  if (known.size >= DEMO_CLINICS.length) {
    log('[seed] demo data already present');
  }
}
