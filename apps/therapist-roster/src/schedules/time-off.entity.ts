import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { TimeOffKind, TimeOffStatus } from './domain/time-off';

@Entity({ name: 'time_off' })
export class TimeOffEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'therapist_id' })
  therapistId!: string;

  @Column('text')
  kind!: TimeOffKind;

  @Column('text')
  status!: TimeOffStatus;

  @Column('timestamptz', { name: 'starts_at' })
  startsAt!: Date;

  @Column('timestamptz', { name: 'ends_at' })
  endsAt!: Date;

  /** Free text from the requester; may mention health, so it never leaves this service. */
  @Column('text', { nullable: true })
  note!: string | null;

  @Column('text', { name: 'requested_by' })
  requestedBy!: string;

  @Column('text', { name: 'decided_by', nullable: true })
  decidedBy!: string | null;

  @Column('timestamptz', { name: 'decided_at', nullable: true })
  decidedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
