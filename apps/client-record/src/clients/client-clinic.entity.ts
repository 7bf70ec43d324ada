import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A clinic a client attends. */
@Entity({ name: 'client_clinic' })
export class ClientClinicEntity {
  @PrimaryColumn({ name: 'client_id', type: 'uuid' })
  clientId!: string;

  @PrimaryColumn({ name: 'clinic_id', type: 'uuid' })
  clinicId!: string;

  @Column({ type: 'timestamptz' })
  since!: Date;
}
