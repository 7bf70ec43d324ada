import { Column, Entity, PrimaryColumn } from 'typeorm';

/** What booking knows of a clinic, built only from roster events. */
@Entity({ name: 'clinic_projection' })
export class ClinicProjectionEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  code!: string;

  @Column('text')
  name!: string;

  @Column('text')
  timezone!: string;

  @Column('text')
  status!: string;

  @Column('uuid', { name: 'last_event_id' })
  lastEventId!: string;

  @Column('timestamptz', { name: 'projected_at' })
  projectedAt!: Date;
}
