import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Caller, CurrentCaller } from '@app/auth';
import { ClientModel } from '../clients/client.model';
import { EligibilityModel } from './eligibility.model';
import { ScreeningModel } from './screening.model';
import { toEligibilityModel, toScreeningModel } from './screening.resolver';
import { ScreeningService } from './screening.service';

/**
 * `Client.eligibility` and `Client.screenings`: the same as eligibility(clientId) and
 * screenings(clientId), checked and audited the same way.
 */
@Resolver(() => ClientModel)
export class ClientScreeningFieldResolver {
  constructor(private readonly service: ScreeningService) {}

  @ResolveField(() => EligibilityModel, {
    description:
      'Eligibility status (reception, integrators with clients:read, clinicians); `reasons` is clinical. Audited.',
  })
  async eligibility(
    @CurrentCaller() caller: Caller,
    @Parent() client: Pick<ClientModel, 'id'>,
  ): Promise<EligibilityModel> {
    return toEligibilityModel(await this.service.eligibilityStatus(caller, client.id));
  }

  @ResolveField(() => [ScreeningModel], {
    description: 'Health screenings, newest first (clinical). Audited.',
  })
  async screenings(
    @CurrentCaller() caller: Caller,
    @Parent() client: Pick<ClientModel, 'id'>,
  ): Promise<ScreeningModel[]> {
    return (await this.service.screeningsOf(caller, client.id)).map(toScreeningModel);
  }
}
