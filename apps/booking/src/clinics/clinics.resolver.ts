import { Parent, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import { Caller, canActForClinic, CurrentCaller } from '@app/auth';
import { ForbiddenError } from '@app/platform/errors/forbidden.error';
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
    if (!canActForClinic(caller, reference.id)) {
      throw new ForbiddenError(
        `clinic ${reference.id} is not one of the clinics your login may act for`,
      );
    }
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
