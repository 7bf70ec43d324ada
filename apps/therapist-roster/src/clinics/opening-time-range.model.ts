import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType('OpeningTimeRange', {
  description: "A half-open wall-clock range [start, end) in the clinic's timezone.",
})
export class OpeningTimeRangeModel {
  @Field({ description: 'HH:MM, 24-hour.' })
  start!: string;

  @Field({ description: 'HH:MM, 24-hour; 24:00 is midnight at the end of the day.' })
  end!: string;
}
