import { Field, ID, InputType } from '@nestjs/graphql';

@InputType()
export class HoldBookingInput {
  @Field(() => ID) clinicId!: string;
  @Field(() => ID) treatmentId!: string;
  @Field(() => ID) therapistId!: string;
  @Field(() => ID, { nullable: true, description: 'Default: the first free active room.' })
  roomId?: string | null;
  @Field({ description: 'UTC start, on the 15-minute grid of the clinic wall clock.' })
  startsAt!: Date;
  @Field(() => ID) clientId!: string;
  @Field({ description: 'A new random key per request; the same key on a retry.' })
  idempotencyKey!: string;
}

@InputType()
export class RescheduleBookingInput {
  @Field() startsAt!: Date;
  @Field(() => ID, { nullable: true }) therapistId?: string | null;
}
