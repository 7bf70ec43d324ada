import { Args, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Caller, CurrentCaller } from '@app/auth';
import { ClientModel } from '../clients/client.model';
import { ConsentEntryModel } from './consent.model';
import { ConsentService } from './consent.service';
import type { ConsentEntry } from './domain/consent';
import { RecordConsentInput, WithdrawConsentInput } from './dto/record-consent.input';

@Resolver(() => ClientModel)
export class ConsentResolver {
  constructor(private readonly consent: ConsentService) {}

  @ResolveField(() => [ConsentEntryModel], {
    description:
      'The current consent per kind and channel (a kind/channel never recorded is absent: not granted). Needs consent access: not for integrators.',
  })
  async consents(
    @CurrentCaller() caller: Caller,
    @Parent() client: ClientModel,
  ): Promise<ConsentEntryModel[]> {
    return (await this.consent.current(caller, client.id)).map(toModel);
  }

  @ResolveField(() => [ConsentEntryModel], {
    description: 'Every consent grant and withdrawal, newest first.',
  })
  async consentHistory(
    @CurrentCaller() caller: Caller,
    @Parent() client: ClientModel,
  ): Promise<ConsentEntryModel[]> {
    return (await this.consent.history(caller, client.id)).map(toModel);
  }

  @Mutation(() => ConsentEntryModel, {
    description:
      "Records a client's consent grant or withdrawal as a new ledger entry: the client's clinic staff, head office, or the client themself (online). Repeating the current grant changes nothing.",
  })
  async recordConsent(
    @CurrentCaller() caller: Caller,
    @Args('clientId', { type: () => ID }) clientId: string,
    @Args('input') input: RecordConsentInput,
  ): Promise<ConsentEntryModel> {
    return toModel(await this.consent.record(caller, clientId, input));
  }

  @Mutation(() => ConsentEntryModel, {
    description: 'Withdraws a granted consent (a new ledger entry with granted false).',
  })
  async withdrawConsent(
    @CurrentCaller() caller: Caller,
    @Args('clientId', { type: () => ID }) clientId: string,
    @Args('input') input: WithdrawConsentInput,
  ): Promise<ConsentEntryModel> {
    return toModel(await this.consent.record(caller, clientId, { ...input, granted: false }));
  }
}

function toModel(entry: ConsentEntry): ConsentEntryModel {
  return Object.assign(new ConsentEntryModel(), entry);
}
