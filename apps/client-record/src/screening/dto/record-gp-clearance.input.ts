import { Field, InputType } from '@nestjs/graphql';

@InputType()
export class RecordGpClearanceInput {
  @Field({ description: "YYYY-MM-DD, the date on the GP's letter; on or after the screening." })
  clearedOn!: string;

  @Field({ description: 'The GP (or practice) who cleared the client, 1–200 characters.' })
  gpName!: string;

  @Field(() => String, { nullable: true, description: 'The GP practice, up to 200 characters.' })
  gpPractice?: string | null;

  @Field(() => String, { nullable: true, description: 'What the GP said to avoid, if anything.' })
  note?: string | null;
}
