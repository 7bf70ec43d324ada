import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Clients erased under UK GDPR: their bookings are to be pseudonymised. */
@Entity({ name: 'client_erasure_projection' })
export class ClientErasureProjectionEntity {
  @PrimaryColumn('uuid', { name: 'client_id' })
  clientId!: string;

  @Column('uuid', { name: 'clinic_ids', array: true })
  clinicIds!: string[];

  @Column('timestamptz', { name: 'erased_at' })
  erasedAt!: Date;

  @Column('date', { name: 'retention_until' })
  retentionUntil!: string;

  @Column('uuid', { name: 'last_event_id' })
  lastEventId!: string;
}
