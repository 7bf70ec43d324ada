import { Field, InputType } from '@nestjs/graphql';

@InputType({
  description:
    'What clinic staff must know to link a client who does not attend one of their clinics yet: the date of birth, and the email or both names. Checked against the record (case-insensitive); a mismatch is CLIENT_IDENTITY_MISMATCH and changes nothing.',
})
export class ClientIdentityProofInput {
  @Field({ description: 'YYYY-MM-DD.' })
  dateOfBirth!: string;

  @Field(() => String, { nullable: true })
  email?: string | null;

  @Field(() => String, { nullable: true, description: 'With familyName.' })
  givenName?: string | null;

  @Field(() => String, { nullable: true, description: 'With givenName.' })
  familyName?: string | null;
}
