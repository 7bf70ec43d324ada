import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Caller, CurrentCaller, Roles } from '@app/auth';
import { RequestTimeOffInput } from './dto/request-time-off.input';
import { toTimeOffModel } from './schedule-model-mappers';
import { TimeOffModel } from './time-off.model';
import { TimeOffService } from './time-off.service';

@Resolver(() => TimeOffModel)
export class TimeOffResolver {
  constructor(private readonly service: TimeOffService) {}

  @Mutation(() => TimeOffModel, {
    description:
      'A therapist requests their own time off (or their manager or head office for them). Starts "requested".',
  })
  @Roles('head_office_admin', 'clinic_manager', 'therapist')
  async requestTimeOff(
    @CurrentCaller() caller: Caller,
    @Args('input') input: RequestTimeOffInput,
  ): Promise<TimeOffModel> {
    return toTimeOffModel(await this.service.requestTimeOff(caller, input));
  }

  @Mutation(() => TimeOffModel, {
    description:
      'A manager of a clinic the therapist works at, or head office, approves. Publishes time_off.approved.',
  })
  @Roles('head_office_admin', 'clinic_manager')
  async approveTimeOff(
    @CurrentCaller() caller: Caller,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<TimeOffModel> {
    return toTimeOffModel(await this.service.approveTimeOff(caller, id));
  }

  @Mutation(() => TimeOffModel, {
    description: 'A manager of a clinic the therapist works at, or head office, rejects.',
  })
  @Roles('head_office_admin', 'clinic_manager')
  async rejectTimeOff(
    @CurrentCaller() caller: Caller,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<TimeOffModel> {
    return toTimeOffModel(await this.service.rejectTimeOff(caller, id));
  }

  @Mutation(() => TimeOffModel, {
    description:
      'The therapist, their manager or head office cancels requested or approved time off. Publishes time_off.cancelled.',
  })
  @Roles('head_office_admin', 'clinic_manager', 'therapist')
  async cancelTimeOff(
    @CurrentCaller() caller: Caller,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<TimeOffModel> {
    return toTimeOffModel(await this.service.cancelTimeOff(caller, id));
  }

  @Query(() => [TimeOffModel], {
    description:
      "A therapist's time off, newest first: for them, managers of their clinics and head office.",
  })
  async therapistTimeOff(
    @CurrentCaller() caller: Caller,
    @Args('therapistId', { type: () => ID }) therapistId: string,
  ): Promise<TimeOffModel[]> {
    return (await this.service.listForTherapist(caller, therapistId)).map(toTimeOffModel);
  }
}
