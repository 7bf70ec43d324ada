import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType('ClinicContact', { description: "How to reach the clinic's front desk." })
export class ClinicContactModel {
  @Field(() => String, { nullable: true })
  phone!: string | null;

  @Field(() => String, { nullable: true })
  email!: string | null;
}
