import { Field, ID, InputType } from '@nestjs/graphql';
import { ShiftInput } from './shift.input';

@InputType()
export class SetWorkingPatternInput {
  @Field(() => ID)
  therapistId!: string;

  @Field(() => ID)
  clinicId!: string;

  @Field({
    description:
      'Clinic-local date (YYYY-MM-DD) the new pattern starts; everything from it on is replaced.',
  })
  effectiveFrom!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Last date of the new pattern, included; omit for until further notice.',
  })
  effectiveTo?: string | null;

  @Field(() => [ShiftInput], { description: 'Empty: the therapist stops working there.' })
  shifts!: ShiftInput[];
}
