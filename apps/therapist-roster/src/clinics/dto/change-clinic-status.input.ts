import { Field, ID, InputType } from '@nestjs/graphql';
import { ClinicStatusEnum } from '../clinic.model';
import type { ClinicStatus } from '../domain/clinic-status';

@InputType()
export class ChangeClinicStatusInput {
  @Field(() => ID)
  clinicId!: string;

  @Field(() => ClinicStatusEnum)
  status!: ClinicStatus;
}
