import { Parent, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import { Caller, CurrentCaller } from '@app/auth';
import { requireClinicAccess } from '@app/platform/errors/require-clinic-access';
import { CatalogueService } from '../catalogue/catalogue.service';
import { toClinicTreatmentModel } from '../catalogue/catalogue.resolver';
import { ClinicTreatmentModel } from '../catalogue/clinic-treatment.model';
import { ClinicModel } from './clinic.model';
import { ClinicProjectionService } from './clinic-projection.service';

@Resolver(() => ClinicModel)
export class ClinicsResolver {
  constructor(
    private readonly catalogue: CatalogueService,
    private readonly clinics: ClinicProjectionService,
  ) {}

  @ResolveReference()
  resolveReference(
    @Parent() reference: { __typename: string; id: string },
    @CurrentCaller() caller: Caller,
  ): ClinicModel {
    requireClinicAccess(caller, reference.id);
    return Object.assign(new ClinicModel(), { id: reference.id });
  }

  @ResolveField(() => [ClinicTreatmentModel])
  async treatments(@Parent() clinic: ClinicModel): Promise<ClinicTreatmentModel[]> {
    return (await this.catalogue.clinicTreatments(clinic.id)).map(toClinicTreatmentModel);
  }

  @ResolveField(() => Boolean)
  async bookingReady(@Parent() clinic: ClinicModel): Promise<boolean> {
    return (await this.clinics.find(clinic.id)) !== undefined;
  }
}
