import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { ClinicModel } from '../clinics/clinic.model';
import { toCancellationPolicyModel } from './cancellation-policies.resolver';
import { CancellationPoliciesService } from './cancellation-policies.service';
import { CancellationPolicyModel } from './cancellation-policy.model';

/** Adds `cancellationPolicy` to booking's part of the Clinic entity. */
@Resolver(() => ClinicModel)
export class ClinicCancellationPolicyResolver {
  constructor(private readonly policies: CancellationPoliciesService) {}

  @ResolveField(() => CancellationPolicyModel, {
    description:
      "The clinic's late-cancellation policy (the network policy, 24 h and 50%, until it sets its own).",
  })
  async cancellationPolicy(@Parent() clinic: ClinicModel): Promise<CancellationPolicyModel> {
    return toCancellationPolicyModel(await this.policies.effectivePolicy(undefined, clinic.id));
  }
}
