import { Field, ID, InputType, Int } from '@nestjs/graphql';
import type { Condition, ConditionDuration, RedFlag } from '../domain/screening-terms';
import { ConditionDurationEnum, RedFlagEnum, ScreeningConditionEnum } from '../screening-enums';

@InputType()
export class RecordScreeningInput {
  @Field(() => ID, {
    nullable: true,
    description:
      "The clinic screening the client: one of the client's clinics. Default: the first of the client's clinics you work at.",
  })
  clinicId?: string | null;

  @Field(() => [ScreeningConditionEnum], { description: 'At least one.' })
  conditions!: Condition[];

  @Field(() => String, {
    nullable: true,
    description: 'Required with the condition `other`, 1–200 characters; otherwise leave out.',
  })
  otherConditionDescription?: string | null;

  @Field(() => ConditionDurationEnum)
  duration!: ConditionDuration;

  @Field(() => Int, { description: 'NPRS 0 (no pain) to 10 (worst pain imaginable).' })
  baselinePain!: number;

  @Field(() => [String], {
    nullable: true,
    description: 'Current medications, name and dose, up to 30; empty or left out for none.',
  })
  medications?: string[] | null;

  @Field(() => [RedFlagEnum], { description: 'Every red flag the client answered yes to.' })
  redFlags!: RedFlag[];

  @Field({ description: 'YYYY-MM-DD, the day of the screening; not in the future.' })
  screenedOn!: string;
}
