import { Inject, Injectable } from '@nestjs/common';
import type { Caller } from '@app/auth';
import { ForbiddenError } from '@app/platform/errors/forbidden.error';
import { datesInclusive } from './domain/calendar-date';
import { expandPatterns } from './domain/roster-expansion';
import type { PatternShift } from './domain/pattern-shift';
import type { RosterShift } from './domain/roster-shift';
import { rosterAccess } from './domain/schedule-permissions';
import { shiftsStillWorked } from './domain/shifts-still-worked';
import { subtractTimeOff } from './domain/time-off-subtraction';
import { CLINIC_HOURS, ClinicHoursPort } from './ports/clinic-hours.port';
import { THERAPIST_DIRECTORY, TherapistDirectoryPort } from './ports/therapist-directory.port';
import { requireDate, requireId } from './schedule-input';
import { ScheduleError, ScheduleErrorCode } from './schedules.errors';
import { TimeOffRepository } from './time-off.repository';
import { WorkingPatternsRepository } from './working-patterns.repository';

/** The longest roster one query returns. */
export const MAX_ROSTER_DAYS = 31;

export interface Roster {
  readonly from: string;
  readonly to: string;
  readonly shifts: readonly RosterShift[];
}

@Injectable()
export class RosterService {
  constructor(
    private readonly patterns: WorkingPatternsRepository,
    private readonly timeOff: TimeOffRepository,
    @Inject(CLINIC_HOURS) private readonly clinics: ClinicHoursPort,
    @Inject(THERAPIST_DIRECTORY) private readonly therapists: TherapistDirectoryPort,
  ) {}

  /**
   * Who works when at a clinic on each clinic-local date of [from, to]: shifts with wall-clock
   * and UTC times, cut to the clinic's opening hours, approved time off removed. Shifts of a
   * therapist no longer assigned to the clinic, or after they left, are left out. A therapist
   * sees only their own shifts.
   */
  async clinicRoster(
    caller: Caller,
    clinicIdRaw: string,
    fromRaw: string,
    toRaw: string,
  ): Promise<Roster & { readonly clinicId: string; readonly timezone: string }> {
    const clinicId = requireId(clinicIdRaw, 'clinicId', 'clinic');
    const access = rosterAccess(caller, clinicId);
    if (access === 'none') {
      throw new ForbiddenError(
        `you may not read the roster of clinic ${clinicId}: it is for head office and that clinic's staff`,
      );
    }
    const { from, to } = checkRange(fromRaw, toRaw);
    const schedule = await this.clinics.getSchedule(clinicId);
    const therapistId = access === 'own_shifts' ? caller.therapistId : undefined;
    const patterns = await this.stillWorked(
      await this.patterns.findInForce({ clinicId, therapistId }, from, to),
    );
    const shifts = await this.withoutTimeOff(expandPatterns(patterns, schedule, from, to));
    return { clinicId, timezone: schedule.timezone, from, to, shifts };
  }

  /** A therapist's own shifts at every clinic they still work at. */
  async myRoster(caller: Caller, fromRaw: string, toRaw: string): Promise<Roster> {
    const therapistId = caller.therapistId;
    if (caller.role !== 'therapist' || therapistId === undefined) {
      throw new ForbiddenError('myRoster is for therapists; others ask for a clinic roster');
    }
    const { from, to } = checkRange(fromRaw, toRaw);
    const patterns = await this.stillWorked(
      await this.patterns.findInForce({ therapistId }, from, to),
    );
    const expanded: RosterShift[] = [];
    for (const clinicId of new Set(patterns.map((p) => p.clinicId))) {
      const schedule = await this.clinics.getSchedule(clinicId);
      expanded.push(...expandPatterns(patterns, schedule, from, to));
    }
    expanded.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
    return { from, to, shifts: await this.withoutTimeOff(expanded) };
  }

  /** Each therapist's shifts at clinics they still work at, before the day they left. */
  private async stillWorked(patterns: readonly PatternShift[]): Promise<PatternShift[]> {
    const kept: PatternShift[] = [];
    for (const therapistId of new Set(patterns.map((p) => p.therapistId))) {
      const therapist = await this.therapists.requireTherapist(therapistId);
      kept.push(
        ...shiftsStillWorked(
          patterns.filter((p) => p.therapistId === therapistId),
          therapist,
        ),
      );
    }
    return kept;
  }

  private async withoutTimeOff(shifts: readonly RosterShift[]): Promise<RosterShift[]> {
    if (shifts.length === 0) {
      return [];
    }
    const start = Math.min(...shifts.map((s) => s.startsAt.getTime()));
    const end = Math.max(...shifts.map((s) => s.endsAt.getTime()));
    const absences = await this.timeOff.approvedOverlapping(
      [...new Set(shifts.map((s) => s.therapistId))],
      new Date(start),
      new Date(end),
    );
    return subtractTimeOff(shifts, absences);
  }
}

function checkRange(fromRaw: string, toRaw: string): { from: string; to: string } {
  const from = requireDate(fromRaw, 'from');
  const to = requireDate(toRaw, 'to');
  if (to < from) {
    throw new ScheduleError(
      ScheduleErrorCode.InvalidDateRange,
      `to (${to}) is before from (${from}); give the first and last date of the roster, both included`,
      { field: 'to' },
    );
  }
  const days = datesInclusive(from, to);
  if (days > MAX_ROSTER_DAYS) {
    throw new ScheduleError(
      ScheduleErrorCode.RosterRangeTooLong,
      `a roster covers at most ${MAX_ROSTER_DAYS} days and ${from} to ${to} is ${days}; ask for a shorter range`,
      { field: 'to' },
    );
  }
  return { from, to };
}
