import { Parent, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import { Caller, CurrentCaller } from '@app/auth';
import { requireClinicAccess } from '@app/platform/errors/require-clinic-access';
import { CatalogueService } from '../catalogue/catalogue.service';
import { toTreatmentModel } from '../catalogue/catalogue.resolver';
import { TreatmentModel } from '../catalogue/treatment.model';
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

  @ResolveField(() => [TreatmentModel])
  async treatments(): Promise<TreatmentModel[]> {
    return (await this.catalogue.treatments()).map(toTreatmentModel);
  }

  @ResolveField(() => Boolean)
  async bookingReady(@Parent() clinic: ClinicModel): Promise<boolean> {
    return (await this.clinics.find(clinic.id)) !== undefined;
  }
}
