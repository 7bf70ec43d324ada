import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A therapist works at a clinic (one row per pair). */
@Entity({ name: 'therapist_clinic' })
export class TherapistClinicEntity {
  @PrimaryColumn('uuid', { name: 'therapist_id' })
  therapistId!: string;

  @PrimaryColumn('uuid', { name: 'clinic_id' })
  clinicId!: string;

  @Column('timestamptz', { name: 'assigned_at', default: () => 'clock_timestamp()' })
  assignedAt!: Date;
}
