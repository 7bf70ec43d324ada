import { Injectable } from '@nestjs/common';
import type { EventData, WorkingPatternChangedV1 } from '@app/contracts';
import type { Tx } from '@app/database';
import type { EventStamp } from '../domain/event-stamp';
import {
  applyTimeOffApproved,
  applyTimeOffCancelled,
  TimeOffPeriod,
  TimeOffProjectionState,
} from '../domain/time-off-projection';
import { replaceWorkingPattern } from '../domain/working-pattern-projection';
import { ScheduleProjectionRepository } from './schedule-projection.repository';

type TimeOffRule = typeof applyTimeOffApproved;

/** Keeps booking's working patterns and time off from roster events; one event per call. */
@Injectable()
export class ScheduleProjectionService {
  constructor(private readonly projection: ScheduleProjectionRepository) {}

  async workingPatternChanged(
    data: EventData<typeof WorkingPatternChangedV1>,
    stamp: EventStamp,
    tx: Tx,
  ): Promise<void> {
    const current = await this.projection.lockPattern(tx, data.therapistId, data.clinicId);
    const next = replaceWorkingPattern(current, data, stamp);
    if (next !== undefined) {
      await this.projection.upsertPattern(tx, next);
    }
  }

  async timeOffApproved(period: TimeOffPeriod, stamp: EventStamp, tx: Tx): Promise<void> {
    await this.applyTimeOff(applyTimeOffApproved, period, stamp, tx);
  }

  async timeOffCancelled(period: TimeOffPeriod, stamp: EventStamp, tx: Tx): Promise<void> {
    await this.applyTimeOff(applyTimeOffCancelled, period, stamp, tx);
  }

  private async applyTimeOff(
    rule: TimeOffRule,
    period: TimeOffPeriod,
    stamp: EventStamp,
    tx: Tx,
  ): Promise<void> {
    const current: TimeOffProjectionState | undefined = await this.projection.lockTimeOff(
      tx,
      period.timeOffId,
    );
    const next = rule(current, period, stamp);
    if (next !== undefined) {
      await this.projection.upsertTimeOff(tx, next);
    }
  }
}
