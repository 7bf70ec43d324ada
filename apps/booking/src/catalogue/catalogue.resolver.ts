import { Query, Resolver } from '@nestjs/graphql';
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
}

export function toTreatmentModel(treatment: Treatment): TreatmentModel {
  return Object.assign(new TreatmentModel(), treatment, {
    requiredCertifications: [...treatment.requiredCertifications],
  });
}
