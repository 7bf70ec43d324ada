import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { TimeOffKind, TimeOffStatus } from './domain/time-off';
import { TimeOffKindEnum, TimeOffStatusEnum } from './schedule-enums';

@ObjectType('TimeOff', { description: "A therapist's holiday, sickness or training absence." })
export class TimeOffModel {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  therapistId!: string;

  @Field(() => TimeOffKindEnum)
  kind!: TimeOffKind;

  @Field(() => TimeOffStatusEnum)
  status!: TimeOffStatus;

  @Field({ description: 'Start instant (UTC).' })
  startsAt!: Date;

  @Field({ description: 'End instant (UTC), excluded.' })
  endsAt!: Date;

  @Field(() => String, {
    nullable: true,
    description: 'Private note; shown to the therapist, their managers and head office only.',
  })
  note!: string | null;
}
