import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType('ClinicAddress')
export class ClinicAddressModel {
  @Field()
  line1!: string;

  @Field(() => String, { nullable: true })
  line2!: string | null;

  @Field()
  city!: string;

  @Field({ description: 'UK postcode in standard form, e.g. LS1 4AP.' })
  postcode!: string;
}
