import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A care plan's frequency (no goals or conditions), replaced by a newer version. */
@Entity({ name: 'care_plan_projection' })
export class CarePlanProjectionEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'client_id' })
  clientId!: string;

  @Column('uuid', { name: 'clinic_id' })
  clinicId!: string;

  @Column('integer')
  version!: number;

  @Column('text')
  status!: 'active' | 'completed' | 'discontinued';

  @Column('integer', { name: 'sessions_per_week' })
  sessionsPerWeek!: number;

  @Column('integer')
  weeks!: number;

  @Column('integer', { name: 'maintenance_every_weeks', nullable: true })
  maintenanceEveryWeeks!: number | null;

  @Column('date', { name: 'starts_on' })
  startsOn!: string;

  @Column('uuid', { name: 'preferred_therapist_id', nullable: true })
  preferredTherapistId!: string | null;

  @Column('uuid', { name: 'last_event_id' })
  lastEventId!: string;
}
