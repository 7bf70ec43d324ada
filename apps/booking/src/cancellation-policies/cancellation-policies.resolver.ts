import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Caller, CurrentCaller, Roles } from '@app/auth';
import {
  CancellationPoliciesService,
  ClinicCancellationPolicy,
} from './cancellation-policies.service';
import { CancellationPolicyModel } from './cancellation-policy.model';
import { SetCancellationPolicyArgs } from './dto/set-cancellation-policy.args';

@Resolver(() => CancellationPolicyModel)
export class CancellationPoliciesResolver {
  constructor(private readonly policies: CancellationPoliciesService) {}

  @Query(() => CancellationPolicyModel, {
    description:
      "The clinic's late-cancellation policy (the network policy, 24 h and 50%, until the clinic sets its own).",
  })
  async cancellationPolicy(
    @Args('clinicId', { type: () => ID }) clinicId: string,
  ): Promise<CancellationPolicyModel> {
    return toCancellationPolicyModel(await this.policies.policyOf(clinicId));
  }

  @Mutation(() => CancellationPolicyModel, {
    description:
      "Head office (any clinic) or the clinic's manager sets the clinic's late-cancellation policy; it judges every cancellation from then on.",
  })
  @Roles('head_office_admin', 'clinic_manager')
  async setCancellationPolicy(
    @CurrentCaller() caller: Caller,
    @Args() args: SetCancellationPolicyArgs,
  ): Promise<CancellationPolicyModel> {
    return toCancellationPolicyModel(
      await this.policies.setPolicy(caller, args.clinicId, {
        lateFeePercent: args.lateFeePercent,
        lateWindowHours: args.lateWindowHours,
      }),
    );
  }
}

export function toCancellationPolicyModel(
  policy: ClinicCancellationPolicy,
): CancellationPolicyModel {
  return Object.assign(new CancellationPolicyModel(), policy);
}
