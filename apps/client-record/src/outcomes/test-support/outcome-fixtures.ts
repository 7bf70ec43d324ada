import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';

/**
 * Direct inserts into the session-record and screening tables (owned by other contexts) so
 * outcome tests do not depend on their use cases. Shapes follow their migrations.
 */
export async function insertTestSession(
  dataSource: DataSource,
  options: {
    readonly clientId: string;
    readonly clinicId: string;
    readonly startedAt: Date;
    /** Pain before per version: [7] is one version; [7, 6] an amendment to 6. */
    readonly painBefore: readonly number[];
    readonly painAfter?: number;
    readonly therapistId?: string;
  },
): Promise<string> {
  const id = randomUUID();
  await dataSource.query(
    `INSERT INTO session_record (id, booking_id, client_id, therapist_id, clinic_id, session_date,
       started_at, status, current_version)
     VALUES ($1, $2, $3, $4, $5, $6::date, $7, $8, $9)`,
    [
      id,
      randomUUID(),
      options.clientId,
      options.therapistId ?? randomUUID(),
      options.clinicId,
      options.startedAt.toISOString().slice(0, 10),
      options.startedAt,
      options.painBefore.length === 0 ? 'open' : 'recorded',
      options.painBefore.length,
    ],
  );
  for (const [index, pain] of options.painBefore.entries()) {
    await dataSource.query(
      `INSERT INTO session_record_version (record_id, version, pain_before, pain_after, techniques,
         reason, written_by_subject, written_by_role)
       VALUES ($1, $2, $3, $4, $5, $6, 'test-therapist', 'therapist')`,
      [
        id,
        index + 1,
        pain,
        options.painAfter ?? Math.max(0, pain - 2),
        ['pnf_contract_relax'],
        index === 0 ? null : 'corrected the pain score',
      ],
    );
  }
  return id;
}

export async function insertTestScreening(
  dataSource: DataSource,
  options: { readonly clientId: string; readonly clinicId: string; readonly conditions: string[] },
): Promise<void> {
  await dataSource.query(
    `INSERT INTO screening (id, client_id, clinic_id, conditions, duration, baseline_pain,
       screened_on, lapses_on, recorded_by, recorded_by_role)
     VALUES ($1, $2, $3, $4, 'over_12_months', 6, current_date, current_date + 365, 'test', 'therapist')`,
    [randomUUID(), options.clientId, options.clinicId, options.conditions],
  );
}

export function daysAgo(days: number): Date {
  return new Date(Date.now() - days * 86_400_000);
}
