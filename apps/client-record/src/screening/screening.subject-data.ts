import { Injectable } from '@nestjs/common';
import type { Tx } from '@app/database';
import type { SubjectDataSection } from '../gdpr/subject-data.registry';
import { ScreeningRepository } from './screening.repository';

/**
 * Screenings and eligibility decisions in the subject access export and the erasure.
 * Screenings (conditions, pain, medications, red flags, a description of an `other`
 * condition) and decisions (status, reasons, override reasons) are the clinical record and
 * are kept until the retention date. What identifies someone else, or may quote them, goes
 * at once: the GP's name and practice and the free-text note of a GP clearance (the GP is
 * a third party, and the practice narrows down where the client lives). The purge deletes
 * every row. A screening is an assessment by a clinician, so a treatment contact: the day of
 * the latest one counts towards the retention date (lastTreatmentOn).
 */
@Injectable()
export class ScreeningSubjectData implements SubjectDataSection {
  readonly name = 'screenings';

  constructor(private readonly screenings: ScreeningRepository) {}

  async exportFor(tx: Tx, clientId: string): Promise<unknown> {
    const screenings = await this.screenings.screeningsOf(tx, clientId);
    const decisions = await this.screenings.decisionsOf(tx, clientId);
    return {
      screenings: screenings.map((screening) => ({
        id: screening.id,
        clinicId: screening.clinicId,
        conditions: screening.conditions,
        otherConditionDescription: screening.otherConditionDescription,
        duration: screening.duration,
        baselinePain: screening.baselinePain,
        medications: screening.medications,
        redFlags: screening.redFlags,
        screenedOn: screening.screenedOn,
        lapsesOn: screening.lapsesOn,
        recordedAt: screening.recordedAt.toISOString(),
      })),
      eligibilityDecisions: decisions.map((decision) => ({
        id: decision.id,
        screeningId: decision.screeningId,
        status: decision.status,
        cause: decision.cause,
        reasons: decision.reasons,
        decidedAt: decision.decidedAt.toISOString(),
        decidedByRole: decision.decidedByRole,
        overrideReason: decision.overrideReason,
        gpClearedOn: decision.gpClearedOn,
        gpName: decision.gpName,
        gpPractice: decision.gpPractice,
        note: decision.note,
      })),
    };
  }

  async erasePersonalDetails(tx: Tx, clientId: string): Promise<void> {
    await this.screenings.eraseGpDetails(tx, clientId);
  }

  async purge(tx: Tx, clientId: string): Promise<void> {
    await this.screenings.purge(tx, clientId);
  }

  /** The day of the latest screening (screened_on), or null if the client was never screened. */
  lastTreatmentOn(tx: Tx, clientId: string): Promise<string | null> {
    return this.screenings.latestScreeningDate(tx, clientId);
  }
}
