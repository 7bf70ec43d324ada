import { Field, InputType } from '@nestjs/graphql';

@InputType()
export class ClientAddressInput {
  @Field()
  line1!: string;

  @Field(() => String, { nullable: true })
  line2?: string | null;

  @Field()
  town!: string;

  @Field({ description: 'A UK postcode, any case and spacing, e.g. "ls1 4ap".' })
  postcode!: string;
}

@InputType()
export class GpPracticeInput {
  @Field()
  name!: string;

  @Field(() => String, { nullable: true })
  address?: string | null;

  @Field(() => String, { nullable: true })
  phone?: string | null;
}

@InputType()
export class EmergencyContactInput {
  @Field()
  name!: string;

  @Field({ description: 'e.g. "partner", "daughter".' })
  relationship!: string;

  @Field()
  phone!: string;
}
