import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { BookingStatus, CancelledBy } from './domain/booking-status';

/**
 * One appointment. Busy periods for availability: `[startsAt, blocksUntil)` for therapistId
 * and roomId while status is held, confirmed or checked_in (see ACTIVE_BOOKING_STATUSES);
 * PostgreSQL excludes overlaps (migration 1763920200000).
 */
@Entity({ name: 'booking' })
export class BookingEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'clinic_id' })
  clinicId!: string;

  @Column('uuid', { name: 'client_id' })
  clientId!: string;

  @Column('uuid', { name: 'therapist_id' })
  therapistId!: string;

  @Column('uuid', { name: 'room_id' })
  roomId!: string;

  @Column('uuid', { name: 'treatment_id' })
  treatmentId!: string;

  @Column('timestamptz', { name: 'starts_at' })
  startsAt!: Date;

  /** End of the treatment itself. */
  @Column('timestamptz', { name: 'ends_at' })
  endsAt!: Date;

  /** endsAt + the treatment's buffer after: the therapist and room are busy until then. */
  @Column('timestamptz', { name: 'blocks_until' })
  blocksUntil!: Date;

  @Column('text')
  status!: BookingStatus;

  @Column('timestamptz', { name: 'hold_expires_at', nullable: true })
  holdExpiresAt!: Date | null;

  @Column('integer', { name: 'price_pence' })
  pricePence!: number;

  @Column('text')
  currency!: string;

  /** "YYYY-MM-DDTHH:mm" in the clinic's timezone. */
  @Column('text', { name: 'local_start' })
  localStart!: string;

  @Column('text', { name: 'local_end' })
  localEnd!: string;

  @Column('text')
  timezone!: string;

  @Column('text', { name: 'cancelled_by', nullable: true })
  cancelledBy!: CancelledBy | null;

  @Column('text', { name: 'cancellation_reason', nullable: true })
  cancellationReason!: string | null;

  @Column('timestamptz', { name: 'cancelled_at', nullable: true })
  cancelledAt!: Date | null;

  @Column('boolean', { name: 'late_cancellation', nullable: true })
  lateCancellation!: boolean | null;

  @Column('integer', { name: 'late_fee_pence', nullable: true })
  lateFeePence!: number | null;

  /** The cancellation policy that judged the cancellation (migration 1763921200000). */
  @Column('integer', { name: 'late_fee_percent', nullable: true })
  lateFeePercent!: number | null;

  @Column('integer', { name: 'late_window_hours', nullable: true })
  lateWindowHours!: number | null;

  @Column('uuid', { name: 'series_id', nullable: true })
  seriesId!: string | null;

  @Column('text', { name: 'created_by_subject' })
  createdBySubject!: string;

  @Column('text', { name: 'created_by_role' })
  createdByRole!: string;

  @Column('timestamptz', { name: 'confirmed_at', nullable: true })
  confirmedAt!: Date | null;

  @Column('timestamptz', { name: 'checked_in_at', nullable: true })
  checkedInAt!: Date | null;

  @Column('timestamptz', { name: 'completed_at', nullable: true })
  completedAt!: Date | null;

  @Column('timestamptz', { name: 'no_show_at', nullable: true })
  noShowAt!: Date | null;

  @Column('integer')
  version!: number;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;
}
