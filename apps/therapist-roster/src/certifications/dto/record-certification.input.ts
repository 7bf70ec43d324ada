import { Field, ID, InputType } from '@nestjs/graphql';

@InputType()
export class RecordCertificationInput {
  @Field(() => ID)
  therapistId!: string;

  @Field({
    description:
      'snake_case, e.g. hcpc_registration, pnf_level_1, pnf_level_2, first_aid, chronic_pain_cpd.',
  })
  type!: string;

  @Field({ description: 'YYYY-MM-DD' })
  issuedOn!: string;

  @Field(() => String, {
    nullable: true,
    description: 'YYYY-MM-DD, after issuedOn; leave out if it does not expire.',
  })
  expiresOn?: string | null;

  @Field({ description: 'Reference of the certificate scan in the document store.' })
  evidenceReference!: string;
}
