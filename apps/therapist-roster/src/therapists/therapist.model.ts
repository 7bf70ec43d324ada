import { Directive, Field, ID, ObjectType } from '@nestjs/graphql';
import type { Profession } from './domain/profession';
import type { Specialty } from './domain/specialty';
import type { TherapistStatus } from './domain/therapist-status';
import { ProfessionEnum, SpecialtyEnum, TherapistStatusEnum } from './therapist-enums';

@ObjectType('Therapist', { description: 'A therapist of the network. Owned by therapist-roster.' })
@Directive('@key(fields: "id")')
export class TherapistModel {
  @Field(() => ID)
  id!: string;

  @Field()
  givenName!: string;

  @Field()
  familyName!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Contact email; null for integrators and clients, who never see contact details.',
  })
  email!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Contact phone; null when not given, and always null for integrators and clients.',
  })
  phone!: string | null;

  @Field(() => ProfessionEnum)
  profession!: Profession;

  @Field(() => String, {
    nullable: true,
    description: 'HCPC registration number ("PH" and 5–6 digits); required for physiotherapists.',
  })
  hcpcNumber!: string | null;

  @Field(() => [SpecialtyEnum])
  specialties!: Specialty[];

  @Field(() => [ID], { description: 'Clinics the therapist works at, oldest assignment first.' })
  clinicIds!: string[];

  @Field(() => TherapistStatusEnum)
  status!: TherapistStatus;

  @Field()
  joinedAt!: Date;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; set when status is "left".' })
  leftOn!: string | null;
}
