import { Args, ID, Mutation, Query, Parent, Resolver, ResolveReference } from '@nestjs/graphql';
import { Caller, CurrentCaller, Roles } from '@app/auth';
import { ClinicModel } from './clinic.model';
import { ClinicsService } from './clinics.service';
import { Clinic } from './domain/clinic';
import { OpenClinicInput } from './dto/open-clinic.input';

@Resolver(() => ClinicModel)
export class ClinicsResolver {
  constructor(private readonly service: ClinicsService) {}

  @Query(() => [ClinicModel], { description: 'Clinics you may see: every clinic for head office.' })
  async clinics(@CurrentCaller() caller: Caller): Promise<ClinicModel[]> {
    return (await this.service.listClinics(caller)).map(toModel);
  }

  @Query(() => ClinicModel)
  async clinic(
    @CurrentCaller() caller: Caller,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<ClinicModel> {
    return toModel(await this.service.getClinic(caller, id));
  }

  @Mutation(() => ClinicModel, {
    description: 'Head office opens a new clinic (status "opening").',
  })
  @Roles('head_office_admin')
  async openClinic(@Args('input') input: OpenClinicInput): Promise<ClinicModel> {
    return toModel(await this.service.openClinic(input));
  }

  @ResolveReference()
  async resolveReference(
    @Parent() reference: { __typename: string; id: string },
    @CurrentCaller() caller: Caller,
  ): Promise<ClinicModel> {
    return toModel(await this.service.getClinic(caller, reference.id));
  }
}

function toModel(clinic: Clinic): ClinicModel {
  return Object.assign(new ClinicModel(), clinic);
}
