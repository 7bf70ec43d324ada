import { Field, InputType } from '@nestjs/graphql';
import { ClientAddressInput, EmergencyContactInput, GpPracticeInput } from './client-details.input';

/** Fields left out stay as they are; optional parts given as null are removed. */
@InputType()
export class UpdateClientDetailsInput {
  @Field(() => String, { nullable: true })
  givenName?: string | null;

  @Field(() => String, { nullable: true })
  familyName?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD.' })
  dateOfBirth?: string | null;

  @Field(() => String, { nullable: true, description: 'null removes it (a phone must remain).' })
  email?: string | null;

  @Field(() => String, { nullable: true, description: 'null removes it (an email must remain).' })
  phone?: string | null;

  @Field(() => ClientAddressInput, { nullable: true })
  address?: ClientAddressInput | null;

  @Field(() => GpPracticeInput, { nullable: true })
  gpPractice?: GpPracticeInput | null;

  @Field(() => EmergencyContactInput, { nullable: true })
  emergencyContact?: EmergencyContactInput | null;

  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description: 'Set true to keep a change that CLIENT_LIKELY_DUPLICATE reported.',
  })
  confirmNotDuplicate?: boolean | null;
}
