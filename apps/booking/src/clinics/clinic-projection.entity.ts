import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { HoursException, WeeklyHours } from './domain/clinic-projection';

/** What booking knows of a clinic, built only from roster events. */
@Entity({ name: 'clinic_projection' })
export class ClinicProjectionEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  code!: string;

  @Column('text')
  name!: string;

  @Column('text')
  timezone!: string;

  @Column('text')
  status!: string;

  /** Opening ranges per weekday, wall-clock in `timezone`, as clinic.hours_changed carries them. */
  @Column('jsonb', { name: 'weekly_hours' })
  weeklyHours!: WeeklyHours;

  /** Dated exceptions that replace the weekday's hours, sorted by date. */
  @Column('jsonb', { name: 'hours_exceptions' })
  hoursExceptions!: HoursException[];

  @Column('timestamptz', { name: 'details_event_at', nullable: true })
  detailsEventAt!: Date | null;

  @Column('timestamptz', { name: 'hours_event_at', nullable: true })
  hoursEventAt!: Date | null;

  @Column('timestamptz', { name: 'status_event_at', nullable: true })
  statusEventAt!: Date | null;

  @Column('uuid', { name: 'last_event_id' })
  lastEventId!: string;

  @Column('timestamptz', { name: 'projected_at' })
  projectedAt!: Date;
}
