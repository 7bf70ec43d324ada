import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { ClinicStatus } from './domain/clinic-status';
import type { WeeklyHours } from './domain/opening-hours';

@Entity({ name: 'clinic' })
export class ClinicEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text', { unique: true })
  code!: string;

  @Column('text')
  name!: string;

  @Column('text')
  timezone!: string;

  @Column('text')
  status!: ClinicStatus;

  @Column('text', { name: 'address_line1', nullable: true })
  addressLine1!: string | null;

  @Column('text', { name: 'address_line2', nullable: true })
  addressLine2!: string | null;

  @Column('text', { name: 'address_city', nullable: true })
  addressCity!: string | null;

  @Column('text', { name: 'address_postcode', nullable: true })
  addressPostcode!: string | null;

  @Column('text', { name: 'contact_phone', nullable: true })
  contactPhone!: string | null;

  @Column('text', { name: 'contact_email', nullable: true })
  contactEmail!: string | null;

  @Column('jsonb', { name: 'weekly_hours' })
  weeklyHours!: WeeklyHours;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
