import { Field, ID, InputType } from '@nestjs/graphql';

@InputType()
export class JoinWaitlistInput {
  @Field(() => ID) clientId!: string;
  @Field(() => ID) clinicId!: string;
  @Field(() => ID) treatmentId!: string;
  @Field({ description: 'First clinic-local date "YYYY-MM-DD", today or later.' })
  fromDate!: string;
  @Field({ description: 'Last clinic-local date, included; at most 31 days in all.' })
  toDate!: string;
  @Field(() => ID, { nullable: true, description: 'Only this therapist; default any.' })
  therapistId?: string | null;
}
