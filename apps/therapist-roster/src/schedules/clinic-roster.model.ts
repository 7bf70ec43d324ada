import { Field, ID, ObjectType } from '@nestjs/graphql';
import { RosterShiftModel } from './roster-shift.model';

@ObjectType('ClinicRoster', {
  description:
    "A clinic's roster: who works when, in local time and UTC, with approved time off applied.",
})
export class ClinicRosterModel {
  @Field(() => ID)
  clinicId!: string;

  @Field()
  timezone!: string;

  @Field()
  from!: string;

  @Field()
  to!: string;

  @Field(() => [RosterShiftModel], { description: 'In start order.' })
  shifts!: RosterShiftModel[];
}
