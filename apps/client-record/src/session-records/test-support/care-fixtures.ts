import { randomUUID } from 'node:crypto';
import { BookingState } from '@app/contracts';
import type { GraphqlResult, ServiceTestApp } from '@app/platform/test-support/service-test-app';

export function errorCodes(result: GraphqlResult<unknown>): (string | undefined)[] {
  return (result.errors ?? []).map((error) => error.extensions?.code);
}

/** Row counts of every table the care contexts write, plus outbox and audit. */
export async function careFootprint(app: ServiceTestApp): Promise<string> {
  const rows = await app.dataSource.query<{ footprint: unknown }[]>(
    `SELECT json_build_object(
       'records', (SELECT count(*) FROM session_record),
       'versions', (SELECT count(*) FROM session_record_version),
       'plans', (SELECT count(*) FROM care_plan),
       'planVersions', (SELECT count(*) FROM care_plan_version),
       'outbox', (SELECT count(*) FROM outbox),
       'audit', (SELECT count(*) FROM audit_log)
     ) AS footprint`,
  );
  return JSON.stringify(rows[0]?.footprint);
}

export interface AuditRow {
  actor_subject: string;
  actor_role: string;
  client_id: string | null;
  clinic_id: string | null;
  record_type: string;
  record_id: string | null;
  action: string;
}

export async function auditRows(
  app: ServiceTestApp,
  where: { recordId?: string; clientId?: string },
): Promise<AuditRow[]> {
  return app.dataSource.query<AuditRow[]>(
    `SELECT actor_subject, actor_role, client_id, clinic_id, record_type, record_id, action
       FROM audit_log
      WHERE ($1::uuid IS NULL OR record_id = $1) AND ($2::uuid IS NULL OR client_id = $2)
      ORDER BY id`,
    [where.recordId ?? null, where.clientId ?? null],
  );
}

/** A booking as booking's events carry it; override any field. */
export function bookingState(
  overrides: Partial<BookingState> & {
    clientId: string;
    therapistId: string;
    clinicId: string;
  },
): BookingState {
  return {
    bookingId: randomUUID(),
    treatmentId: randomUUID(),
    roomId: null,
    startsAt: '2026-03-30T09:00:00.000Z',
    endsAt: '2026-03-30T10:00:00.000Z',
    localStart: '2026-03-30T10:00',
    localEnd: '2026-03-30T11:00',
    timezone: 'Europe/London',
    status: 'confirmed',
    ...overrides,
  };
}

/** Polls until `check` passes (consumers apply events asynchronously). */
export async function eventually(check: () => Promise<void>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > deadline) {
        throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

export const SESSION_FIELDS = `id bookingId clientId therapistId clinicId sessionDate status
  current { version painBefore painAfter techniques notes reason writtenBy writtenByRole
    rangeOfMotion { joint movement side degrees } }
  versions { version painBefore painAfter notes reason writtenBy }`;

export function sessionInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    painBefore: 7,
    painAfter: 4,
    rangeOfMotion: [{ joint: 'lumbar_spine', movement: 'flexion', side: 'none', degrees: 60 }],
    techniques: ['pnf_contract_relax', 'static'],
    notes: 'Lower back stiff; good response to contract-relax.',
    ...overrides,
  };
}
