import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A therapist's time off as a UTC period; only `approved` rows remove availability. */
@Entity({ name: 'time_off_projection' })
export class TimeOffProjectionEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'therapist_id' })
  therapistId!: string;

  @Column('timestamptz', { name: 'starts_at' })
  startsAt!: Date;

  @Column('timestamptz', { name: 'ends_at' })
  endsAt!: Date;

  @Column('text')
  status!: 'approved' | 'cancelled';

  @Column('timestamptz', { name: 'last_event_at' })
  lastEventAt!: Date;

  @Column('uuid', { name: 'last_event_id' })
  lastEventId!: string;
}
