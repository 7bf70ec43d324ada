import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ConsentKind } from './domain/consent-form';

@Entity({ name: 'consent_form' })
export class ConsentFormEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  kind!: ConsentKind;

  @Column('integer')
  version!: number;

  @Column('text')
  title!: string;

  @Column('text')
  summary!: string;

  @Column('timestamptz', { name: 'published_at' })
  publishedAt!: Date;
}
