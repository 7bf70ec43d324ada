import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Caller, CurrentCaller, Roles } from '@app/auth';
import { ClinicHoursService } from './clinic-hours.service';
import { toClinicModel } from './clinic-model.mapper';
import { ClinicModel } from './clinic.model';
import { AddHoursExceptionInput } from './dto/add-hours-exception.input';
import { RemoveHoursExceptionInput } from './dto/remove-hours-exception.input';
import { SetOpeningHoursInput } from './dto/set-opening-hours.input';

@Resolver()
export class ClinicHoursResolver {
  constructor(private readonly hours: ClinicHoursService) {}

  @Mutation(() => ClinicModel, {
    description: "Head office replaces a clinic's weekly hours. Publishes clinic.hours_changed.",
  })
  @Roles('head_office_admin')
  async setOpeningHours(
    @CurrentCaller() caller: Caller,
    @Args('input') input: SetOpeningHoursInput,
  ): Promise<ClinicModel> {
    return toClinicModel(
      await this.hours.setOpeningHours(caller, input.clinicId, input.openingHours),
    );
  }

  @Mutation(() => ClinicModel, {
    description:
      'Head office adds a dated exception (bank holiday or special hours). Publishes clinic.hours_changed.',
  })
  @Roles('head_office_admin')
  async addHoursException(
    @CurrentCaller() caller: Caller,
    @Args('input') input: AddHoursExceptionInput,
  ): Promise<ClinicModel> {
    return toClinicModel(
      await this.hours.addHoursException(caller, input.clinicId, input.exception),
    );
  }

  @Mutation(() => ClinicModel, {
    description: 'Head office removes a dated exception. Publishes clinic.hours_changed.',
  })
  @Roles('head_office_admin')
  async removeHoursException(
    @CurrentCaller() caller: Caller,
    @Args('input') input: RemoveHoursExceptionInput,
  ): Promise<ClinicModel> {
    return toClinicModel(await this.hours.removeHoursException(caller, input.clinicId, input.date));
  }
}
