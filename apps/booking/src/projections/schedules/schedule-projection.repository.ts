import { Injectable } from '@nestjs/common';
import type { Tx } from '@app/database';
import type { TimeOffProjectionState } from '../domain/time-off-projection';
import type { WorkingPatternProjectionState } from '../domain/working-pattern-projection';
import { TimeOffProjectionEntity } from './time-off-projection.entity';
import { WorkingPatternProjectionEntity } from './working-pattern-projection.entity';

@Injectable()
export class ScheduleProjectionRepository {
  /** The pattern row of (therapist, clinic), locked until `tx` ends. */
  async lockPattern(
    tx: Tx,
    therapistId: string,
    clinicId: string,
  ): Promise<WorkingPatternProjectionState | undefined> {
    const row = await tx.findOne(WorkingPatternProjectionEntity, {
      where: { therapistId, clinicId },
      lock: { mode: 'pessimistic_write' },
    });
    return row ?? undefined;
  }

  async upsertPattern(tx: Tx, pattern: WorkingPatternProjectionState): Promise<void> {
    await tx.upsert(WorkingPatternProjectionEntity, { ...pattern, shifts: [...pattern.shifts] }, [
      'therapistId',
      'clinicId',
    ]);
  }

  async lockTimeOff(tx: Tx, id: string): Promise<TimeOffProjectionState | undefined> {
    const row = await tx.findOne(TimeOffProjectionEntity, {
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
    return row ?? undefined;
  }

  async upsertTimeOff(tx: Tx, timeOff: TimeOffProjectionState): Promise<void> {
    await tx.upsert(TimeOffProjectionEntity, { ...timeOff }, ['id']);
  }
}
