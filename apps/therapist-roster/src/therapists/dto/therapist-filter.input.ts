import { Field, ID, InputType } from '@nestjs/graphql';
import type { Profession } from '../domain/profession';
import type { Specialty } from '../domain/specialty';
import type { TherapistStatus } from '../domain/therapist-status';
import { ProfessionEnum, SpecialtyEnum, TherapistStatusEnum } from '../therapist-enums';

@InputType()
export class TherapistFilterInput {
  @Field(() => ID, { nullable: true, description: 'Therapists who work at this clinic.' })
  clinicId?: string | null;

  @Field(() => ProfessionEnum, { nullable: true })
  profession?: Profession | null;

  @Field(() => SpecialtyEnum, { nullable: true })
  specialty?: Specialty | null;

  @Field(() => TherapistStatusEnum, { nullable: true })
  status?: TherapistStatus | null;

  @Field(() => String, {
    nullable: true,
    description:
      'A certification type, e.g. pnf_level_2: therapists holding one that is current today (issued, not expired, not revoked).',
  })
  currentCertification?: string | null;
}
