import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { Weekday } from '../clinics/domain/opening-hours';
import { WeekdayEnum } from './schedule-enums';

@ObjectType('PatternShift', { description: 'A weekly shift in the clinic wall-clock time.' })
export class PatternShiftModel {
  @Field(() => ID)
  id!: string;

  @Field(() => WeekdayEnum)
  weekday!: Weekday;

  @Field({ description: '"HH:MM", clinic wall-clock time.' })
  start!: string;

  @Field({ description: '"HH:MM"; "24:00" is midnight at the end of the day.' })
  end!: string;

  @Field({ description: 'First clinic-local date the shift applies (YYYY-MM-DD).' })
  effectiveFrom!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Last date it applies; null: until further notice.',
  })
  effectiveTo!: string | null;
}
