import { Field, ID, InputType } from '@nestjs/graphql';

@InputType()
export class RemoveHoursExceptionInput {
  @Field(() => ID)
  clinicId!: string;

  @Field({ description: 'The date of the exception to remove, YYYY-MM-DD.' })
  date!: string;
}
