import { Parent, Query, Resolver, ResolveReference } from '@nestjs/graphql';
import { CatalogueService } from './catalogue.service';
import { Treatment } from './domain/treatment';
import { TreatmentModel } from './treatment.model';

@Resolver(() => TreatmentModel)
export class CatalogueResolver {
  constructor(private readonly catalogue: CatalogueService) {}

  @Query(() => [TreatmentModel], { description: 'The network treatment catalogue.' })
  async treatments(): Promise<TreatmentModel[]> {
    return (await this.catalogue.treatments()).map(toTreatmentModel);
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
