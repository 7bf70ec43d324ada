import { Field, ID, InputType } from '@nestjs/graphql';
import { ClientAddressInput, EmergencyContactInput, GpPracticeInput } from './client-details.input';

@InputType()
export class RegisterClientInput {
  @Field(() => ID, { description: 'The clinic the client registers at (known and not closed).' })
  clinicId!: string;

  @Field()
  givenName!: string;

  @Field()
  familyName!: string;

  @Field({ description: 'YYYY-MM-DD; not in the future, at most 120 years ago.' })
  dateOfBirth!: string;

  @Field(() => String, { nullable: true, description: 'Email or phone (or both) is required.' })
  email?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'UK formats (07700 900123, 0113 496 0000, +44 ...) or +international; stored as E.164.',
  })
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
    description:
      'Set true to register even though CLIENT_LIKELY_DUPLICATE was reported, after checking the existing record is a different person.',
  })
  confirmNotDuplicate?: boolean | null;
}
