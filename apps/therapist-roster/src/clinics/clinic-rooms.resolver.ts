import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Caller, CurrentCaller, Roles } from '@app/auth';
import { toRoomModel } from './clinic-model.mapper';
import { ClinicRoomModel } from './clinic-room.model';
import { ClinicRoomsService } from './clinic-rooms.service';
import { AddRoomInput } from './dto/add-room.input';
import { RetireRoomInput } from './dto/retire-room.input';

@Resolver()
export class ClinicRoomsResolver {
  constructor(private readonly rooms: ClinicRoomsService) {}

  @Mutation(() => ClinicRoomModel, {
    description: 'Head office or the clinic manager adds a treatment room. Publishes room.added.',
  })
  @Roles('head_office_admin', 'clinic_manager')
  async addRoom(
    @CurrentCaller() caller: Caller,
    @Args('input') input: AddRoomInput,
  ): Promise<ClinicRoomModel> {
    return toRoomModel(await this.rooms.addRoom(caller, input.clinicId, input.name));
  }

  @Mutation(() => ClinicRoomModel, {
    description:
      'Head office or the clinic manager retires a room; it stays for history. Publishes room.retired.',
  })
  @Roles('head_office_admin', 'clinic_manager')
  async retireRoom(
    @CurrentCaller() caller: Caller,
    @Args('input') input: RetireRoomInput,
  ): Promise<ClinicRoomModel> {
    return toRoomModel(await this.rooms.retireRoom(caller, input.clinicId, input.roomId));
  }
}
