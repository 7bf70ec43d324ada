import { randomUUID } from 'node:crypto';
import { TherapistJoinedV1 } from '@app/contracts';
import type { ServiceTestApp } from '@app/platform/test-support/service-test-app';
import type { Profession } from './profession';

export const SCREENING_FIELDS = `id clientId clinicId conditions otherConditionDescription duration
  baselinePain medications redFlags screenedOn validUntil outcome outcomeReasons recordedBy recordedAt`;

export const RECORD_SCREENING = `mutation($clientId: ID!, $input: RecordScreeningInput!) {
  recordScreening(clientId: $clientId, input: $input) { ${SCREENING_FIELDS} } }`;

export const ELIGIBILITY_STATUS = `query($clientId: ID!) {
  eligibility(clientId: $clientId) { clientId status validUntil decidedAt cause screeningId } }`;

export const ELIGIBILITY_WITH_REASONS = `query($clientId: ID!) {
  eligibility(clientId: $clientId) { status cause validUntil reasons } }`;

export const OVERRIDE = `mutation($clientId: ID!, $input: OverrideEligibilityInput!) {
  overrideEligibility(clientId: $clientId, input: $input) { clientId status cause validUntil } }`;

export const GP_CLEARANCE = `mutation($clientId: ID!, $input: RecordGpClearanceInput!) {
  recordGpClearance(clientId: $clientId, input: $input) { clientId status cause validUntil } }`;

export interface ScreeningView {
  id: string;
  clientId: string;
  clinicId: string;
  conditions: string[];
  baselinePain: number;
  redFlags: string[];
  screenedOn: string;
  validUntil: string;
  outcome: string;
  outcomeReasons: string[];
  recordedBy: string;
}

export interface EligibilityView {
  clientId: string;
  status: string;
  validUntil: string | null;
  cause: string | null;
  screeningId: string | null;
  reasons?: string[];
}

export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

export function screeningInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    conditions: ['lower_back_pain'],
    duration: 'over_12_months',
    baselinePain: 6,
    medications: ['naproxen 500 mg twice daily'],
    redFlags: [],
    screenedOn: todayUtc(),
    ...overrides,
  };
}

export function errorCodes(result: {
  errors?: { extensions?: { code?: string } }[];
}): (string | undefined)[] {
  return (result.errors ?? []).map((error) => error.extensions?.code);
}

/** Tells client-record a therapist's profession as the roster would, and waits for it. */
export async function joinTherapist(
  app: ServiceTestApp,
  clinicId: string,
  profession: Profession,
  therapistId: string = randomUUID(),
): Promise<string> {
  await app.publish(TherapistJoinedV1, {
    aggregateId: therapistId,
    clinicId,
    data: {
      therapistId,
      givenName: 'Sam',
      familyName: `Therapist ${therapistId.slice(0, 6)}`,
      profession,
      hcpcNumber: profession === 'physiotherapist' ? 'PH123456' : null,
      specialties: ['lower_back_pain'],
      clinicIds: [clinicId],
      status: 'active',
    },
  });
  const deadline = Date.now() + 30_000;
  for (;;) {
    const rows = await app.dataSource.query<{ profession: string }[]>(
      'SELECT profession FROM therapist_profession WHERE therapist_id = $1',
      [therapistId],
    );
    if (rows[0]?.profession === profession) {
      return therapistId;
    }
    if (Date.now() > deadline) {
      throw new Error(`therapist ${therapistId} never reached the profession projection`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Rows a failed use case must not have written for a client. */
export async function screeningFootprint(
  app: ServiceTestApp,
  clientId: string,
): Promise<{ screenings: number; decisions: number; outbox: number; audit: number }> {
  const count = async (sql: string): Promise<number> =>
    Number((await app.dataSource.query<{ n: string }[]>(sql, [clientId]))[0]?.n ?? 0);
  return {
    screenings: await count('SELECT count(*) AS n FROM screening WHERE client_id = $1'),
    decisions: await count('SELECT count(*) AS n FROM eligibility_decision WHERE client_id = $1'),
    outbox: await count('SELECT count(*) AS n FROM outbox WHERE message_key = $1'),
    audit: await count('SELECT count(*) AS n FROM audit_log WHERE client_id = $1'),
  };
}

export async function auditRows(
  app: ServiceTestApp,
  clientId: string,
): Promise<
  { record_type: string; action: string; actor_role: string; record_id: string | null }[]
> {
  return app.dataSource.query(
    `SELECT record_type, action, actor_role, record_id FROM audit_log
     WHERE client_id = $1 ORDER BY id`,
    [clientId],
  );
}

/**
 * A screening done `screenedOn` (possibly over a year ago, which the API refuses), with its
 * screening decision, inserted directly: for lapse tests.
 */
export async function insertOldScreening(
  app: ServiceTestApp,
  options: { clientId: string; clinicId: string; screenedOn: string; lapsesOn: string },
): Promise<string> {
  const id = randomUUID();
  await app.dataSource.query(
    `INSERT INTO screening (id, client_id, clinic_id, conditions, duration, baseline_pain,
       screened_on, lapses_on, recorded_by, recorded_by_role)
     VALUES ($1, $2, $3, '{sciatica}', 'over_12_months', 5, $4, $5, 'fixture', 'therapist')`,
    [id, options.clientId, options.clinicId, options.screenedOn, options.lapsesOn],
  );
  await app.dataSource.query(
    `INSERT INTO eligibility_decision (id, client_id, screening_id, status, cause, decided_by,
       decided_by_role)
     VALUES ($1, $2, $3, 'cleared', 'screening', 'fixture', 'therapist')`,
    [randomUUID(), options.clientId, id],
  );
  return id;
}
