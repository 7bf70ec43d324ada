import { Field, InputType } from '@nestjs/graphql';
import { OpeningTimeRangeInput } from './opening-time-range.input';

@InputType()
export class OpeningHoursExceptionInput {
  @Field({ description: "Calendar date in the clinic's timezone, YYYY-MM-DD." })
  date!: string;

  @Field(() => [OpeningTimeRangeInput], { description: 'Empty: closed all day.' })
  ranges!: OpeningTimeRangeInput[];

  @Field({ description: 'e.g. "Christmas Day" or "Late opening".' })
  reason!: string;
}
