import { Field, ID, InputType, Int } from '@nestjs/graphql';

@InputType()
export class CarePlanInput {
  @Field(() => [String], { description: 'At least one, e.g. "walk 30 minutes without pain".' })
  goals!: string[];

  @Field(() => [String], {
    description:
      'At least one of lower_back_pain, sciatica, neck_shoulder, fibromyalgia, osteoarthritis, sports_injury, other',
  })
  targetConditions!: string[];

  @Field(() => Int, { description: 'Initial phase: sessions a week, 1-5.' })
  sessionsPerWeek!: number;

  @Field(() => Int, { description: 'Initial phase: weeks, 1-26.' })
  weeks!: number;

  @Field(() => Int, {
    nullable: true,
    description: 'Maintenance: one session every N weeks (1-12); leave out for none.',
  })
  maintenanceEveryWeeks?: number | null;

  @Field(() => ID, { nullable: true })
  preferredTherapistId?: string | null;

  @Field({ description: 'YYYY-MM-DD' })
  startsOn!: string;

  @Field({ description: 'YYYY-MM-DD, after startsOn' })
  reviewOn!: string;

  @Field(() => String, {
    nullable: true,
    description: 'active (default), completed or discontinued',
  })
  status?: string | null;
}

@InputType()
export class CreateCarePlanInput extends CarePlanInput {
  @Field(() => ID, {
    nullable: true,
    description: "One of the client's clinics; may be left out when they attend only one.",
  })
  clinicId?: string | null;
}
