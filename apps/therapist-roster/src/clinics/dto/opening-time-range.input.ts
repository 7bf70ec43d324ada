import { Field, InputType } from '@nestjs/graphql';

@InputType()
export class OpeningTimeRangeInput {
  @Field({ description: 'HH:MM, 24-hour, e.g. 09:00.' })
  start!: string;

  @Field({ description: 'HH:MM, 24-hour, after start; 24:00 is midnight.' })
  end!: string;
}
