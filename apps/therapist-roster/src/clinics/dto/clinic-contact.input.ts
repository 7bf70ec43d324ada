import { Field, InputType } from '@nestjs/graphql';

@InputType()
export class ClinicContactInput {
  @Field(() => String, {
    nullable: true,
    description: 'UK number, e.g. 0113 496 0000 or +44 113 496 0000.',
  })
  phone?: string | null;

  @Field(() => String, { nullable: true })
  email?: string | null;
}
