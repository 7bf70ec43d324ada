import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CarePlanStatus } from './domain/care-plan';

/** One version of a care plan: inserted, never changed; the history of who changed what. */
@Entity({ name: 'care_plan_version' })
export class CarePlanVersionEntity {
  @PrimaryColumn('uuid', { name: 'plan_id' })
  planId!: string;

  @PrimaryColumn('integer')
  version!: number;

  @Column('text')
  status!: CarePlanStatus;

  @Column('text', { array: true })
  goals!: string[];

  @Column('text', { name: 'target_conditions', array: true })
  targetConditions!: string[];

  @Column('integer', { name: 'sessions_per_week' })
  sessionsPerWeek!: number;

  @Column('integer')
  weeks!: number;

  @Column('integer', { name: 'maintenance_every_weeks', nullable: true })
  maintenanceEveryWeeks!: number | null;

  @Column('uuid', { name: 'preferred_therapist_id', nullable: true })
  preferredTherapistId!: string | null;

  @Column('date', { name: 'starts_on' })
  startsOn!: string;

  @Column('date', { name: 'review_on' })
  reviewOn!: string;

  @Column('text', { name: 'change_note', nullable: true })
  changeNote!: string | null;

  @Column('text', { name: 'written_by_subject' })
  writtenBySubject!: string;

  @Column('text', { name: 'written_by_role' })
  writtenByRole!: string;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;
}
