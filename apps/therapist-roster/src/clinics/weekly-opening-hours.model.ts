import { Field, ObjectType } from '@nestjs/graphql';
import { OpeningTimeRangeModel } from './opening-time-range.model';

@ObjectType('WeeklyOpeningHours', {
  description: 'Opening ranges per weekday, sorted; an empty list is a closed day.',
})
export class WeeklyOpeningHoursModel {
  @Field(() => [OpeningTimeRangeModel])
  monday!: OpeningTimeRangeModel[];

  @Field(() => [OpeningTimeRangeModel])
  tuesday!: OpeningTimeRangeModel[];

  @Field(() => [OpeningTimeRangeModel])
  wednesday!: OpeningTimeRangeModel[];

  @Field(() => [OpeningTimeRangeModel])
  thursday!: OpeningTimeRangeModel[];

  @Field(() => [OpeningTimeRangeModel])
  friday!: OpeningTimeRangeModel[];

  @Field(() => [OpeningTimeRangeModel])
  saturday!: OpeningTimeRangeModel[];

  @Field(() => [OpeningTimeRangeModel])
  sunday!: OpeningTimeRangeModel[];
}
