import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { Caller, CurrentCaller, Roles } from '@app/auth';
import { ScreeningConditionEnum } from '../screening/screening-enums';
import type { Condition } from '../screening/domain/screening-terms';
import { ClientOutcomeModel, OutcomeSummaryModel } from './outcome.model';
import { OutcomesService } from './outcomes.service';
import { toClientOutcomeModel, toOutcomeSummaryModel } from './to-outcome-model';

@Resolver(() => ClientOutcomeModel)
export class OutcomesResolver {
  constructor(private readonly service: OutcomesService) {}

  @Query(() => ClientOutcomeModel, {
    description:
      "A client's first vs latest pain (NPRS): the treating therapist, the client's clinic manager, head office or the client. Audited.",
  })
  async clientOutcome(
    @CurrentCaller() caller: Caller,
    @Args('clientId', { type: () => ID }) clientId: string,
  ): Promise<ClientOutcomeModel> {
    return toClientOutcomeModel(await this.service.clientOutcome(caller, clientId));
  }

  @Query(() => OutcomeSummaryModel, {
    description:
      'Outcome aggregates per clinic and per condition: head office for any clinic or the network, a clinic manager for their clinics. Audited.',
  })
  @Roles('head_office_admin', 'clinical_lead', 'clinic_manager')
  async outcomeSummary(
    @CurrentCaller() caller: Caller,
    @Args('clinicId', { type: () => ID, nullable: true }) clinicId: string | null,
    @Args('condition', { type: () => ScreeningConditionEnum, nullable: true })
    condition: Condition | null,
  ): Promise<OutcomeSummaryModel> {
    return toOutcomeSummaryModel(
      await this.service.summary(caller, clinicId ?? undefined, condition ?? undefined),
    );
  }
}
