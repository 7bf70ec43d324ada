import { Parent, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import { Caller, CurrentCaller } from '@app/auth';
import { requireClinicAccess } from '@app/platform/errors/require-clinic-access';
import { ClinicModel, MessagingPolicyModel } from './messaging-policy.model';
import { MessagingPolicyService } from './messaging-policy.service';

@Resolver(() => ClinicModel)
export class MessagingPolicyResolver {
  constructor(private readonly policies: MessagingPolicyService) {}

  @ResolveReference()
  resolveReference(
    @Parent() reference: { __typename: string; id: string },
    @CurrentCaller() caller: Caller,
  ): ClinicModel {
    requireClinicAccess(caller, reference.id);
    return Object.assign(new ClinicModel(), { id: reference.id });
  }

  @ResolveField(() => MessagingPolicyModel, { nullable: true })
  async messagingPolicy(@Parent() clinic: ClinicModel): Promise<MessagingPolicyModel | null> {
    const policy = await this.policies.forClinic(clinic.id);
    return policy === undefined ? null : Object.assign(new MessagingPolicyModel(), policy);
  }
}
