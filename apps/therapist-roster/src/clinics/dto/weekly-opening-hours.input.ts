import { Field, InputType } from '@nestjs/graphql';
import { OpeningTimeRangeInput } from './opening-time-range.input';

/** Every weekday is given: an empty list is a closed day, so none is closed by omission. */
@InputType({ description: "Opening ranges per weekday in the clinic's wall-clock time." })
export class WeeklyOpeningHoursInput {
  @Field(() => [OpeningTimeRangeInput])
  monday!: OpeningTimeRangeInput[];

  @Field(() => [OpeningTimeRangeInput])
  tuesday!: OpeningTimeRangeInput[];

  @Field(() => [OpeningTimeRangeInput])
  wednesday!: OpeningTimeRangeInput[];

  @Field(() => [OpeningTimeRangeInput])
  thursday!: OpeningTimeRangeInput[];

  @Field(() => [OpeningTimeRangeInput])
  friday!: OpeningTimeRangeInput[];

  @Field(() => [OpeningTimeRangeInput])
  saturday!: OpeningTimeRangeInput[];

  @Field(() => [OpeningTimeRangeInput])
  sunday!: OpeningTimeRangeInput[];
}
