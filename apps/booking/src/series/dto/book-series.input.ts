import { Field, ID, InputType, Int } from '@nestjs/graphql';

@InputType()
export class BookSeriesInput {
  @Field(() => ID) clientId!: string;
  @Field(() => ID) clinicId!: string;
  @Field(() => ID) treatmentId!: string;
  @Field(() => ID) therapistId!: string;
  @Field(() => ID, {
    nullable: true,
    description: 'Take sessionsPerWeek and weeks from this active care plan of the client.',
  })
  carePlanId?: string | null;
  @Field(() => Int, { nullable: true, description: '1–5; needed without a care plan.' })
  sessionsPerWeek?: number | null;
  @Field(() => Int, { nullable: true, description: '1–26; needed without a care plan.' })
  weeks?: number | null;
  @Field(() => [String], {
    description: 'Exactly sessionsPerWeek distinct weekdays: monday … sunday.',
  })
  preferredWeekdays!: string[];
  @Field({ description: 'Clinic-local "HH:MM" on the 15-minute grid, e.g. "10:00".' })
  preferredTime!: string;
  @Field({ description: 'Clinic-local date YYYY-MM-DD: the first day of the first week.' })
  startsOn!: string;
  @Field({ description: 'A new random key per request; the same key on a retry.' })
  idempotencyKey!: string;
}
