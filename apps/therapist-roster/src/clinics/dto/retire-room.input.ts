import { Field, ID, InputType } from '@nestjs/graphql';

@InputType()
export class RetireRoomInput {
  @Field(() => ID)
  clinicId!: string;

  @Field(() => ID)
  roomId!: string;
}
