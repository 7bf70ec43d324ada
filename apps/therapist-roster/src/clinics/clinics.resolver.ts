import { Args, ID, Mutation, Query, Parent, Resolver, ResolveReference } from '@nestjs/graphql';
import { Caller, CurrentCaller, Roles } from '@app/auth';
import { toClinicModel } from './clinic-model.mapper';
import { ClinicModel } from './clinic.model';
import { ClinicsService } from './clinics.service';
import { ChangeClinicStatusInput } from './dto/change-clinic-status.input';
import { OpenClinicInput } from './dto/open-clinic.input';
import { UpdateClinicInput } from './dto/update-clinic.input';

@Resolver(() => ClinicModel)
export class ClinicsResolver {
  constructor(private readonly service: ClinicsService) {}

  @Query(() => [ClinicModel], {
    description:
      'Clinics you may see: every clinic for head office, the clinics in your token for everyone else.',
  })
  async clinics(@CurrentCaller() caller: Caller): Promise<ClinicModel[]> {
    return (await this.service.listClinics(caller)).map(toClinicModel);
  }

  @Query(() => ClinicModel, {
    description: 'One clinic with its address, opening hours, exceptions and rooms.',
  })
  async clinic(
    @CurrentCaller() caller: Caller,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<ClinicModel> {
    return toClinicModel(await this.service.getClinic(caller, id));
  }

  @Mutation(() => ClinicModel, {
    description: 'Head office opens a new clinic (status "opening"). Publishes clinic.opened.',
  })
  @Roles('head_office_admin')
  async openClinic(
    @CurrentCaller() caller: Caller,
    @Args('input') input: OpenClinicInput,
  ): Promise<ClinicModel> {
    return toClinicModel(await this.service.openClinic(caller, input));
  }

  @Mutation(() => ClinicModel, {
    description:
      "Head office changes a clinic's name, address or contact. Publishes clinic.updated.",
  })
  @Roles('head_office_admin')
  async updateClinic(
    @CurrentCaller() caller: Caller,
    @Args('input') input: UpdateClinicInput,
  ): Promise<ClinicModel> {
    return toClinicModel(await this.service.updateClinic(caller, input));
  }

  @Mutation(() => ClinicModel, {
    description:
      'Head office moves a clinic to another status (closed is final). Publishes clinic.status_changed.',
  })
  @Roles('head_office_admin')
  async changeClinicStatus(
    @CurrentCaller() caller: Caller,
    @Args('input') input: ChangeClinicStatusInput,
  ): Promise<ClinicModel> {
    return toClinicModel(
      await this.service.changeClinicStatus(caller, input.clinicId, input.status),
    );
  }

  @ResolveReference()
  async resolveReference(
    @Parent() reference: { __typename: string; id: string },
    @CurrentCaller() caller: Caller,
  ): Promise<ClinicModel> {
    return toClinicModel(await this.service.getClinic(caller, reference.id));
  }
}
