import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Caller, isUuid } from '@app/auth';
import { EligibilityChangedV1, ScreeningCompletedV1 } from '@app/contracts';
import type { Tx } from '@app/database';
import { OutboxWriter, TransactionRunner } from '@app/messaging';
import { ForbiddenError } from '@app/platform/errors/forbidden.error';
import { TRANSACTIONS } from '@app/platform/platform.tokens';
import { ClientAccessService } from '../access/client-access.service';
import type { ClientScope } from '../access/domain/client-scope';
import { AuditWriter } from '../audit/audit.writer';
import { TherapistProfessionService } from '../therapists/therapist-profession.service';
import { CalendarDate, utcDateOf } from './domain/calendar-date';
import { CurrentEligibility, EligibilityDecision, currentEligibility } from './domain/eligibility';
import {
  GpClearanceDraft,
  checkGpClearance,
  checkOverride,
  gpClearanceReason,
  requireCurrentScreening,
} from './domain/eligibility-changes';
import { eligibilityForRedFlags } from './domain/eligibility-rules';
import { decideOverride } from './domain/override-permission';
import type { Screening } from './domain/screening';
import { screeningClinic } from './domain/screening-clinic';
import { ScreeningDraft, checkScreening } from './domain/screening-input';
import type { Checked, ScreeningProblem } from './domain/screening-problem';
import { validUntil } from './domain/screening-lapse';
import type {
  EligibilityCause,
  EligibilityStatus,
  ScreeningOutcome,
} from './domain/screening-terms';
import { ScreeningRepository } from './screening.repository';
import { ScreeningError, ScreeningErrorCode } from './screening.errors';

export interface ScreeningCommand extends ScreeningDraft {
  readonly clinicId?: string | null;
}

/** A screening with the reasons its outcome gives, for clinical readers. */
export interface ScreeningView extends Screening {
  readonly validUntil: CalendarDate;
  readonly outcomeReasons: readonly string[];
}

/** Eligibility without the clinical reasons: what reception and integrators see. */
export type EligibilityStatusView = Omit<CurrentEligibility, 'reasons'>;

@Injectable()
export class ScreeningService {
  constructor(
    private readonly screenings: ScreeningRepository,
    private readonly access: ClientAccessService,
    private readonly audit: AuditWriter,
    private readonly therapists: TherapistProfessionService,
    private readonly outbox: OutboxWriter,
    @Inject(TRANSACTIONS) private readonly transactions: TransactionRunner<Tx>,
  ) {}

  /**
   * Records a screening at intake (clinical:write) and the eligibility its red flags give;
   * publishes screening.completed and eligibility.changed; audits both writes.
   */
  async recordScreening(
    caller: Caller,
    clientId: string,
    command: ScreeningCommand,
  ): Promise<ScreeningView> {
    return this.transactions.run(async (tx) => {
      const scope = await this.access.require(tx, caller, clientId, 'clinical:write');
      const clinicId = orThrow(
        screeningClinic(scope.clinicIds, caller.clinicIds, command.clinicId),
      );
      const valid = orThrow(checkScreening(command, today()));
      await this.screenings.lockClientEligibility(tx, scope.clientId);
      const verdict = eligibilityForRedFlags(valid.redFlags);
      const screeningId = randomUUID();
      await this.screenings.insertScreening(tx, {
        id: screeningId,
        clientId: scope.clientId,
        clinicId,
        ...valid,
        recordedBy: caller.subject,
        recordedByRole: caller.role,
      });
      const decisionId = await this.decide(tx, caller, scope.clientId, screeningId, {
        status: verdict.status,
        cause: 'screening',
        reasons: verdict.reasons,
      });
      await this.outbox.append(tx, ScreeningCompletedV1, {
        aggregateId: scope.clientId,
        clinicId,
        data: {
          screeningId,
          clientId: scope.clientId,
          clinicId,
          screenedOn: valid.screenedOn,
          eligibilityStatus: verdict.status,
        },
      });
      await this.publishEligibility(tx, scope, clinicId, screeningId, valid.screenedOn, {
        status: verdict.status,
        cause: 'screening',
      });
      await this.audit.record(
        tx,
        caller,
        {
          clientId: scope.clientId,
          clinicId,
          recordType: 'screening',
          recordId: screeningId,
          action: 'create',
        },
        {
          clientId: scope.clientId,
          clinicId,
          recordType: 'eligibility',
          recordId: decisionId,
          action: 'create',
        },
      );
      const screening = await this.screenings.findScreening(tx, screeningId);
      if (screening === undefined) {
        throw new Error(`screening ${screeningId} vanished inside its own transaction`);
      }
      return viewOf(screening);
    });
  }

  /**
   * A physiotherapist treating the client, or a clinical lead, sets the eligibility with a
   * reason, whatever the rules said. Kept as a new decision; audited as an override.
   */
  async overrideEligibility(
    caller: Caller,
    clientId: string,
    input: { readonly status: ScreeningOutcome; readonly reason: string | null | undefined },
  ): Promise<CurrentEligibility> {
    return this.transactions.run(async (tx) => {
      const scope = await this.access.require(tx, caller, clientId, 'clinical:write');
      const profession =
        caller.therapistId === undefined
          ? undefined
          : await this.therapists.professionOf(tx, caller.therapistId);
      const decision = decideOverride({
        role: caller.role,
        profession,
        treatsClient:
          caller.therapistId !== undefined && scope.careTherapistIds.includes(caller.therapistId),
      });
      if (!decision.allowed) {
        throw new ForbiddenError(decision.reason, { clientId });
      }
      const override = orThrow(checkOverride(input));
      await this.screenings.lockClientEligibility(tx, scope.clientId);
      const { current, screening } = await this.currentWithScreening(tx, scope.clientId);
      const decisionId = await this.decide(tx, caller, scope.clientId, screening.id, {
        status: override.status,
        cause: 'override',
        reasons: [`Override by ${caller.role}: ${override.reason}`],
        overrideReason: override.reason,
      });
      await this.publishEligibility(
        tx,
        scope,
        screening.clinicId,
        screening.id,
        screening.screenedOn,
        {
          status: override.status,
          cause: 'override',
        },
      );
      await this.audit.record(tx, caller, {
        clientId: scope.clientId,
        clinicId: screening.clinicId,
        recordType: 'eligibility',
        recordId: decisionId,
        action: 'override',
      });
      return this.reread(tx, scope.clientId, current);
    });
  }

  /**
   * A GP clearance clears a client waiting for one (clinical:write). Refused for a client
   * who is not suitable (only an override changes that) or not waiting for one.
   */
  async recordGpClearance(
    caller: Caller,
    clientId: string,
    draft: GpClearanceDraft,
  ): Promise<CurrentEligibility> {
    return this.transactions.run(async (tx) => {
      const scope = await this.access.require(tx, caller, clientId, 'clinical:write');
      await this.screenings.lockClientEligibility(tx, scope.clientId);
      const { current, screening } = await this.currentWithScreening(tx, scope.clientId);
      const clearance = orThrow(checkGpClearance(draft, current, screening.screenedOn, today()));
      const decisionId = await this.decide(tx, caller, scope.clientId, screening.id, {
        status: 'cleared',
        cause: 'gp_clearance',
        reasons: [gpClearanceReason(clearance.clearedOn)],
        gpClearedOn: clearance.clearedOn,
        gpName: clearance.gpName,
        gpPractice: clearance.gpPractice,
        note: clearance.note,
      });
      await this.publishEligibility(
        tx,
        scope,
        screening.clinicId,
        screening.id,
        screening.screenedOn,
        {
          status: 'cleared',
          cause: 'gp_clearance',
        },
      );
      await this.audit.record(tx, caller, {
        clientId: scope.clientId,
        clinicId: screening.clinicId,
        recordType: 'eligibility',
        recordId: decisionId,
        action: 'create',
      });
      return this.reread(tx, scope.clientId, current);
    });
  }

  /** Eligibility status (eligibility:read: reception, integrators with clients:read, ...). */
  async eligibilityStatus(caller: Caller, clientId: string): Promise<EligibilityStatusView> {
    return this.transactions.run(async (tx) => {
      const scope = await this.access.require(tx, caller, clientId, 'eligibility:read');
      const current = currentEligibility(
        scope.clientId,
        await this.screenings.latestDecision(tx, scope.clientId),
        today(),
      );
      await this.audit.record(tx, caller, {
        clientId: scope.clientId,
        clinicId: auditClinic(caller, scope),
        recordType: 'eligibility',
        recordId: current.screeningId,
        action: 'read',
      });
      const { reasons: _clinical, ...status } = current;
      return status;
    });
  }

  /** The clinical reasons behind the current eligibility (clinical:read; audited as screening). */
  async eligibilityReasons(caller: Caller, clientId: string): Promise<readonly string[]> {
    return this.transactions.run(async (tx) => {
      const scope = await this.access.require(tx, caller, clientId, 'clinical:read');
      const current = currentEligibility(
        scope.clientId,
        await this.screenings.latestDecision(tx, scope.clientId),
        today(),
      );
      await this.audit.record(tx, caller, {
        clientId: scope.clientId,
        clinicId: auditClinic(caller, scope),
        recordType: 'screening',
        recordId: current.screeningId,
        action: 'read',
      });
      return current.reasons;
    });
  }

  /** A client's screenings, newest first (clinical:read; one audit row per screening). */
  async screeningsOf(caller: Caller, clientId: string): Promise<ScreeningView[]> {
    return this.transactions.run(async (tx) => {
      const scope = await this.access.require(tx, caller, clientId, 'clinical:read');
      const screenings = await this.screenings.screeningsOf(tx, scope.clientId);
      const clinicId = auditClinic(caller, scope);
      await this.audit.record(
        tx,
        caller,
        ...(screenings.length === 0
          ? [
              {
                clientId: scope.clientId,
                clinicId,
                recordType: 'screening' as const,
                recordId: null,
                action: 'read' as const,
              },
            ]
          : screenings.map((screening) => ({
              clientId: scope.clientId,
              clinicId: screening.clinicId,
              recordType: 'screening' as const,
              recordId: screening.id,
              action: 'read' as const,
            }))),
      );
      return screenings.map(viewOf);
    });
  }

  /** One screening (clinical:read of its client; audited). */
  async screening(caller: Caller, id: string): Promise<ScreeningView> {
    const wellFormed: boolean = isUuid(id);
    if (!wellFormed) {
      throw new ScreeningError(
        ScreeningErrorCode.InvalidScreeningId,
        `"${id}" is not a screening id: screening ids are UUIDs`,
        { field: 'id' },
      );
    }
    return this.transactions.run(async (tx) => {
      const screening = await this.screenings.findScreening(tx, id.toLowerCase());
      if (screening === undefined) {
        throw screeningNotFound(id);
      }
      const scope = await this.requireByScreeningId(tx, caller, screening.clientId, id);
      await this.audit.record(tx, caller, {
        clientId: scope.clientId,
        clinicId: screening.clinicId,
        recordType: 'screening',
        recordId: screening.id,
        action: 'read',
      });
      return viewOf(screening);
    });
  }

  /** Every eligibility decision of a client, newest first (clinical:read; audited). */
  async decisionsOf(caller: Caller, clientId: string): Promise<EligibilityDecision[]> {
    return this.transactions.run(async (tx) => {
      const scope = await this.access.require(tx, caller, clientId, 'clinical:read');
      const decisions = await this.screenings.decisionsOf(tx, scope.clientId);
      await this.audit.record(tx, caller, {
        clientId: scope.clientId,
        clinicId: auditClinic(caller, scope),
        recordType: 'eligibility',
        recordId: null,
        action: 'read',
      });
      return decisions;
    });
  }

  /**
   * clinical:read of the client a screening id leads to. A caller who may not read it gets
   * the same SCREENING_NOT_FOUND as for an id that does not exist (no client id in the error),
   * so a screening id never tells them whose it is, or that it exists.
   */
  private async requireByScreeningId(
    tx: Tx,
    caller: Caller,
    clientId: string,
    id: string,
  ): Promise<ClientScope> {
    try {
      return await this.access.require(tx, caller, clientId, 'clinical:read');
    } catch (error) {
      if (error instanceof ForbiddenError) {
        throw screeningNotFound(id);
      }
      throw error;
    }
  }

  private async currentWithScreening(
    tx: Tx,
    clientId: string,
  ): Promise<{ current: CurrentEligibility; screening: Screening }> {
    const current = currentEligibility(
      clientId,
      await this.screenings.latestDecision(tx, clientId),
      today(),
    );
    const missing: ScreeningProblem | undefined = requireCurrentScreening(current);
    if (missing !== undefined) {
      throw new ScreeningError(missing.code, missing.message, { field: missing.field });
    }
    const screening =
      current.screeningId === null
        ? undefined
        : await this.screenings.findScreening(tx, current.screeningId);
    if (screening === undefined) {
      throw new Error(`the screening of client ${clientId}'s eligibility is missing`);
    }
    return { current, screening };
  }

  private async decide(
    tx: Tx,
    caller: Caller,
    clientId: string,
    screeningId: string,
    decision: {
      readonly status: EligibilityStatus;
      readonly cause: EligibilityCause;
      readonly reasons: readonly string[];
      readonly overrideReason?: string;
      readonly gpClearedOn?: string;
      readonly gpName?: string;
      readonly gpPractice?: string | null;
      readonly note?: string | null;
    },
  ): Promise<string> {
    const id = randomUUID();
    await this.screenings.insertDecision(tx, {
      id,
      clientId,
      screeningId,
      status: decision.status,
      cause: decision.cause,
      reasons: decision.reasons,
      decidedBy: caller.subject,
      decidedByRole: caller.role,
      overrideReason: decision.overrideReason ?? null,
      gpClearedOn: decision.gpClearedOn ?? null,
      gpName: decision.gpName ?? null,
      gpPractice: decision.gpPractice ?? null,
      note: decision.note ?? null,
    });
    return id;
  }

  private async publishEligibility(
    tx: Tx,
    scope: ClientScope,
    clinicId: string,
    screeningId: string,
    screenedOn: CalendarDate,
    change: { readonly status: EligibilityStatus; readonly cause: EligibilityCause },
  ): Promise<void> {
    await this.outbox.append(tx, EligibilityChangedV1, {
      aggregateId: scope.clientId,
      clinicId,
      data: {
        clientId: scope.clientId,
        clinicIds: [...scope.clinicIds],
        screeningId,
        status: change.status,
        validUntil: validUntil(screenedOn),
        cause: change.cause,
      },
    });
  }

  private async reread(
    tx: Tx,
    clientId: string,
    fallback: CurrentEligibility,
  ): Promise<CurrentEligibility> {
    const latest = await this.screenings.latestDecision(tx, clientId);
    return latest === undefined ? fallback : currentEligibility(clientId, latest, today());
  }
}

function today(): CalendarDate {
  return utcDateOf(new Date());
}

/** The one answer for a screening id that is missing or not the caller's to read. */
function screeningNotFound(id: string): ScreeningError {
  return new ScreeningError(
    ScreeningErrorCode.ScreeningNotFound,
    `screening ${id} does not exist, or is not yours to read; list the client's screenings to find it`,
  );
}

function orThrow<T>(checked: Checked<T>): T {
  if (!checked.ok) {
    throw new ScreeningError(checked.problem.code, checked.problem.message, {
      field: checked.problem.field,
    });
  }
  return checked.value;
}

/** The clinic an audit row names: one the caller acts for, else the client's first. */
function auditClinic(caller: Caller, scope: ClientScope): string | null {
  return (
    scope.clinicIds.find((clinicId) => caller.clinicIds.includes(clinicId)) ??
    scope.clinicIds[0] ??
    null
  );
}

function viewOf(screening: Screening): ScreeningView {
  return {
    ...screening,
    validUntil: validUntil(screening.screenedOn),
    outcomeReasons: eligibilityForRedFlags(screening.redFlags).reasons,
  };
}
