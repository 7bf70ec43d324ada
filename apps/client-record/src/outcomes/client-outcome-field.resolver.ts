import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Caller, CurrentCaller } from '@app/auth';
import { ClientModel } from '../clients/client.model';
import { ClientOutcomeModel } from './outcome.model';
import { OutcomesService } from './outcomes.service';
import { toClientOutcomeModel } from './to-outcome-model';

/** `Client.outcome`: the same as clientOutcome(clientId), checked and audited the same way. */
@Resolver(() => ClientModel)
export class ClientOutcomeFieldResolver {
  constructor(private readonly service: OutcomesService) {}

  @ResolveField(() => ClientOutcomeModel, {
    description: 'First vs latest pain (NPRS); needs clinical access. Audited.',
  })
  async outcome(
    @CurrentCaller() caller: Caller,
    @Parent() client: Pick<ClientModel, 'id'>,
  ): Promise<ClientOutcomeModel> {
    return toClientOutcomeModel(await this.service.clientOutcome(caller, client.id));
  }
}
