import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Caller } from '@app/auth';
import { TimeOffApprovedV1, TimeOffCancelledV1 } from '@app/contracts';
import type { Tx } from '@app/database';
import { OutboxWriter, TransactionRunner } from '@app/messaging';
import { ForbiddenError } from '@app/platform/errors/forbidden.error';
import { TRANSACTIONS } from '@app/platform/platform.tokens';
import {
  canCancelTimeOff,
  canDecideTimeOff,
  canRequestTimeOff,
  isTherapistThemself,
} from './domain/schedule-permissions';
import type { TimeOff, TimeOffKind } from './domain/time-off';
import { resolveTimeOffPeriod, TimeOffPeriodInput } from './domain/time-off-period';
import { nextTimeOffStatus, TimeOffAction } from './domain/time-off-transitions';
import { CLINIC_HOURS, ClinicHoursPort } from './ports/clinic-hours.port';
import {
  THERAPIST_DIRECTORY,
  TherapistDirectoryPort,
  TherapistSummary,
} from './ports/therapist-directory.port';
import { failWith, requireId } from './schedule-input';
import { ScheduleError, ScheduleErrorCode } from './schedules.errors';
import { TimeOffRepository } from './time-off.repository';

export interface RequestTimeOffCommand extends TimeOffPeriodInput {
  readonly therapistId: string;
  readonly kind: TimeOffKind;
  readonly note?: string | null;
}

const MAX_NOTE_LENGTH = 500;

@Injectable()
export class TimeOffService {
  constructor(
    private readonly timeOff: TimeOffRepository,
    private readonly outbox: OutboxWriter,
    @Inject(TRANSACTIONS) private readonly transactions: TransactionRunner<Tx>,
    @Inject(CLINIC_HOURS) private readonly clinics: ClinicHoursPort,
    @Inject(THERAPIST_DIRECTORY) private readonly therapists: TherapistDirectoryPort,
  ) {}

  /**
   * A therapist asks for their own time off, or their manager or head office asks for them.
   * It starts `requested`; nothing is published until it is approved.
   */
  async requestTimeOff(caller: Caller, command: RequestTimeOffCommand): Promise<TimeOff> {
    const therapistId = requireId(command.therapistId, 'therapistId', 'therapist');
    if (caller.role === 'therapist' && !isTherapistThemself(caller, therapistId)) {
      throw new ForbiddenError('a therapist may request time off only for themself');
    }
    const therapist = await this.therapists.requireTherapist(therapistId);
    if (!canRequestTimeOff(caller, therapistId, therapist.clinicIds)) {
      throw new ForbiddenError(
        `only ${therapist.displayName}, a manager of a clinic they work at, or head office may request their time off`,
      );
    }
    if (therapist.status === 'left') {
      throw new ScheduleError(
        ScheduleErrorCode.TherapistHasLeft,
        `therapist ${therapist.displayName} has left the network; they cannot take time off`,
        { field: 'therapistId' },
      );
    }
    const note = command.note?.trim() ?? '';
    if (note.length > MAX_NOTE_LENGTH) {
      throw new ScheduleError(
        ScheduleErrorCode.InvalidTimeOffPeriod,
        `the note is ${note.length} characters long; keep it to ${MAX_NOTE_LENGTH}`,
        { field: 'note' },
      );
    }
    const resolved = resolveTimeOffPeriod(command, await this.sharedTimezone(therapist));
    if (!resolved.ok) {
      failWith(resolved.problem);
    }
    const timeOff: TimeOff = {
      id: randomUUID(),
      therapistId,
      kind: command.kind,
      status: 'requested',
      startsAt: resolved.period.startsAt,
      endsAt: resolved.period.endsAt,
      note: note === '' ? null : note,
      requestedBy: caller.subject,
      decidedBy: null,
      decidedAt: null,
    };
    await this.transactions.run(async (tx) => this.timeOff.insert(tx, timeOff));
    return timeOff;
  }

  /** A manager of a clinic the therapist works at, or head office, approves; published. */
  async approveTimeOff(caller: Caller, id: string): Promise<TimeOff> {
    return this.decide(caller, id, 'approve', canDecideTimeOff);
  }

  /** A manager of a clinic the therapist works at, or head office, rejects; not published. */
  async rejectTimeOff(caller: Caller, id: string): Promise<TimeOff> {
    return this.decide(caller, id, 'reject', canDecideTimeOff);
  }

  /** The therapist, their manager or head office cancels requested or approved time off. */
  async cancelTimeOff(caller: Caller, id: string): Promise<TimeOff> {
    return this.decide(caller, id, 'cancel', (c, clinicIds, therapistId) =>
      canCancelTimeOff(c, therapistId, clinicIds),
    );
  }

  /** The therapist's time off, newest first; notes included (only for those who may see them). */
  async listForTherapist(caller: Caller, therapistIdRaw: string): Promise<TimeOff[]> {
    const therapistId = requireId(therapistIdRaw, 'therapistId', 'therapist');
    if (caller.role === 'therapist' && !isTherapistThemself(caller, therapistId)) {
      throw new ForbiddenError('a therapist may read only their own time off');
    }
    const therapist = await this.therapists.requireTherapist(therapistId);
    const allowed =
      caller.role === 'clinical_lead' ||
      canRequestTimeOff(caller, therapistId, therapist.clinicIds);
    if (!allowed) {
      throw new ForbiddenError(
        `only ${therapist.displayName}, a manager of a clinic they work at, or head office may read their time off`,
      );
    }
    return this.timeOff.listForTherapist(therapistId);
  }

  private async decide(
    caller: Caller,
    rawId: string,
    action: TimeOffAction,
    allowed: (caller: Caller, clinicIds: readonly string[], therapistId: string) => boolean,
  ): Promise<TimeOff> {
    const id = requireId(rawId, 'id', 'time-off');
    return this.transactions.run(async (tx) => {
      const current = await this.timeOff.lockById(tx, id);
      if (current === undefined) {
        throw new ScheduleError(
          ScheduleErrorCode.TimeOffNotFound,
          `time off ${id} does not exist`,
          {
            field: 'id',
          },
        );
      }
      const therapist = await this.therapists.requireTherapist(current.therapistId);
      if (!allowed(caller, therapist.clinicIds, therapist.id)) {
        throw new ForbiddenError(
          `you may not ${action} time off of ${therapist.displayName}: ${
            action === 'cancel'
              ? 'only they, a manager of a clinic they work at, or head office may'
              : 'only a manager of a clinic they work at, or head office, may'
          }`,
        );
      }
      if (action === 'approve' && therapist.status === 'left') {
        throw new ScheduleError(
          ScheduleErrorCode.TherapistHasLeft,
          `therapist ${therapist.displayName} has left the network${
            therapist.leftOn === null ? '' : ` (on ${therapist.leftOn})`
          }; their time off cannot be approved: reject or cancel it instead`,
          { field: 'id' },
        );
      }
      const next = nextTimeOffStatus(current.status, action);
      if (!next.ok) {
        failWith(next.problem);
      }
      const updated = await this.timeOff.updateStatus(tx, id, {
        status: next.status,
        decidedBy: caller.subject,
        decidedAt: new Date(),
      });
      const data = {
        timeOffId: updated.id,
        therapistId: updated.therapistId,
        clinicIds: [...therapist.clinicIds],
        kind: updated.kind,
        startsAt: updated.startsAt.toISOString(),
        endsAt: updated.endsAt.toISOString(),
      };
      if (action === 'approve') {
        await this.outbox.append(tx, TimeOffApprovedV1, {
          aggregateId: updated.therapistId,
          clinicId: null,
          data,
        });
      } else if (action === 'cancel') {
        await this.outbox.append(tx, TimeOffCancelledV1, {
          aggregateId: updated.therapistId,
          clinicId: null,
          data: { ...data, wasApproved: current.status === 'approved' },
        });
      }
      return updated;
    });
  }

  /** The timezone of every clinic the therapist works at, or undefined when they differ. */
  private async sharedTimezone(therapist: TherapistSummary): Promise<string | undefined> {
    const zones = new Set<string>();
    for (const clinicId of therapist.clinicIds) {
      zones.add((await this.clinics.requireClinic(clinicId)).timezone);
    }
    return zones.size === 1 ? [...zones][0] : undefined;
  }
}
