import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { PatternShift } from '../domain/working-pattern-projection';

/** The full working pattern of a therapist at a clinic, replaced by each working_pattern.changed. */
@Entity({ name: 'working_pattern_projection' })
export class WorkingPatternProjectionEntity {
  @PrimaryColumn('uuid', { name: 'therapist_id' })
  therapistId!: string;

  @PrimaryColumn('uuid', { name: 'clinic_id' })
  clinicId!: string;

  @Column('text')
  timezone!: string;

  @Column('date', { name: 'changed_from' })
  changedFrom!: string;

  /** The event's shifts (wall-clock in `timezone`, effective dates clinic-local). */
  @Column('jsonb')
  shifts!: PatternShift[];

  @Column('timestamptz', { name: 'last_event_at' })
  lastEventAt!: Date;

  @Column('uuid', { name: 'last_event_id' })
  lastEventId!: string;
}
