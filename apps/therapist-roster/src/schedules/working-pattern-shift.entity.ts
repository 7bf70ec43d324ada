import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { Weekday } from '../clinics/domain/opening-hours';

@Entity({ name: 'working_pattern_shift' })
export class WorkingPatternShiftEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'therapist_id' })
  therapistId!: string;

  @Column('uuid', { name: 'clinic_id' })
  clinicId!: string;

  @Column('text')
  weekday!: Weekday;

  @Column('text', { name: 'start_time' })
  startTime!: string;

  @Column('text', { name: 'end_time' })
  endTime!: string;

  @Column('date', { name: 'effective_from' })
  effectiveFrom!: string;

  @Column('date', { name: 'effective_to', nullable: true })
  effectiveTo!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
