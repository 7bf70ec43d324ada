import { Field, ID, InputType } from '@nestjs/graphql';
import { WeeklyOpeningHoursInput } from './weekly-opening-hours.input';

@InputType()
export class SetOpeningHoursInput {
  @Field(() => ID)
  clinicId!: string;

  @Field(() => WeeklyOpeningHoursInput, { description: 'The whole week; replaces the current.' })
  openingHours!: WeeklyOpeningHoursInput;
}
