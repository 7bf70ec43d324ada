import { Injectable } from '@nestjs/common';
import type { Tx } from '@app/database';
import type { SubjectDataSection } from '../gdpr/subject-data.registry';
import { CarePlansRepository } from './care-plans.repository';

/**
 * Care plans in the subject access export (with every version). At an erasure request they
 * stay (goals and conditions are clinical records, kept until retention ends); the purge
 * deletes them. A plan is not a treatment: it says nothing of lastTreatmentOn.
 */
@Injectable()
export class CarePlansSubjectData implements SubjectDataSection {
  readonly name = 'carePlans';

  constructor(private readonly plans: CarePlansRepository) {}

  async exportFor(tx: Tx, clientId: string): Promise<unknown> {
    const plans = await this.plans.listByClient(tx, clientId);
    const exported = [];
    for (const plan of plans) {
      const versions = await this.plans.versionsOf(tx, plan.id);
      exported.push({
        id: plan.id,
        clinicId: plan.clinicId,
        createdAt: plan.createdAt.toISOString(),
        versions: versions.map((version) => ({
          version: version.version,
          status: version.status,
          goals: version.goals,
          targetConditions: version.targetConditions,
          sessionsPerWeek: version.sessionsPerWeek,
          weeks: version.weeks,
          maintenanceEveryWeeks: version.maintenanceEveryWeeks,
          preferredTherapistId: version.preferredTherapistId,
          startsOn: version.startsOn,
          reviewOn: version.reviewOn,
          changeNote: version.changeNote,
          writtenByRole: version.writtenByRole,
          writtenAt: version.createdAt.toISOString(),
        })),
      });
    }
    return exported;
  }

  async erasePersonalDetails(): Promise<void> {
    // Nothing: a care plan holds no contact details; its content is clinical (see purge).
  }

  async purge(tx: Tx, clientId: string): Promise<void> {
    await this.plans.deleteByClient(tx, clientId);
  }
}
