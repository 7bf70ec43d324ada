import type { GraphqlResult, ServiceTestApp } from '@app/platform/test-support/service-test-app';

export const ADVERSE_EVENT_FIELDS = `id clientId clinicId type description severity occurredAt bookingId
  actionsTaken followUpRequired followUpDueOn followUpOutstanding flaggedForGovernance
  governanceStatus reportedBy reportedByRole reportedAt followUpCount
  followUps { id followedUpAt note resolved recordedBy recordedAt }
  review { note reviewedBy reviewedAt }`;

export const REPORT_ADVERSE_EVENT = `mutation($clientId: ID!, $input: ReportAdverseEventInput!) {
  reportAdverseEvent(clientId: $clientId, input: $input) { ${ADVERSE_EVENT_FIELDS} } }`;

export interface AdverseEventView {
  id: string;
  clientId: string;
  clinicId: string;
  type: string;
  description: string | null;
  severity: string;
  occurredAt: string;
  bookingId: string | null;
  actionsTaken: string;
  followUpRequired: boolean;
  followUpDueOn: string | null;
  followUpOutstanding: boolean;
  flaggedForGovernance: boolean;
  governanceStatus: string | null;
  reportedBy: string;
  reportedByRole: string;
  reportedAt: string;
  followUpCount: number;
  followUps: { id: string; note: string; resolved: boolean; recordedBy: string }[];
  review: { note: string; reviewedBy: string; reviewedAt: string } | null;
}

export function errorCodes(result: GraphqlResult<unknown>): (string | undefined)[] {
  return (result.errors ?? []).map((error) => error.extensions?.code);
}

/** A valid report input; override any field. */
export function reportInput(
  clinicId: string,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    clinicId,
    type: 'soreness_over_48h',
    severity: 'moderate',
    occurredAt: new Date(Date.now() - 2 * 86_400_000).toISOString(),
    actionsTaken: 'Advised rest and heat; next session postponed',
    followUpRequired: true,
    followUpDueOn: new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10),
    ...overrides,
  };
}

/** Reports through GraphQL and fails loudly if it did not work. */
export async function reportAdverseEvent(
  app: ServiceTestApp,
  token: string,
  clientId: string,
  input: Record<string, unknown>,
): Promise<AdverseEventView> {
  const result = await app.gql<{ reportAdverseEvent: AdverseEventView }>(
    REPORT_ADVERSE_EVENT,
    { clientId, input },
    token,
  );
  const event = result.data?.reportAdverseEvent;
  if (event === undefined || result.errors !== undefined) {
    throw new Error(`reportAdverseEvent failed: ${JSON.stringify(result.errors)}`);
  }
  return event;
}

/** Everything the adverse-event use cases can write, to prove a refusal wrote nothing. */
export async function adverseEventFootprint(app: ServiceTestApp): Promise<string> {
  const rows = await app.dataSource.query<{ footprint: unknown }[]>(
    `SELECT json_build_object(
       'events', (SELECT count(*) FROM adverse_event),
       'followUps', (SELECT count(*) FROM adverse_event_follow_up),
       'reviews', (SELECT count(*) FROM adverse_event_review),
       'outbox', (SELECT count(*) FROM outbox),
       'audit', (SELECT count(*) FROM audit_log)
     ) AS footprint`,
  );
  return JSON.stringify(rows[0]?.footprint);
}

export interface AuditRow {
  actor_subject: string;
  actor_role: string;
  actor_therapist_id: string | null;
  clinic_id: string | null;
  client_id: string | null;
  record_type: string;
  record_id: string | null;
  action: string;
  correlation_id: string;
  occurred_at: Date;
}

export async function auditRowsFor(app: ServiceTestApp, recordId: string): Promise<AuditRow[]> {
  return app.dataSource.query<AuditRow[]>(
    `SELECT actor_subject, actor_role, actor_therapist_id, clinic_id, client_id, record_type,
            record_id, action, correlation_id, occurred_at
       FROM audit_log WHERE record_id = $1 ORDER BY id`,
    [recordId],
  );
}

/**
 * A GraphQL error answer with the asked-for id replaced by `<id>`: a by-record-id lookup the
 * caller may not see must give exactly what a random id gives (same code, message shape and
 * extensions), so the two shapes compare equal.
 */
export function errorShape(result: GraphqlResult<unknown>, askedId: string): unknown {
  return JSON.parse(
    JSON.stringify(result.errors ?? [])
      .split(askedId)
      .join('<id>'),
  ) as unknown;
}
