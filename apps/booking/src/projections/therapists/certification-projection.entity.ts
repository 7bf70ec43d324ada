import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CertificationState } from '@app/contracts';

/** A therapist's certification, from roster certification events (full state each). */
@Entity({ name: 'certification_projection' })
export class CertificationProjectionEntity {
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

  @Column('boolean')
  verified!: boolean;

  @Column('text')
  status!: CertificationState['status'];

  @Column('date', { name: 'status_on' })
  statusOn!: string;

  @Column('date', { name: 'revoked_on', nullable: true })
  revokedOn!: string | null;

  @Column('timestamptz', { name: 'last_event_at' })
  lastEventAt!: Date;

  @Column('uuid', { name: 'last_event_id' })
  lastEventId!: string;
}
