import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { SessionRecordStatus } from './domain/session-record';

/** One booking's session record: ids and the current version; the content is in versions. */
@Entity({ name: 'session_record' })
export class SessionRecordEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'booking_id' })
  bookingId!: string;

  @Column('uuid', { name: 'client_id' })
  clientId!: string;

  @Column('uuid', { name: 'therapist_id' })
  therapistId!: string;

  @Column('uuid', { name: 'clinic_id' })
  clinicId!: string;

  /** Clinic-local date of the session, YYYY-MM-DD. */
  @Column('date', { name: 'session_date' })
  sessionDate!: string;

  @Column('timestamptz', { name: 'started_at' })
  startedAt!: Date;

  @Column('text')
  status!: SessionRecordStatus;

  @Column('integer', { name: 'current_version' })
  currentVersion!: number;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;
}
