import { Field, ID, InputType } from '@nestjs/graphql';
import { OpeningHoursExceptionInput } from './opening-hours-exception.input';

@InputType()
export class AddHoursExceptionInput {
  @Field(() => ID)
  clinicId!: string;

  @Field(() => OpeningHoursExceptionInput)
  exception!: OpeningHoursExceptionInput;
}
