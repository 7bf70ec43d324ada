import { Field, ID, InputType } from '@nestjs/graphql';
import type { Profession } from '../domain/profession';
import type { Specialty } from '../domain/specialty';
import { ProfessionEnum, SpecialtyEnum } from '../therapist-enums';

@InputType()
export class AddTherapistInput {
  @Field()
  givenName!: string;

  @Field()
  familyName!: string;

  @Field()
  email!: string;

  @Field(() => String, { nullable: true })
  phone?: string | null;

  @Field(() => ProfessionEnum)
  profession!: Profession;

  @Field(() => String, {
    nullable: true,
    description: 'Required for physiotherapists: "PH" and 5–6 digits, e.g. PH123456.',
  })
  hcpcNumber?: string | null;

  @Field(() => [SpecialtyEnum], { nullable: true })
  specialties?: Specialty[] | null;

  @Field(() => [ID], {
    description: 'At least one; a clinic manager may name only their own clinics.',
  })
  clinicIds!: string[];
}
