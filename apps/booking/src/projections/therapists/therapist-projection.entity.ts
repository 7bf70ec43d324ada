import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { TherapistState } from '@app/contracts';

/** Booking's view of a therapist, from roster therapist events (full state each). */
@Entity({ name: 'therapist_projection' })
export class TherapistProjectionEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  profession!: TherapistState['profession'];

  @Column('text', { array: true })
  specialties!: TherapistState['specialties'][number][];

  @Column('uuid', { name: 'clinic_ids', array: true })
  clinicIds!: string[];

  @Column('text')
  status!: TherapistState['status'];

  @Column('date', { name: 'left_on', nullable: true })
  leftOn!: string | null;

  @Column('timestamptz', { name: 'last_event_at' })
  lastEventAt!: Date;

  @Column('uuid', { name: 'last_event_id' })
  lastEventId!: string;
}
