import { Field, ID, InputType } from '@nestjs/graphql';

@InputType()
export class AddRoomInput {
  @Field(() => ID)
  clinicId!: string;

  @Field({ description: "Unique among the clinic's active rooms (ignoring case)." })
  name!: string;
}
