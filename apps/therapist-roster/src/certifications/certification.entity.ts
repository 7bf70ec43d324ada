import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Date columns are "YYYY-MM-DD" strings (TypeORM hydrates `date` as a string). */
@Entity({ name: 'certification' })
export class CertificationEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'therapist_id' })
  therapistId!: string;

  @Column('text')
  type!: string;

  @Column('date', { name: 'issued_on' })
  issuedOn!: string;

  @Column('date', { name: 'expires_on', nullable: true })
  expiresOn!: string | null;

  @Column('text', { name: 'evidence_reference' })
  evidenceReference!: string;

  @Column('text', { name: 'recorded_by' })
  recordedBy!: string;

  @Column('timestamptz', { name: 'recorded_at', default: () => 'now()' })
  recordedAt!: Date;

  @Column('text', { name: 'verified_by', nullable: true })
  verifiedBy!: string | null;

  @Column('timestamptz', { name: 'verified_at', nullable: true })
  verifiedAt!: Date | null;

  @Column('date', { name: 'revoked_on', nullable: true })
  revokedOn!: string | null;

  @Column('text', { name: 'revoked_by', nullable: true })
  revokedBy!: string | null;

  @Column('text', { name: 'revocation_reason', nullable: true })
  revocationReason!: string | null;
}
