import { Field, ID, InputType } from '@nestjs/graphql';

@InputType()
export class ClientSearchInput {
  @Field(() => String, {
    nullable: true,
    description:
      'An email (contains @, matched from the start), a phone number (digits, matched anywhere), or name words (each must start the given or family name). 2–100 characters.',
  })
  text?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only clients attending this clinic.' })
  clinicId?: string | null;
}
