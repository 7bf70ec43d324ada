import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Caller, canActForClinic, isUuid } from '@app/auth';
import { CarePlanCreatedV1, CarePlanUpdatedV1 } from '@app/contracts';
import type { Tx } from '@app/database';
import { OutboxWriter, TransactionRunner } from '@app/messaging';
import { ForbiddenError } from '@app/platform/errors/forbidden.error';
import { TRANSACTIONS } from '@app/platform/platform.tokens';
import { ClientAccessService } from '../access/client-access.service';
import type { ClientScope } from '../access/domain/client-scope';
import { AuditWriter } from '../audit/audit.writer';
import { CarePlanError, CarePlanErrorCode } from './care-plans.errors';
import { CarePlansRepository } from './care-plans.repository';
import type { CarePlan, CarePlanVersion } from './domain/care-plan';
import { CarePlanDraft, checkCarePlan, checkPlanOpen } from './domain/care-plan-rules';

export interface CarePlanWithHistory {
  readonly plan: CarePlan;
  readonly versions: readonly CarePlanVersion[];
}

function checkPlanId(id: string): string {
  const wellFormed: boolean = isUuid(id);
  if (!wellFormed) {
    throw new CarePlanError(
      CarePlanErrorCode.InvalidCarePlanId,
      `care plan id "${id}" is not a UUID`,
      { id },
    );
  }
  return id.toLowerCase();
}

/**
 * The clinic the plan belongs to: one the client attends and, for clinic staff, one they act
 * for. Left out, the client's only clinic (or the caller's only one among them).
 */
function clinicFor(
  caller: Caller,
  scope: ClientScope,
  requested: string | null | undefined,
): string {
  const candidates = scope.clinicIds.filter(
    (clinicId) =>
      caller.role === 'head_office_admin' ||
      caller.role === 'clinical_lead' ||
      caller.role === 'therapist' ||
      canActForClinic(caller, clinicId),
  );
  if (requested !== undefined && requested !== null) {
    const clinicId = requested.toLowerCase();
    if (!candidates.includes(clinicId)) {
      throw new CarePlanError(
        CarePlanErrorCode.InvalidClinic,
        `client ${scope.clientId} does not attend clinic ${requested} (or you do not act for it); use one of ${candidates.join(', ') || 'their clinics'}`,
        { field: 'clinicId' },
      );
    }
    return clinicId;
  }
  if (candidates.length !== 1) {
    throw new CarePlanError(
      CarePlanErrorCode.InvalidClinic,
      `client ${scope.clientId} attends ${candidates.length} clinics you may act for; give clinicId`,
      { field: 'clinicId' },
    );
  }
  const [only] = candidates;
  return only ?? '';
}

/** The one answer for a care plan id that is missing or not the caller's to see. */
function carePlanNotFound(id: string): CarePlanError {
  return new CarePlanError(
    CarePlanErrorCode.CarePlanNotFound,
    `no care plan ${id} that you may see; list a client's plans with carePlans(clientId)`,
    { carePlanId: id },
  );
}

function frequencyOf(plan: CarePlan) {
  return {
    carePlanId: plan.id,
    clientId: plan.clientId,
    clinicId: plan.clinicId,
    version: plan.current.version,
    status: plan.current.status,
    sessionsPerWeek: plan.current.sessionsPerWeek,
    weeks: plan.current.weeks,
    maintenanceEveryWeeks: plan.current.maintenanceEveryWeeks,
    startsOn: plan.current.startsOn,
    preferredTherapistId: plan.current.preferredTherapistId,
  };
}

/** Care plans: clinical, written by the clinical team, each change kept as a version. */
@Injectable()
export class CarePlansService {
  constructor(
    private readonly plans: CarePlansRepository,
    private readonly access: ClientAccessService,
    private readonly audit: AuditWriter,
    private readonly outbox: OutboxWriter,
    @Inject(TRANSACTIONS) private readonly transactions: TransactionRunner<Tx>,
  ) {}

  async createCarePlan(
    caller: Caller,
    clientId: string,
    draft: CarePlanDraft & { readonly clinicId?: string | null },
  ): Promise<CarePlanWithHistory> {
    const content = checkCarePlan(draft);
    return this.transactions.run(async (tx) => {
      const scope = await this.access.require(tx, caller, clientId, 'clinical:write');
      const clinicId = clinicFor(caller, scope, draft.clinicId);
      const id = randomUUID();
      await this.plans.insertPlan(tx, { id, clientId: scope.clientId, clinicId }, content, caller);
      return this.afterWrite(tx, caller, id, 'create');
    });
  }

  /** A new version of the plan; changeNote says why (optional), who and when are kept. */
  async updateCarePlan(
    caller: Caller,
    rawId: string,
    draft: CarePlanDraft,
    changeNote: string | null,
  ): Promise<CarePlanWithHistory> {
    const id = checkPlanId(rawId);
    const content = checkCarePlan(draft);
    return this.transactions.run(async (tx) => {
      const plan = await this.requirePlan(tx, id, true);
      await this.requireByPlanId(tx, caller, plan, 'clinical:write');
      checkPlanOpen(plan.current.status, id);
      const note = changeNote?.trim() ?? '';
      await this.plans.appendVersion(
        tx,
        id,
        plan.current.version + 1,
        content,
        note.length === 0 ? null : note.slice(0, 2000),
        caller,
      );
      return this.afterWrite(tx, caller, id, 'amend');
    });
  }

  async carePlans(caller: Caller, clientId: string): Promise<CarePlan[]> {
    return this.transactions.run(async (tx) => {
      const scope = await this.access.require(tx, caller, clientId, 'clinical:read');
      const plans = await this.plans.listByClient(tx, scope.clientId);
      await this.audit.record(
        tx,
        caller,
        ...(plans.length === 0
          ? [
              {
                clientId: scope.clientId,
                recordType: 'care_plan' as const,
                action: 'read' as const,
              },
            ]
          : plans.map((plan) => ({
              clientId: plan.clientId,
              clinicId: plan.clinicId,
              recordType: 'care_plan' as const,
              recordId: plan.id,
              action: 'read' as const,
            }))),
      );
      return plans;
    });
  }

  async carePlan(caller: Caller, rawId: string): Promise<CarePlanWithHistory> {
    const id = checkPlanId(rawId);
    return this.transactions.run(async (tx) => {
      const plan = await this.requirePlan(tx, id, false);
      await this.requireByPlanId(tx, caller, plan, 'clinical:read');
      const versions = await this.plans.versionsOf(tx, id);
      await this.audit.record(tx, caller, {
        clientId: plan.clientId,
        clinicId: plan.clinicId,
        recordType: 'care_plan',
        recordId: id,
        action: 'read',
      });
      return { plan, versions };
    });
  }

  private async requirePlan(tx: Tx, id: string, lock: boolean): Promise<CarePlan> {
    const plan = await this.plans.find(tx, id, lock);
    if (plan === undefined) {
      throw carePlanNotFound(id);
    }
    return plan;
  }

  /**
   * `purpose` on the client a care plan id leads to. A caller who may not gets the same
   * CARE_PLAN_NOT_FOUND as for an id that does not exist (no client id in the error), so a
   * plan id never tells them whose plan it is, or that it exists.
   */
  private async requireByPlanId(
    tx: Tx,
    caller: Caller,
    plan: CarePlan,
    purpose: 'clinical:read' | 'clinical:write',
  ): Promise<void> {
    try {
      await this.access.require(tx, caller, plan.clientId, purpose);
    } catch (error) {
      if (error instanceof ForbiddenError) {
        throw carePlanNotFound(plan.id);
      }
      throw error;
    }
  }

  private async afterWrite(
    tx: Tx,
    caller: Caller,
    id: string,
    action: 'create' | 'amend',
  ): Promise<CarePlanWithHistory> {
    const plan = await this.requirePlan(tx, id, false);
    await this.outbox.append(tx, action === 'create' ? CarePlanCreatedV1 : CarePlanUpdatedV1, {
      aggregateId: id,
      clinicId: plan.clinicId,
      data: frequencyOf(plan),
    });
    await this.audit.record(tx, caller, {
      clientId: plan.clientId,
      clinicId: plan.clinicId,
      recordType: 'care_plan',
      recordId: id,
      action,
    });
    return { plan, versions: await this.plans.versionsOf(tx, id) };
  }
}
