import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { BOOKING_STATUSES } from './domain/booking-status';

export enum BookingStatusEnum {
  held = 'held',
  confirmed = 'confirmed',
  checked_in = 'checked_in',
  completed = 'completed',
  cancelled = 'cancelled',
  no_show = 'no_show',
  hold_expired = 'hold_expired',
}
registerEnumType(BookingStatusEnum, { name: 'BookingStatus' });
void BOOKING_STATUSES;

export enum CancellationReasonEnum {
  client_request = 'client_request',
  illness = 'illness',
  clinic_closure = 'clinic_closure',
  therapist_unavailable = 'therapist_unavailable',
  other = 'other',
}
registerEnumType(CancellationReasonEnum, { name: 'CancellationReason' });

/**
 * A booking. `client` and `therapist` are entity references added by
 * BookingReferencesResolver: client-record and therapist-roster resolve them.
 */
@ObjectType('Booking')
export class BookingModel {
  @Field(() => ID) id!: string;
  @Field(() => ID) clinicId!: string;
  @Field(() => ID) clientId!: string;
  @Field(() => ID) therapistId!: string;
  @Field(() => ID) roomId!: string;
  @Field(() => ID) treatmentId!: string;
  @Field({ description: 'UTC start.' }) startsAt!: Date;
  @Field({ description: 'UTC end of the treatment (buffer not included).' }) endsAt!: Date;
  @Field({ description: 'Clinic wall clock "YYYY-MM-DDTHH:MM".' }) localStart!: string;
  @Field() localEnd!: string;
  @Field() timezone!: string;
  @Field(() => BookingStatusEnum) status!: BookingStatusEnum;
  @Field(() => Date, { nullable: true }) holdExpiresAt!: Date | null;
  @Field(() => Int) pricePence!: number;
  @Field() currency!: string;
  @Field(() => String, { nullable: true }) cancelledBy!: string | null;
  @Field(() => Boolean, { nullable: true }) lateCancellation!: boolean | null;
  @Field(() => Int, { nullable: true }) lateFeePence!: number | null;
  @Field(() => Int, {
    nullable: true,
    description:
      "The clinic's late-cancellation policy that judged the cancellation: fee as % of the price.",
  })
  lateFeePercent!: number | null;
  @Field(() => Int, {
    nullable: true,
    description: 'The late window (hours before the start) of the policy that judged it.',
  })
  lateWindowHours!: number | null;
  @Field(() => ID, {
    nullable: true,
    description:
      'The booking series (bookSeries) this session belongs to; null for a single booking.',
  })
  seriesId!: string | null;
  @Field(() => Int) version!: number;
}
