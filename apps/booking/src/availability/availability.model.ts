import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('AvailableSlot', {
  description:
    'A bookable slot: the treatment runs startsAt..endsAt; the therapist and room also stay free for the buffer after.',
})
export class AvailableSlotModel {
  @Field({ description: 'Start instant (UTC); pass it unchanged to book the slot.' })
  startsAt!: Date;

  @Field({ description: 'End of the treatment (UTC), buffer not included.' })
  endsAt!: Date;

  @Field({ description: 'Clinic wall clock at the start, "YYYY-MM-DDTHH:MM".' })
  localStart!: string;

  @Field({ description: 'Clinic wall clock at the end, "YYYY-MM-DDTHH:MM".' })
  localEnd!: string;

  @Field({
    description:
      'The clinic\'s UTC offset at the start, e.g. "+01:00"; tells apart the two 01:30s of the night the clocks go back.',
  })
  utcOffset!: string;

  @Field(() => ID)
  therapistId!: string;

  @Field(() => ID)
  roomId!: string;
}
