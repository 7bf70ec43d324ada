import { Injectable } from '@nestjs/common';
import type { Tx } from '@app/database';
import type { CarePlan, CarePlanContent, CarePlanVersion } from './domain/care-plan';
import type { Condition } from './domain/condition';
import { CarePlanEntity } from './care-plan.entity';
import { CarePlanVersionEntity } from './care-plan-version.entity';

export interface PlanAuthor {
  readonly subject: string;
  readonly role: string;
}

function toVersion(row: CarePlanVersionEntity): CarePlanVersion {
  return {
    version: row.version,
    status: row.status,
    goals: row.goals,
    targetConditions: row.targetConditions as Condition[],
    sessionsPerWeek: row.sessionsPerWeek,
    weeks: row.weeks,
    maintenanceEveryWeeks: row.maintenanceEveryWeeks,
    preferredTherapistId: row.preferredTherapistId,
    startsOn: row.startsOn,
    reviewOn: row.reviewOn,
    changeNote: row.changeNote,
    writtenBySubject: row.writtenBySubject,
    writtenByRole: row.writtenByRole,
    createdAt: row.createdAt,
  };
}

function toPlan(row: CarePlanEntity, current: CarePlanVersion): CarePlan {
  return {
    id: row.id,
    clientId: row.clientId,
    clinicId: row.clinicId,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    current,
  };
}

/** Care plans and their append-only versions. */
@Injectable()
export class CarePlansRepository {
  async insertPlan(
    tx: Tx,
    plan: { id: string; clientId: string; clinicId: string },
    content: CarePlanContent,
    author: PlanAuthor,
  ): Promise<void> {
    const now = new Date();
    await tx.insert(CarePlanEntity, { ...plan, currentVersion: 1, createdAt: now, updatedAt: now });
    await this.insertVersion(tx, plan.id, 1, content, null, author);
  }

  async appendVersion(
    tx: Tx,
    planId: string,
    version: number,
    content: CarePlanContent,
    changeNote: string | null,
    author: PlanAuthor,
  ): Promise<void> {
    await this.insertVersion(tx, planId, version, content, changeNote, author);
    await tx.update(
      CarePlanEntity,
      { id: planId },
      { currentVersion: version, updatedAt: new Date() },
    );
  }

  private async insertVersion(
    tx: Tx,
    planId: string,
    version: number,
    content: CarePlanContent,
    changeNote: string | null,
    author: PlanAuthor,
  ): Promise<void> {
    await tx.insert(CarePlanVersionEntity, {
      planId,
      version,
      status: content.status,
      goals: [...content.goals],
      targetConditions: [...content.targetConditions],
      sessionsPerWeek: content.sessionsPerWeek,
      weeks: content.weeks,
      maintenanceEveryWeeks: content.maintenanceEveryWeeks,
      preferredTherapistId: content.preferredTherapistId,
      startsOn: content.startsOn,
      reviewOn: content.reviewOn,
      changeNote,
      writtenBySubject: author.subject,
      writtenByRole: author.role,
      createdAt: new Date(),
    });
  }

  async find(tx: Tx, id: string, lock = false): Promise<CarePlan | undefined> {
    const row = await tx.findOne(CarePlanEntity, {
      where: { id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (row === null) {
      return undefined;
    }
    const current = await tx.findOneByOrFail(CarePlanVersionEntity, {
      planId: id,
      version: row.currentVersion,
    });
    return toPlan(row, toVersion(current));
  }

  async versionsOf(tx: Tx, planId: string): Promise<CarePlanVersion[]> {
    const rows = await tx.find(CarePlanVersionEntity, {
      where: { planId },
      order: { version: 'ASC' },
    });
    return rows.map(toVersion);
  }

  /** A client's plans, newest first, at their current version. */
  async listByClient(tx: Tx, clientId: string): Promise<CarePlan[]> {
    const rows = await tx.find(CarePlanEntity, {
      where: { clientId },
      order: { createdAt: 'DESC' },
    });
    const plans: CarePlan[] = [];
    for (const row of rows) {
      const current = await tx.findOneByOrFail(CarePlanVersionEntity, {
        planId: row.id,
        version: row.currentVersion,
      });
      plans.push(toPlan(row, toVersion(current)));
    }
    return plans;
  }

  async deleteByClient(tx: Tx, clientId: string): Promise<void> {
    await tx.query('DELETE FROM care_plan WHERE client_id = $1', [clientId]);
  }
}
