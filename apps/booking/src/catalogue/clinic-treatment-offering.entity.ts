import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A clinic's choice about one catalogue treatment (no row: offered at the network price). */
@Entity({ name: 'clinic_treatment_offering' })
export class ClinicTreatmentOfferingEntity {
  @PrimaryColumn('uuid', { name: 'clinic_id' })
  clinicId!: string;

  @PrimaryColumn('uuid', { name: 'treatment_id' })
  treatmentId!: string;

  @Column('boolean')
  offered!: boolean;

  /** The clinic's price in pence; null: the network price. */
  @Column('integer', { name: 'price_pence', nullable: true })
  pricePence!: number | null;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;
}
