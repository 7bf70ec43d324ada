import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { BookingStatusEnum } from '../bookings/booking.model';

export enum BookingAttentionCauseEnum {
  therapist_time_off = 'therapist_time_off',
  certification_expired = 'certification_expired',
  certification_revoked = 'certification_revoked',
}
registerEnumType(BookingAttentionCauseEnum, {
  name: 'BookingAttentionCause',
  description:
    'Why a booking needs rescheduling: the therapist has approved time off over it, or a certification its treatment needs expired or was revoked by its date.',
});

@ObjectType('BookingNeedingAttention', {
  description:
    'A future booking the clinic must reschedule or cancel (it is NOT cancelled automatically). One entry per cause.',
})
export class BookingNeedingAttentionModel {
  @Field(() => ID) bookingId!: string;
  @Field(() => ID) clinicId!: string;
  @Field(() => ID) clientId!: string;
  @Field(() => ID) therapistId!: string;
  @Field(() => ID) treatmentId!: string;
  @Field(() => BookingStatusEnum) status!: BookingStatusEnum;
  @Field() startsAt!: Date;
  @Field() endsAt!: Date;
  @Field({ description: 'Clinic wall-clock start, YYYY-MM-DDTHH:mm.' }) localStart!: string;
  @Field({ description: 'Clinic wall-clock end, YYYY-MM-DDTHH:mm.' }) localEnd!: string;
  @Field() timezone!: string;
  @Field(() => BookingAttentionCauseEnum) cause!: BookingAttentionCauseEnum;
  @Field({ description: 'When the booking was flagged.' }) raisedAt!: Date;
}
