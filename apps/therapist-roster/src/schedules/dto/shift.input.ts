import { Field, InputType } from '@nestjs/graphql';
import type { Weekday } from '../../clinics/domain/opening-hours';
import { WeekdayEnum } from '../schedule-enums';

@InputType()
export class ShiftInput {
  @Field(() => WeekdayEnum)
  weekday!: Weekday;

  @Field({ description: 'Clinic wall-clock time "HH:MM", e.g. 09:00.' })
  start!: string;

  @Field({ description: 'Clinic wall-clock time "HH:MM", after start; up to 24:00.' })
  end!: string;
}
