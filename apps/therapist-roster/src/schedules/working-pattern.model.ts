import { Field, ID, ObjectType } from '@nestjs/graphql';
import { PatternShiftModel } from './pattern-shift.model';

@ObjectType('WorkingPattern', {
  description: "A therapist's full weekly pattern at one clinic: every shift of every period.",
})
export class WorkingPatternModel {
  @Field(() => ID)
  therapistId!: string;

  @Field(() => ID)
  clinicId!: string;

  @Field({ description: 'IANA timezone the shift times are in.' })
  timezone!: string;

  @Field(() => [PatternShiftModel])
  shifts!: PatternShiftModel[];
}
