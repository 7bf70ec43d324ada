import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ExpiryNotice } from './domain/expiry-notice';

/** An expiry notice already sent; the primary key makes each notice happen once. */
@Entity({ name: 'certification_notice' })
export class CertificationNoticeEntity {
  @PrimaryColumn('uuid', { name: 'certification_id' })
  certificationId!: string;

  @PrimaryColumn('text')
  notice!: ExpiryNotice;

  @Column('date', { name: 'run_for' })
  runFor!: string;

  @Column('timestamptz', { name: 'sent_at', default: () => 'now()' })
  sentAt!: Date;
}
