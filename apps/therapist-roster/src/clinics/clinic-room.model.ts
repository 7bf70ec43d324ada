import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ROOM_STATUSES, RoomStatus } from './domain/room';

export const ClinicRoomStatusEnum = Object.fromEntries(ROOM_STATUSES.map((s) => [s, s])) as {
  [K in RoomStatus]: K;
};
registerEnumType(ClinicRoomStatusEnum, { name: 'ClinicRoomStatus' });

@ObjectType('ClinicRoom', { description: 'A treatment room; retired rooms are kept for history.' })
export class ClinicRoomModel {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  clinicId!: string;

  @Field()
  name!: string;

  @Field(() => ClinicRoomStatusEnum)
  status!: RoomStatus;

  @Field()
  addedAt!: Date;

  @Field(() => Date, { nullable: true })
  retiredAt!: Date | null;
}
