import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('ErasureRequest', {
  description:
    "A client's UK GDPR erasure request: personal details were removed at requestedAt; the clinical records are kept until retentionUntil and purged then.",
})
export class ErasureRequestModel {
  @Field(() => ID)
  clientId!: string;

  @Field()
  requestedAt!: Date;

  @Field(() => String, {
    nullable: true,
    description: 'The last day of treatment (YYYY-MM-DD) the retention date counts from.',
  })
  lastTreatmentOn!: string | null;

  @Field({
    description:
      'Which retention rule applied: adult, child_25th_birthday, child_26th_birthday, never_treated or unknown_age.',
  })
  retentionRule!: string;

  @Field({ description: 'The day (YYYY-MM-DD) the clinical records are purged.' })
  retentionUntil!: string;

  @Field(() => Date, { nullable: true })
  purgedAt!: Date | null;
}
