import { Column, Entity, PrimaryColumn } from 'typeorm';

/** What client-record knows of a booking, from booking events (ids, times, status). */
@Entity({ name: 'booking_projection' })
export class BookingProjectionEntity {
  @PrimaryColumn('uuid', { name: 'booking_id' })
  bookingId!: string;

  @Column('uuid', { name: 'client_id' })
  clientId!: string;

  @Column('uuid', { name: 'therapist_id' })
  therapistId!: string;

  @Column('uuid', { name: 'clinic_id' })
  clinicId!: string;

  @Column('uuid', { name: 'treatment_id' })
  treatmentId!: string;

  @Column('text')
  status!: string;

  @Column('timestamptz', { name: 'starts_at' })
  startsAt!: Date;

  @Column('timestamptz', { name: 'ends_at' })
  endsAt!: Date;

  /** Clinic-local start, "YYYY-MM-DDTHH:MM". */
  @Column('text', { name: 'local_start' })
  localStart!: string;

  @Column('text')
  timezone!: string;

  @Column('timestamptz', { name: 'last_event_at' })
  lastEventAt!: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;
}
