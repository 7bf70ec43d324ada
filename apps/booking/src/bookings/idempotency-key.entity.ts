import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One idempotency key per caller: the first request's hash and result. */
@Entity({ name: 'idempotency_key' })
export class IdempotencyKeyEntity {
  @PrimaryColumn('text', { name: 'caller_subject' })
  callerSubject!: string;

  @PrimaryColumn('text')
  key!: string;

  @Column('text')
  operation!: string;

  @Column('text', { name: 'request_hash' })
  requestHash!: string;

  @Column('uuid', { name: 'booking_id', nullable: true })
  bookingId!: string | null;

  @Column('jsonb', { nullable: true })
  response!: unknown;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;
}
