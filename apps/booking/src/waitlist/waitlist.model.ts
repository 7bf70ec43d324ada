import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum WaitlistStatusEnum {
  waiting = 'waiting',
  offered = 'offered',
  booked = 'booked',
  offer_expired = 'offer_expired',
  offer_declined = 'offer_declined',
  left = 'left',
  expired = 'expired',
}
registerEnumType(WaitlistStatusEnum, {
  name: 'WaitlistStatus',
  valuesMap: {
    expired: {
      description:
        'The window passed while the entry was waiting, without an offer; join again with new dates.',
    },
  },
});

@ObjectType('WaitlistEntry')
export class WaitlistEntryModel {
  @Field(() => ID) id!: string;
  @Field(() => ID) clinicId!: string;
  @Field(() => ID) clientId!: string;
  @Field(() => ID) treatmentId!: string;
  @Field(() => ID, { nullable: true, description: 'Only this therapist; null: any.' })
  therapistId!: string | null;
  @Field({ description: 'First clinic-local date, "YYYY-MM-DD".' }) fromDate!: string;
  @Field({ description: 'Last clinic-local date, included.' }) toDate!: string;
  @Field(() => WaitlistStatusEnum) status!: WaitlistStatusEnum;
  @Field() joinedAt!: Date;
  @Field(() => ID, {
    nullable: true,
    description: 'The held booking offered; confirm it (confirmBooking) to take the slot.',
  })
  bookingId!: string | null;
  @Field(() => Date, { nullable: true }) offerExpiresAt!: Date | null;
}
