import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { RangeOfMotionEntry } from './domain/session-record';

/** One version of a session record's clinical content: inserted, never changed. */
@Entity({ name: 'session_record_version' })
export class SessionRecordVersionEntity {
  @PrimaryColumn('uuid', { name: 'record_id' })
  recordId!: string;

  @PrimaryColumn('integer')
  version!: number;

  @Column('integer', { name: 'pain_before' })
  painBefore!: number;

  @Column('integer', { name: 'pain_after' })
  painAfter!: number;

  @Column('jsonb')
  rom!: RangeOfMotionEntry[];

  @Column('text', { array: true })
  techniques!: string[];

  @Column('text')
  notes!: string;

  @Column('text', { nullable: true })
  reason!: string | null;

  @Column('text', { name: 'written_by_subject' })
  writtenBySubject!: string;

  @Column('text', { name: 'written_by_role' })
  writtenByRole!: string;

  @Column('uuid', { name: 'written_by_therapist_id', nullable: true })
  writtenByTherapistId!: string | null;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;
}
