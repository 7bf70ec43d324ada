import { Field, InputType } from '@nestjs/graphql';

@InputType()
export class RecordAdverseEventFollowUpInput {
  @Field({ description: 'How the client is and what was done. 1–2000 characters.' })
  note!: string;

  @Field(() => Date, {
    nullable: true,
    description: 'When the follow-up happened; default now. Not before the event or in the future.',
  })
  followedUpAt?: Date | null;

  @Field({ description: 'True when no further follow-up is needed.' })
  resolved!: boolean;
}
