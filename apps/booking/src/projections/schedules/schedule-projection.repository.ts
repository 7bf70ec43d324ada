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

  /**
   * Writes the time off unless the stored row reflects a later event. Two consumer groups
   * write it (the projection and the time-off reaction), so the check is in the statement:
   * a concurrent writer of a newer event wins even when neither saw the other's row; on a
   * tie a stored cancellation stays (cancellationWinsTie).
   */
  async upsertTimeOff(tx: Tx, timeOff: TimeOffProjectionState): Promise<void> {
    await tx.query(
      `INSERT INTO time_off_projection
         (id, therapist_id, starts_at, ends_at, status, last_event_at, last_event_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (id) DO UPDATE
         SET therapist_id = EXCLUDED.therapist_id, starts_at = EXCLUDED.starts_at,
             ends_at = EXCLUDED.ends_at, status = EXCLUDED.status,
             last_event_at = EXCLUDED.last_event_at, last_event_id = EXCLUDED.last_event_id
         WHERE time_off_projection.last_event_at < EXCLUDED.last_event_at
            OR (time_off_projection.last_event_at = EXCLUDED.last_event_at
                AND NOT (time_off_projection.status = 'cancelled'
                         AND EXCLUDED.status <> 'cancelled'))`,
      [
        timeOff.id,
        timeOff.therapistId,
        timeOff.startsAt,
        timeOff.endsAt,
        timeOff.status,
        timeOff.lastEventAt,
        timeOff.lastEventId,
      ],
    );
  }
}
