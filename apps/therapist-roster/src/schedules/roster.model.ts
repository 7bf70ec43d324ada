import { Field, ObjectType } from '@nestjs/graphql';
import { RosterShiftModel } from './roster-shift.model';

@ObjectType('Roster', { description: 'Who works when, with approved time off applied.' })
export class RosterModel {
  @Field({ description: 'First clinic-local date, included.' })
  from!: string;

  @Field({ description: 'Last clinic-local date, included.' })
  to!: string;

  @Field(() => [RosterShiftModel], { description: 'In start order.' })
  shifts!: RosterShiftModel[];
}
