import { Args, ID, Mutation, Parent, Query, Resolver, ResolveReference } from '@nestjs/graphql';
import { Caller, CurrentCaller, Roles } from '@app/auth';
import { CatalogueService, ClinicOfferingView } from './catalogue.service';
import { ClinicTreatmentOfferingModel } from './clinic-treatment-offering.model';
import { ClinicTreatmentModel } from './clinic-treatment.model';
import type { ClinicTreatment } from './domain/clinic-offering';
import type { Treatment } from './domain/treatment';
import { ClinicTreatmentOfferingInput } from './dto/clinic-treatment-offering.input';
import { CreateTreatmentInput } from './dto/create-treatment.input';
import { UpdateTreatmentInput } from './dto/update-treatment.input';
import { TreatmentModel } from './treatment.model';

@Resolver(() => TreatmentModel)
export class CatalogueResolver {
  constructor(private readonly catalogue: CatalogueService) {}

  @Query(() => [TreatmentModel], {
    description: 'The network treatment catalogue (active treatments unless includeRetired).',
  })
  async treatments(
    @Args('includeRetired', { type: () => Boolean, nullable: true }) includeRetired: boolean | null,
  ): Promise<TreatmentModel[]> {
    return (await this.catalogue.treatments(includeRetired ?? false)).map(toTreatmentModel);
  }

  @Query(() => TreatmentModel, { nullable: true, description: 'A treatment, retired or not.' })
  async treatment(@Args('id', { type: () => ID }) id: string): Promise<TreatmentModel | null> {
    const treatment = await this.catalogue.treatment(id);
    return treatment === undefined ? null : toTreatmentModel(treatment);
  }

  @Mutation(() => TreatmentModel, {
    description: 'Head office adds a treatment to the network catalogue (offered everywhere).',
  })
  @Roles('head_office_admin')
  async createTreatment(
    @CurrentCaller() caller: Caller,
    @Args('input') input: CreateTreatmentInput,
  ): Promise<TreatmentModel> {
    return toTreatmentModel(await this.catalogue.createTreatment(caller, input));
  }

  @Mutation(() => TreatmentModel, {
    description: 'Head office changes a treatment; active: false retires it.',
  })
  @Roles('head_office_admin')
  async updateTreatment(
    @CurrentCaller() caller: Caller,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateTreatmentInput,
  ): Promise<TreatmentModel> {
    return toTreatmentModel(await this.catalogue.updateTreatment(caller, id, input));
  }

  @Mutation(() => ClinicTreatmentOfferingModel, {
    description:
      "Head office or the clinic's manager chooses whether the clinic offers a treatment and may set the clinic's own price.",
  })
  @Roles('head_office_admin', 'clinic_manager')
  async setClinicTreatmentOffering(
    @CurrentCaller() caller: Caller,
    @Args('clinicId', { type: () => ID }) clinicId: string,
    @Args('treatmentId', { type: () => ID }) treatmentId: string,
    @Args('input') input: ClinicTreatmentOfferingInput,
  ): Promise<ClinicTreatmentOfferingModel> {
    return toOfferingModel(
      await this.catalogue.setClinicTreatmentOffering(caller, clinicId, treatmentId, input),
    );
  }

  @ResolveReference()
  async resolveReference(
    @Parent() reference: { __typename: string; id: string },
  ): Promise<TreatmentModel | null> {
    const treatment = await this.catalogue.treatment(reference.id);
    return treatment === undefined ? null : toTreatmentModel(treatment);
  }
}

export function toTreatmentModel(treatment: Treatment): TreatmentModel {
  return Object.assign(new TreatmentModel(), treatment, {
    requiredCertifications: [...treatment.requiredCertifications],
  });
}

export function toClinicTreatmentModel(sold: ClinicTreatment): ClinicTreatmentModel {
  const { treatment } = sold;
  return Object.assign(new ClinicTreatmentModel(), {
    id: treatment.id,
    code: treatment.code,
    name: treatment.name,
    kind: treatment.kind,
    durationMinutes: treatment.durationMinutes,
    bufferAfterMinutes: treatment.bufferAfterMinutes,
    pricePence: sold.pricePence,
    networkPricePence: treatment.pricePence,
    priceOverridden: sold.priceOverridden,
    currency: sold.currency,
    requiredCertifications: [...treatment.requiredCertifications],
    requiresScreeningClearance: treatment.requiresScreeningClearance,
    selfBookable: treatment.selfBookable,
    treatment: toTreatmentModel(treatment),
  });
}

function toOfferingModel(view: ClinicOfferingView): ClinicTreatmentOfferingModel {
  return Object.assign(new ClinicTreatmentOfferingModel(), {
    ...view,
    treatment: toTreatmentModel(view.treatment),
  });
}
