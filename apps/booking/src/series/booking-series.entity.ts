import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A series of bookings placed together (migration 1763920500000); its bookings carry series_id. */
@Entity({ name: 'booking_series' })
export class BookingSeriesEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'clinic_id' })
  clinicId!: string;

  @Column('uuid', { name: 'client_id' })
  clientId!: string;

  @Column('uuid', { name: 'therapist_id' })
  therapistId!: string;

  @Column('uuid', { name: 'treatment_id' })
  treatmentId!: string;

  @Column('uuid', { name: 'care_plan_id', nullable: true })
  carePlanId!: string | null;

  @Column('integer', { name: 'sessions_per_week' })
  sessionsPerWeek!: number;

  @Column('integer')
  weeks!: number;

  /** Maintenance sessions after the intensive weeks (migration 1763921000000), 0–12. */
  @Column('integer', { name: 'maintenance_sessions' })
  maintenanceSessions!: number;

  /** The care plan's maintenance interval when the series was booked; null without maintenance. */
  @Column('integer', { name: 'maintenance_every_weeks', nullable: true })
  maintenanceEveryWeeks!: number | null;

  /**
   * The maintenance sessions' treatment (migration 1763921100000): the series' treatment
   * unless another was chosen; null without maintenance.
   */
  @Column('uuid', { name: 'maintenance_treatment_id', nullable: true })
  maintenanceTreatmentId!: string | null;

  @Column('text', { name: 'preferred_weekdays', array: true })
  preferredWeekdays!: string[];

  @Column('text', { name: 'preferred_time' })
  preferredTime!: string;

  @Column('date', { name: 'starts_on' })
  startsOn!: string;

  @Column('text')
  timezone!: string;

  @Column('text')
  status!: 'active' | 'cancelled';

  @Column('timestamptz', { name: 'cancelled_at', nullable: true })
  cancelledAt!: Date | null;

  @Column('text', { name: 'cancellation_reason', nullable: true })
  cancellationReason!: string | null;

  @Column('text', { name: 'created_by_subject' })
  createdBySubject!: string;

  @Column('text', { name: 'created_by_role' })
  createdByRole!: string;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;
}
