import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A clinic's own late-cancellation policy (no row: the network policy, 24 h and 50%). */
@Entity({ name: 'clinic_cancellation_policy' })
export class CancellationPolicyEntity {
  @PrimaryColumn('uuid', { name: 'clinic_id' })
  clinicId!: string;

  @Column('integer', { name: 'late_fee_percent' })
  lateFeePercent!: number;

  @Column('integer', { name: 'late_window_hours' })
  lateWindowHours!: number;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;
}
