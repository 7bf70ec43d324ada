import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A client (patient). Personal details are nullable because an erasure request removes
 * them at once while the clinical records stay until their retention date.
 */
@Entity({ name: 'client' })
export class ClientEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'given_name', type: 'text', nullable: true })
  givenName!: string | null;

  @Column({ name: 'family_name', type: 'text', nullable: true })
  familyName!: string | null;

  /** ISO date (YYYY-MM-DD). */
  @Column({ name: 'date_of_birth', type: 'date', nullable: true })
  dateOfBirth!: string | null;

  @Column({ type: 'text', nullable: true })
  email!: string | null;

  @Column({ type: 'text', nullable: true })
  phone!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  address!: Record<string, unknown> | null;

  @Column({ name: 'gp_practice', type: 'jsonb', nullable: true })
  gpPractice!: Record<string, unknown> | null;

  @Column({ name: 'emergency_contact', type: 'jsonb', nullable: true })
  emergencyContact!: Record<string, unknown> | null;

  /** The identity provider's subject of the client's own login, when they registered online. */
  @Column({ name: 'identity_subject', type: 'text', nullable: true })
  identitySubject!: string | null;

  /** How the client was registered: by clinic staff, or by the client online. */
  @Column({ name: 'registered_via', type: 'text', nullable: true })
  registeredVia!: 'staff' | 'online' | null;

  @Column({ name: 'registered_clinic_id', type: 'uuid', nullable: true })
  registeredClinicId!: string | null;

  @Column({ name: 'registered_by_subject', type: 'text', nullable: true })
  registeredBySubject!: string | null;

  @Column({ name: 'registered_by_role', type: 'text', nullable: true })
  registeredByRole!: string | null;

  @Column({ name: 'registered_at', type: 'timestamptz' })
  registeredAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ name: 'erased_at', type: 'timestamptz', nullable: true })
  erasedAt!: Date | null;

  @Column({ type: 'integer' })
  version!: number;
}
