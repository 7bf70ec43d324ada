import { Field, InputType } from '@nestjs/graphql';

@InputType()
export class ClinicAddressInput {
  @Field()
  line1!: string;

  @Field(() => String, { nullable: true })
  line2?: string | null;

  @Field()
  city!: string;

  @Field({ description: 'UK postcode, any case and spacing: ls14ap becomes LS1 4AP.' })
  postcode!: string;
}
