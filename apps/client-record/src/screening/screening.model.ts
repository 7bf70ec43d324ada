import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type {
  Condition,
  ConditionDuration,
  RedFlag,
  ScreeningOutcome,
} from './domain/screening-terms';
import {
  ConditionDurationEnum,
  RedFlagEnum,
  ScreeningConditionEnum,
  ScreeningOutcomeEnum,
} from './screening-enums';

@ObjectType('Screening', {
  description:
    'A health screening at intake (clinical: treating therapists, clinic managers and head office; every read audited). Append-only: a new screening supersedes.',
})
export class ScreeningModel {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  clientId!: string;

  @Field(() => ID)
  clinicId!: string;

  @Field(() => [ScreeningConditionEnum])
  conditions!: Condition[];

  @Field(() => String, { nullable: true })
  otherConditionDescription!: string | null;

  @Field(() => ConditionDurationEnum)
  duration!: ConditionDuration;

  @Field(() => Int, { description: 'NPRS 0–10 at intake.' })
  baselinePain!: number;

  @Field(() => [String])
  medications!: string[];

  @Field(() => [RedFlagEnum])
  redFlags!: RedFlag[];

  @Field({ description: 'YYYY-MM-DD.' })
  screenedOn!: string;

  @Field({ description: 'YYYY-MM-DD: the last day this screening counts (12 months).' })
  validUntil!: string;

  @Field(() => ScreeningOutcomeEnum, {
    description: "The rules table's outcome for the red flags.",
  })
  outcome!: ScreeningOutcome;

  @Field(() => [String], { description: 'One reason per red flag, in words a clinician uses.' })
  outcomeReasons!: string[];

  @Field({ description: 'The login that recorded the screening.' })
  recordedBy!: string;

  @Field()
  recordedAt!: Date;
}
