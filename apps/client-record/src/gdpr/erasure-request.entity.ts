import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A client's erasure request, kept after the purge as the record that it was done. */
@Entity({ name: 'erasure_request' })
export class ErasureRequestEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'client_id', type: 'uuid', unique: true })
  clientId!: string;

  @Column({ name: 'requested_at', type: 'timestamptz' })
  requestedAt!: Date;

  @Column({ name: 'requested_by_subject', type: 'text' })
  requestedBySubject!: string;

  @Column({ name: 'requested_by_role', type: 'text' })
  requestedByRole!: string;

  /** Cleared at the purge: free text may identify the person. */
  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  /** ISO date (YYYY-MM-DD), or null when the client was never treated. */
  @Column({ name: 'last_treatment_on', type: 'date', nullable: true })
  lastTreatmentOn!: string | null;

  @Column({ name: 'retention_rule', type: 'text' })
  retentionRule!: string;

  /** ISO date (YYYY-MM-DD): the clinical records are purged on or after this day. */
  @Column({ name: 'retention_until', type: 'date' })
  retentionUntil!: string;

  @Column({ name: 'purged_at', type: 'timestamptz', nullable: true })
  purgedAt!: Date | null;
}
