import { Field, InputType } from '@nestjs/graphql';
import type { Profession } from '../domain/profession';
import type { Specialty } from '../domain/specialty';
import { ProfessionEnum, SpecialtyEnum } from '../therapist-enums';

@InputType({
  description:
    'Only the fields given change. null clears phone or hcpcNumber. A therapist may change only their own email and phone.',
})
export class UpdateTherapistInput {
  @Field(() => String, { nullable: true })
  givenName?: string | null;

  @Field(() => String, { nullable: true })
  familyName?: string | null;

  @Field(() => String, { nullable: true })
  email?: string | null;

  @Field(() => String, { nullable: true })
  phone?: string | null;

  @Field(() => ProfessionEnum, { nullable: true })
  profession?: Profession | null;

  @Field(() => String, { nullable: true })
  hcpcNumber?: string | null;

  @Field(() => [SpecialtyEnum], { nullable: true, description: 'Replaces the whole list.' })
  specialties?: Specialty[] | null;
}
