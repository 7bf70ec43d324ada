import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { TimeRange } from './domain/opening-hours';

@Entity({ name: 'clinic_hours_exception' })
export class ClinicHoursExceptionEntity {
  @PrimaryColumn('uuid', { name: 'clinic_id' })
  clinicId!: string;

  /** "YYYY-MM-DD": the pg driver returns a date column as a string. */
  @PrimaryColumn('date')
  date!: string;

  @Column('jsonb')
  ranges!: TimeRange[];

  @Column('text')
  reason!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
