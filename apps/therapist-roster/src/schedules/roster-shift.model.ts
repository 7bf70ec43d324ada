import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { Weekday } from '../clinics/domain/opening-hours';
import { WeekdayEnum } from './schedule-enums';

@ObjectType('RosterShift', {
  description:
    'A concrete shift (or the part of one left after approved time off) on a clinic-local date.',
})
export class RosterShiftModel {
  @Field(() => ID)
  therapistId!: string;

  @Field(() => ID)
  clinicId!: string;

  @Field(() => ID, { description: 'The weekly pattern shift this comes from.' })
  patternShiftId!: string;

  @Field({ description: 'Clinic-local date, YYYY-MM-DD.' })
  date!: string;

  @Field(() => WeekdayEnum)
  weekday!: Weekday;

  @Field({ description: 'IANA timezone of the clinic.' })
  timezone!: string;

  @Field({ description: 'Start as the clinic clocks show it, "HH:MM".' })
  localStart!: string;

  @Field({ description: 'End as the clinic clocks show it; "24:00" is midnight.' })
  localEnd!: string;

  @Field({ description: 'Start instant (UTC).' })
  startsAt!: Date;

  @Field({ description: 'End instant (UTC).' })
  endsAt!: Date;

  @Field(() => Int, {
    description: 'Real elapsed minutes (differs from wall time across a clock change).',
  })
  minutes!: number;
}
