import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { TreatmentKind } from './domain/treatment-kind';

@Entity({ name: 'treatment' })
export class TreatmentEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text', { unique: true })
  code!: string;

  @Column('text')
  name!: string;

  @Column('text')
  kind!: TreatmentKind;

  @Column('integer', { name: 'duration_minutes' })
  durationMinutes!: number;

  @Column('integer', { name: 'buffer_after_minutes' })
  bufferAfterMinutes!: number;

  @Column('integer', { name: 'price_pence' })
  pricePence!: number;

  @Column('text')
  currency!: 'GBP';

  @Column('text', { array: true, name: 'required_certifications' })
  requiredCertifications!: string[];

  @Column('boolean', { name: 'requires_screening_clearance' })
  requiresScreeningClearance!: boolean;

  @Column('boolean', { name: 'self_bookable' })
  selfBookable!: boolean;

  @Column('boolean')
  active!: boolean;
}
