import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CareRelationshipStatus } from './domain/client-scope';

/**
 * One booking's link between a client and a therapist, kept from booking events: `booked`
 * while the booking holds a slot, `treated` once it completed (kept for good), `released`
 * when it was cancelled, expired or missed before any treatment.
 */
@Entity({ name: 'care_relationship' })
export class CareRelationshipEntity {
  @PrimaryColumn({ name: 'booking_id', type: 'uuid' })
  bookingId!: string;

  @Column({ name: 'client_id', type: 'uuid' })
  clientId!: string;

  @Column({ name: 'therapist_id', type: 'uuid' })
  therapistId!: string;

  @Column({ name: 'clinic_id', type: 'uuid' })
  clinicId!: string;

  @Column({ type: 'text' })
  status!: CareRelationshipStatus;

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt!: Date;

  /**
   * When the newest booking event applied here happened (its `occurredAt`): an older event
   * never overwrites therapist, clinic or start. Null before any event set it.
   */
  @Column({ name: 'last_event_at', type: 'timestamptz', nullable: true })
  lastEventAt!: Date | null;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
