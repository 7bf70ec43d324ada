import { Directive, Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('MessagingPolicy', { description: 'When a clinic may send non-urgent messages.' })
export class MessagingPolicyModel {
  @Field({ description: 'IANA timezone the quiet hours are in.' })
  timezone!: string;

  @Field({ description: 'Local time quiet hours start (HH:MM).' })
  quietHoursStart!: string;

  @Field({ description: 'Local time quiet hours end (HH:MM).' })
  quietHoursEnd!: string;
}

/** Notification's part of the Clinic entity, which therapist-roster owns. */
@ObjectType('Clinic')
@Directive('@key(fields: "id")')
export class ClinicModel {
  @Field(() => ID)
  id!: string;

  @Field(() => MessagingPolicyModel, {
    nullable: true,
    description: 'Null until notification has received the clinic through roster events.',
  })
  messagingPolicy?: MessagingPolicyModel | null;
}
