import { Field, ID, InputType } from '@nestjs/graphql';
import type { TimeOffKind } from '../domain/time-off';
import { TimeOffKindEnum } from '../schedule-enums';

@InputType({
  description:
    'The period either as startsAt/endsAt instants, or as clinic-local startDate/endDate with optional startTime (default 00:00) and endTime (default 24:00, end of endDate).',
})
export class RequestTimeOffInput {
  @Field(() => ID)
  therapistId!: string;

  @Field(() => TimeOffKindEnum)
  kind!: TimeOffKind;

  @Field(() => Date, { nullable: true })
  startsAt?: Date | null;

  @Field(() => Date, { nullable: true })
  endsAt?: Date | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, clinic-local.' })
  startDate?: string | null;

  @Field(() => String, { nullable: true, description: 'HH:MM, clinic-local.' })
  startTime?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, included.' })
  endDate?: string | null;

  @Field(() => String, { nullable: true, description: 'HH:MM, clinic-local; up to 24:00.' })
  endTime?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Private, up to 500 characters; never published.',
  })
  note?: string | null;
}
