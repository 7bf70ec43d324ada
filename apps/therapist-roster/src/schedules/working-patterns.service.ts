import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Caller } from '@app/auth';
import { WorkingPatternChangedV1 } from '@app/contracts';
import type { Tx } from '@app/database';
import { OutboxWriter, TransactionRunner } from '@app/messaging';
import { ForbiddenError } from '@app/platform/errors/forbidden.error';
import { TRANSACTIONS } from '@app/platform/platform.tokens';
import type { Weekday } from '../clinics/domain/opening-hours';
import { addDays } from './domain/calendar-date';
import type { PatternShift } from './domain/pattern-shift';
import { SchedulePolicy } from './domain/schedule-policy';
import { canSetWorkingPattern, rosterAccess } from './domain/schedule-permissions';
import { clinicSchedulingProblem } from './domain/clinic-schedulable';
import { shiftsStillWorked } from './domain/shifts-still-worked';
import { checkWorkingPattern } from './domain/working-pattern-rules';
import { CLINIC_HOURS, ClinicHoursPort } from './ports/clinic-hours.port';
import { THERAPIST_DIRECTORY, TherapistDirectoryPort } from './ports/therapist-directory.port';
import { failWith, requireDate, requireId, throwProblems } from './schedule-input';
import { SCHEDULE_POLICY } from './schedules.tokens';
import { ScheduleError, ScheduleErrorCode } from './schedules.errors';
import { WorkingPatternsRepository } from './working-patterns.repository';

export interface SetWorkingPatternCommand {
  readonly therapistId: string;
  readonly clinicId: string;
  readonly effectiveFrom: string;
  readonly effectiveTo?: string | null;
  readonly shifts: readonly { weekday: Weekday; start: string; end: string }[];
}

/** A therapist's full pattern at a clinic: every shift of every period. */
export interface WorkingPattern {
  readonly therapistId: string;
  readonly clinicId: string;
  readonly timezone: string;
  readonly shifts: readonly PatternShift[];
}

@Injectable()
export class WorkingPatternsService {
  constructor(
    private readonly patterns: WorkingPatternsRepository,
    private readonly outbox: OutboxWriter,
    @Inject(TRANSACTIONS) private readonly transactions: TransactionRunner<Tx>,
    @Inject(CLINIC_HOURS) private readonly clinics: ClinicHoursPort,
    @Inject(THERAPIST_DIRECTORY) private readonly therapists: TherapistDirectoryPort,
    @Inject(SCHEDULE_POLICY) private readonly policy: SchedulePolicy,
  ) {}

  /**
   * Replaces the therapist's pattern at the clinic from `effectiveFrom` (until `effectiveTo`,
   * or further notice). Earlier periods end the day before; `working_pattern.changed` carries
   * the full resulting pattern.
   */
  async setWorkingPattern(
    caller: Caller,
    command: SetWorkingPatternCommand,
  ): Promise<WorkingPattern> {
    const clinicId = requireId(command.clinicId, 'clinicId', 'clinic');
    const therapistId = requireId(command.therapistId, 'therapistId', 'therapist');
    if (!canSetWorkingPattern(caller, clinicId)) {
      throw new ForbiddenError(
        `only head office or the manager of clinic ${clinicId} may set working patterns there`,
      );
    }
    const effectiveFrom = requireDate(command.effectiveFrom, 'effectiveFrom');
    const effectiveTo =
      command.effectiveTo === undefined || command.effectiveTo === null
        ? null
        : requireDate(command.effectiveTo, 'effectiveTo');
    if (effectiveTo !== null && effectiveTo < effectiveFrom) {
      throw new ScheduleError(
        ScheduleErrorCode.InvalidDateRange,
        `effectiveTo ${effectiveTo} is before effectiveFrom ${effectiveFrom}; the pattern must end on or after the day it starts`,
        { field: 'effectiveTo' },
      );
    }
    // Existence first, for CLINIC_NOT_FOUND / THERAPIST_NOT_FOUND; every rule is checked
    // inside the transaction against the locked, freshly read rows.
    await this.clinics.requireClinic(clinicId);
    await this.therapists.requireTherapist(therapistId);
    const shifts: PatternShift[] = command.shifts.map((shift) => ({
      id: randomUUID(),
      therapistId,
      clinicId,
      weekday: shift.weekday,
      start: shift.start,
      end: shift.end,
      effectiveFrom,
      effectiveTo,
    }));

    return this.transactions.run(async (tx) => {
      await this.patterns.lockTherapist(tx, therapistId);
      const parties = await this.patterns.lockParties(tx, therapistId, clinicId);
      if (parties === undefined) {
        throw new Error(`therapist ${therapistId} or clinic ${clinicId} vanished while locking`);
      }
      const { therapist } = parties;
      const clinic = { id: clinicId, ...parties.clinic };
      if (therapist.status === 'left') {
        throw new ScheduleError(
          ScheduleErrorCode.TherapistHasLeft,
          `therapist ${therapist.displayName} has left the network${
            therapist.leftOn === null ? '' : ` (on ${therapist.leftOn})`
          }; their working pattern cannot change`,
          { field: 'therapistId' },
        );
      }
      const clinicProblem = clinicSchedulingProblem(clinic.status, clinic.name);
      if (clinicProblem !== undefined) {
        failWith(clinicProblem);
      }
      if (!therapist.clinicIds.includes(clinicId)) {
        throw new ScheduleError(
          ScheduleErrorCode.TherapistNotAtClinic,
          `therapist ${therapist.displayName} does not work at ${clinic.name}; assign them to the clinic first`,
          { field: 'therapistId' },
        );
      }
      const current = await this.patterns.findByTherapist(tx, therapistId);
      // Shifts at clinics they no longer work at, or after they left, cannot clash.
      const otherShifts = shiftsStillWorked(
        current.flatMap((shift) => keptAfterReplacing(shift, clinicId, effectiveFrom)),
        therapist,
      );
      const names = await this.clinicNames(otherShifts, clinic);
      throwProblems(
        checkWorkingPattern({
          shifts,
          otherShifts,
          weekly: clinic.weekly,
          therapistName: therapist.displayName,
          clinicName: (id) => names.get(id) ?? id,
          policy: this.policy,
        }),
      );
      await this.patterns.replaceFrom(tx, therapistId, clinicId, effectiveFrom, shifts);
      const pattern = sortShifts(
        (await this.patterns.findByTherapist(tx, therapistId)).filter(
          (shift) => shift.clinicId === clinicId,
        ),
      );
      await this.outbox.append(tx, WorkingPatternChangedV1, {
        aggregateId: therapistId,
        clinicId,
        data: {
          therapistId,
          clinicId,
          timezone: clinic.timezone,
          changedFrom: effectiveFrom,
          shifts: pattern.map((shift) => ({
            shiftId: shift.id,
            weekday: shift.weekday,
            start: shift.start,
            end: shift.end,
            effectiveFrom: shift.effectiveFrom,
            effectiveTo: shift.effectiveTo,
          })),
        },
      });
      return { therapistId, clinicId, timezone: clinic.timezone, shifts: pattern };
    });
  }

  /** The therapist's full pattern at the clinic, for those who may read that clinic's roster. */
  async getWorkingPattern(
    caller: Caller,
    therapistIdRaw: string,
    clinicIdRaw: string,
  ): Promise<WorkingPattern> {
    const clinicId = requireId(clinicIdRaw, 'clinicId', 'clinic');
    const therapistId = requireId(therapistIdRaw, 'therapistId', 'therapist');
    const access = rosterAccess(caller, clinicId);
    if (access === 'none' || (access === 'own_shifts' && caller.therapistId !== therapistId)) {
      throw new ForbiddenError(
        `you may not read working patterns at clinic ${clinicId}; a therapist may read only their own`,
      );
    }
    const clinic = await this.clinics.requireClinic(clinicId);
    const shifts = await this.patterns.findInForce(
      { clinicId, therapistId },
      '0001-01-01',
      '9999-12-31',
    );
    return { therapistId, clinicId, timezone: clinic.timezone, shifts: sortShifts(shifts) };
  }

  private async clinicNames(
    shifts: readonly PatternShift[],
    clinic: { id: string; name: string },
  ): Promise<Map<string, string>> {
    const names = new Map<string, string>([[clinic.id, clinic.name]]);
    for (const id of new Set(shifts.map((s) => s.clinicId))) {
      if (!names.has(id)) {
        names.set(id, (await this.clinics.requireClinic(id)).name);
      }
    }
    return names;
  }
}

/** What remains of an existing shift once the pattern at `clinicId` is replaced from `from`. */
function keptAfterReplacing(shift: PatternShift, clinicId: string, from: string): PatternShift[] {
  if (shift.clinicId !== clinicId) {
    return [shift];
  }
  if (shift.effectiveFrom >= from) {
    return [];
  }
  const dayBefore = addDays(from, -1);
  return [
    {
      ...shift,
      effectiveTo:
        shift.effectiveTo === null || shift.effectiveTo > dayBefore ? dayBefore : shift.effectiveTo,
    },
  ];
}

const WEEK_ORDER = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

function sortShifts(shifts: readonly PatternShift[]): PatternShift[] {
  return [...shifts].sort(
    (a, b) =>
      a.effectiveFrom.localeCompare(b.effectiveFrom) ||
      WEEK_ORDER.indexOf(a.weekday) - WEEK_ORDER.indexOf(b.weekday) ||
      a.start.localeCompare(b.start),
  );
}
