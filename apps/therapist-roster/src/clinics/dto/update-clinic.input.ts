import { Field, ID, InputType } from '@nestjs/graphql';
import { ClinicAddressInput } from './clinic-address.input';
import { ClinicContactInput } from './clinic-contact.input';

@InputType({ description: 'Give at least one field; omitted fields stay as they are.' })
export class UpdateClinicInput {
  @Field(() => ID)
  clinicId!: string;

  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => ClinicAddressInput, { nullable: true, description: 'Replaces the address.' })
  address?: ClinicAddressInput | null;

  @Field(() => ClinicContactInput, {
    nullable: true,
    description: 'Replaces the contact; null removes it.',
  })
  contact?: ClinicContactInput | null;
}
