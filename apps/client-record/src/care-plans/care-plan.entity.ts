import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A client's care plan: ids and the current version; the content is in versions. */
@Entity({ name: 'care_plan' })
export class CarePlanEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'client_id' })
  clientId!: string;

  @Column('uuid', { name: 'clinic_id' })
  clinicId!: string;

  @Column('integer', { name: 'current_version' })
  currentVersion!: number;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;
}
