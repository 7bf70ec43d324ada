import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One audited read or write of client data. Append-only (the database refuses changes). */
@Entity({ name: 'audit_log' })
export class AuditEntryEntity {
  /** bigserial: a string, so ids beyond 2^53 stay exact. */
  @PrimaryColumn({ type: 'bigint' })
  id!: string;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;

  @Column({ name: 'actor_subject', type: 'text' })
  actorSubject!: string;

  @Column({ name: 'actor_role', type: 'text' })
  actorRole!: string;

  @Column({ name: 'actor_therapist_id', type: 'uuid', nullable: true })
  actorTherapistId!: string | null;

  @Column({ name: 'clinic_id', type: 'uuid', nullable: true })
  clinicId!: string | null;

  @Column({ name: 'client_id', type: 'uuid', nullable: true })
  clientId!: string | null;

  @Column({ name: 'record_type', type: 'text' })
  recordType!: string;

  @Column({ name: 'record_id', type: 'uuid', nullable: true })
  recordId!: string | null;

  @Column({ type: 'text' })
  action!: string;

  @Column({ name: 'correlation_id', type: 'text' })
  correlationId!: string;
}
