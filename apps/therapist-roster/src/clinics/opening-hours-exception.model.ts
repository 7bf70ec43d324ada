import { Field, ObjectType } from '@nestjs/graphql';
import { OpeningTimeRangeModel } from './opening-time-range.model';

@ObjectType('OpeningHoursException', {
  description: "Hours on one date that replace the weekday's: a bank holiday or special hours.",
})
export class OpeningHoursExceptionModel {
  @Field({ description: "Calendar date in the clinic's timezone, YYYY-MM-DD." })
  date!: string;

  @Field(() => [OpeningTimeRangeModel], { description: 'Empty: closed all day.' })
  ranges!: OpeningTimeRangeModel[];

  @Field()
  reason!: string;
}
