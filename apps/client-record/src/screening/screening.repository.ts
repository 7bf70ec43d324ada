import { Injectable } from '@nestjs/common';
import type { Tx } from '@app/database';
import type { CalendarDate } from './domain/calendar-date';
import type { EligibilityDecision } from './domain/eligibility';
import type { Screening } from './domain/screening';
import type {
  Condition,
  ConditionDuration,
  EligibilityCause,
  EligibilityStatus,
  RedFlag,
  ScreeningOutcome,
} from './domain/screening-terms';

interface ScreeningRow {
  id: string;
  client_id: string;
  clinic_id: string;
  conditions: string[];
  other_condition_description: string | null;
  duration: string;
  baseline_pain: number;
  medications: string[];
  red_flags: string[];
  screened_on: string;
  lapses_on: string;
  recorded_by: string;
  recorded_by_role: string;
  recorded_at: Date;
  outcome: string;
}

interface DecisionRow {
  id: string;
  client_id: string;
  screening_id: string;
  status: string;
  cause: string;
  reasons: string[];
  decided_at: Date;
  decided_by: string;
  decided_by_role: string;
  override_reason: string | null;
  gp_cleared_on: string | null;
  gp_name: string | null;
  gp_practice: string | null;
  note: string | null;
}

/** A screening whose lapse day has come and that is still its client's latest. */
export interface LapseCandidate {
  readonly screeningId: string;
  readonly clientId: string;
  readonly clinicId: string;
  readonly screenedOn: CalendarDate;
  readonly lapsesOn: CalendarDate;
}

const SCREENING_COLUMNS = `s.id, s.client_id, s.clinic_id, s.conditions, s.other_condition_description,
  s.duration, s.baseline_pain, s.medications, s.red_flags, s.screened_on::text AS screened_on,
  s.lapses_on::text AS lapses_on, s.recorded_by, s.recorded_by_role, s.recorded_at,
  (SELECT d.status FROM eligibility_decision d
   WHERE d.screening_id = s.id AND d.cause = 'screening' LIMIT 1) AS outcome`;

const DECISION_COLUMNS = `d.id, d.client_id, d.screening_id, d.status, d.cause, d.reasons,
  d.decided_at, d.decided_by, d.decided_by_role, d.override_reason,
  d.gp_cleared_on::text AS gp_cleared_on, d.gp_name, d.gp_practice, d.note`;

/** Distinct from the outbox writer's per-aggregate locks (those hash a bare id). */
const LAPSE_JOB_LOCK = 'client-record:screening-lapse-job';

@Injectable()
export class ScreeningRepository {
  /** Serialises eligibility changes of one client until the transaction ends. */
  async lockClientEligibility(tx: Tx, clientId: string): Promise<void> {
    await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [
      `client-record:eligibility:${clientId}`,
    ]);
  }

  async insertScreening(
    tx: Tx,
    screening: Omit<Screening, 'recordedAt' | 'outcome'>,
  ): Promise<void> {
    await tx.query(
      `INSERT INTO screening (id, client_id, clinic_id, conditions, other_condition_description,
         duration, baseline_pain, medications, red_flags, screened_on, lapses_on, recorded_by,
         recorded_by_role)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
      [
        screening.id,
        screening.clientId,
        screening.clinicId,
        screening.conditions,
        screening.otherConditionDescription,
        screening.duration,
        screening.baselinePain,
        screening.medications,
        screening.redFlags,
        screening.screenedOn,
        screening.lapsesOn,
        screening.recordedBy,
        screening.recordedByRole,
      ],
    );
  }

  async insertDecision(tx: Tx, decision: Omit<EligibilityDecision, 'decidedAt'>): Promise<void> {
    await tx.query(
      `INSERT INTO eligibility_decision (id, client_id, screening_id, status, cause, reasons,
         decided_by, decided_by_role, override_reason, gp_cleared_on, gp_name, gp_practice, note)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
      [
        decision.id,
        decision.clientId,
        decision.screeningId,
        decision.status,
        decision.cause,
        decision.reasons,
        decision.decidedBy,
        decision.decidedByRole,
        decision.overrideReason,
        decision.gpClearedOn,
        decision.gpName,
        decision.gpPractice,
        decision.note,
      ],
    );
  }

  async findScreening(tx: Tx, id: string): Promise<Screening | undefined> {
    const rows = await tx.query<ScreeningRow[]>(
      `SELECT ${SCREENING_COLUMNS} FROM screening s WHERE s.id = $1`,
      [id],
    );
    return rows[0] === undefined ? undefined : toScreening(rows[0]);
  }

  /** A client's screenings, newest first. */
  async screeningsOf(tx: Tx, clientId: string): Promise<Screening[]> {
    const rows = await tx.query<ScreeningRow[]>(
      `SELECT ${SCREENING_COLUMNS} FROM screening s WHERE s.client_id = $1 ORDER BY s.sequence DESC`,
      [clientId],
    );
    return rows.map(toScreening);
  }

  /** A client's eligibility decisions, newest first. */
  async decisionsOf(tx: Tx, clientId: string): Promise<EligibilityDecision[]> {
    const rows = await tx.query<DecisionRow[]>(
      `SELECT ${DECISION_COLUMNS} FROM eligibility_decision d WHERE d.client_id = $1
       ORDER BY d.sequence DESC`,
      [clientId],
    );
    return rows.map(toDecision);
  }

  /** The client's latest decision with the date of the screening it rests on. */
  async latestDecision(
    tx: Tx,
    clientId: string,
  ): Promise<{ decision: EligibilityDecision; screenedOn: CalendarDate } | undefined> {
    const rows = await tx.query<(DecisionRow & { screened_on: string })[]>(
      `SELECT ${DECISION_COLUMNS}, s.screened_on::text AS screened_on
       FROM eligibility_decision d JOIN screening s ON s.id = d.screening_id
       WHERE d.client_id = $1 ORDER BY d.sequence DESC LIMIT 1`,
      [clientId],
    );
    const row = rows[0];
    return row === undefined
      ? undefined
      : { decision: toDecision(row), screenedOn: row.screened_on };
  }

  /**
   * Takes the lapse job's lock for the rest of the transaction, or returns false at once if
   * another replica holds it.
   */
  async tryLockLapseJob(tx: Tx): Promise<boolean> {
    const rows = await tx.query<{ locked: boolean }[]>(
      'SELECT pg_try_advisory_xact_lock(hashtextextended($1, 0)) AS locked',
      [LAPSE_JOB_LOCK],
    );
    return rows[0]?.locked === true;
  }

  /**
   * Screenings that lapse on or before `today`, are their client's latest, and have no
   * lapse decision yet (clients whose details were erased are left alone).
   */
  async findLapseCandidates(tx: Tx, today: CalendarDate): Promise<LapseCandidate[]> {
    const rows = await tx.query<
      { id: string; client_id: string; clinic_id: string; screened_on: string; lapses_on: string }[]
    >(
      `SELECT s.id, s.client_id, s.clinic_id, s.screened_on::text AS screened_on,
              s.lapses_on::text AS lapses_on
       FROM screening s JOIN client c ON c.id = s.client_id
       WHERE s.lapses_on <= $1::date AND c.erased_at IS NULL
         AND NOT EXISTS (SELECT 1 FROM screening later
                         WHERE later.client_id = s.client_id AND later.sequence > s.sequence)
         AND NOT EXISTS (SELECT 1 FROM eligibility_decision d
                         WHERE d.screening_id = s.id AND d.cause = 'lapse')
       ORDER BY s.lapses_on, s.id`,
      [today],
    );
    return rows.map((row) => ({
      screeningId: row.id,
      clientId: row.client_id,
      clinicId: row.clinic_id,
      screenedOn: row.screened_on,
      lapsesOn: row.lapses_on,
    }));
  }

  /** Is `screeningId` still the client's latest screening (checked under the client lock)? */
  async isLatestScreening(tx: Tx, clientId: string, screeningId: string): Promise<boolean> {
    const rows = await tx.query<{ id: string }[]>(
      'SELECT id FROM screening WHERE client_id = $1 ORDER BY sequence DESC LIMIT 1',
      [clientId],
    );
    return rows[0]?.id === screeningId;
  }

  /** Records the lapse decision; false if the screening already had one (nothing written). */
  async insertLapseDecision(
    tx: Tx,
    decision: Omit<EligibilityDecision, 'decidedAt'>,
  ): Promise<boolean> {
    const rows = await tx.query<{ id: string }[]>(
      `INSERT INTO eligibility_decision (id, client_id, screening_id, status, cause, reasons,
         decided_by, decided_by_role)
       VALUES ($1, $2, $3, 'lapsed', 'lapse', $4, $5, $6)
       ON CONFLICT (screening_id) WHERE cause = 'lapse' DO NOTHING
       RETURNING id`,
      [
        decision.id,
        decision.clientId,
        decision.screeningId,
        decision.reasons,
        decision.decidedBy,
        decision.decidedByRole,
      ],
    );
    return rows.length === 1;
  }

  /** Erasure: the GP's identity and the free-text note of GP clearances go; the rest stays. */
  async eraseGpDetails(tx: Tx, clientId: string): Promise<void> {
    await tx.query(
      `UPDATE eligibility_decision SET gp_name = NULL, gp_practice = NULL, note = NULL
       WHERE client_id = $1`,
      [clientId],
    );
  }

  /** The day of the client's latest screening (YYYY-MM-DD), or null if never screened. */
  async latestScreeningDate(tx: Tx, clientId: string): Promise<CalendarDate | null> {
    const rows = await tx.query<{ last: string | null }[]>(
      `SELECT to_char(max(screened_on), 'YYYY-MM-DD') AS last FROM screening WHERE client_id = $1`,
      [clientId],
    );
    return rows[0]?.last ?? null;
  }

  async purge(tx: Tx, clientId: string): Promise<void> {
    await tx.query('DELETE FROM eligibility_decision WHERE client_id = $1', [clientId]);
    await tx.query('DELETE FROM screening WHERE client_id = $1', [clientId]);
  }
}

function toScreening(row: ScreeningRow): Screening {
  return {
    id: row.id,
    clientId: row.client_id,
    clinicId: row.clinic_id,
    conditions: row.conditions as Condition[],
    otherConditionDescription: row.other_condition_description,
    duration: row.duration as ConditionDuration,
    baselinePain: row.baseline_pain,
    medications: row.medications,
    redFlags: row.red_flags as RedFlag[],
    screenedOn: row.screened_on,
    lapsesOn: row.lapses_on,
    recordedBy: row.recorded_by,
    recordedByRole: row.recorded_by_role,
    recordedAt: row.recorded_at,
    outcome: row.outcome as ScreeningOutcome,
  };
}

function toDecision(row: DecisionRow): EligibilityDecision {
  return {
    id: row.id,
    clientId: row.client_id,
    screeningId: row.screening_id,
    status: row.status as EligibilityStatus,
    cause: row.cause as EligibilityCause,
    reasons: row.reasons,
    decidedAt: row.decided_at,
    decidedBy: row.decided_by,
    decidedByRole: row.decided_by_role,
    overrideReason: row.override_reason,
    gpClearedOn: row.gp_cleared_on,
    gpName: row.gp_name,
    gpPractice: row.gp_practice,
    note: row.note,
  };
}
