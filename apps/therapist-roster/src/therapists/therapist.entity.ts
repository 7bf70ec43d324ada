import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { Profession } from './domain/profession';
import type { Specialty } from './domain/specialty';
import type { TherapistStatus } from './domain/therapist-status';

@Entity({ name: 'therapist' })
export class TherapistEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text', { name: 'given_name' })
  givenName!: string;

  @Column('text', { name: 'family_name' })
  familyName!: string;

  @Column('text')
  email!: string;

  @Column('text', { nullable: true })
  phone!: string | null;

  @Column('text')
  profession!: Profession;

  @Column('text', { name: 'hcpc_number', nullable: true })
  hcpcNumber!: string | null;

  @Column('text', { array: true })
  specialties!: Specialty[];

  @Column('text')
  status!: TherapistStatus;

  /** "YYYY-MM-DD" (TypeORM returns date columns as strings). */
  @Column('date', { name: 'left_on', nullable: true })
  leftOn!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
