import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Caller, CurrentCaller } from '@app/auth';
import type { CurrentEligibility } from './domain/eligibility';
import { EligibilityDecisionModel } from './eligibility-decision.model';
import { EligibilityModel } from './eligibility.model';
import { OverrideEligibilityInput } from './dto/override-eligibility.input';
import { RecordGpClearanceInput } from './dto/record-gp-clearance.input';
import { RecordScreeningInput } from './dto/record-screening.input';
import { ScreeningModel } from './screening.model';
import { EligibilityStatusView, ScreeningService, ScreeningView } from './screening.service';

export function toScreeningModel(view: ScreeningView): ScreeningModel {
  return Object.assign(new ScreeningModel(), {
    ...view,
    conditions: [...view.conditions],
    medications: [...view.medications],
    redFlags: [...view.redFlags],
    outcomeReasons: [...view.outcomeReasons],
  });
}

export function toEligibilityModel(
  eligibility: EligibilityStatusView | CurrentEligibility,
): EligibilityModel {
  return Object.assign(new EligibilityModel(), {
    clientId: eligibility.clientId,
    status: eligibility.status,
    validUntil: eligibility.validUntil,
    decidedAt: eligibility.decidedAt,
    cause: eligibility.cause,
    screeningId: eligibility.screeningId,
  });
}

@Resolver(() => EligibilityModel)
export class ScreeningResolver {
  constructor(private readonly service: ScreeningService) {}

  @Mutation(() => ScreeningModel, {
    description:
      "Records a health screening at intake (the treating therapist, the client's clinic manager or head office). Its red flags give the eligibility; the screening supersedes earlier ones.",
  })
  async recordScreening(
    @CurrentCaller() caller: Caller,
    @Args('clientId', { type: () => ID }) clientId: string,
    @Args('input') input: RecordScreeningInput,
  ): Promise<ScreeningModel> {
    return toScreeningModel(await this.service.recordScreening(caller, clientId, input));
  }

  @Mutation(() => EligibilityModel, {
    description:
      'A physiotherapist treating the client, or a clinical lead, overrides the eligibility with a reason (kept with who and when).',
  })
  async overrideEligibility(
    @CurrentCaller() caller: Caller,
    @Args('clientId', { type: () => ID }) clientId: string,
    @Args('input') input: OverrideEligibilityInput,
  ): Promise<EligibilityModel> {
    return toEligibilityModel(await this.service.overrideEligibility(caller, clientId, input));
  }

  @Mutation(() => EligibilityModel, {
    description:
      'Records the GP clearance of a client waiting for one; the client becomes cleared. Not for a client who is not suitable (only an override changes that).',
  })
  async recordGpClearance(
    @CurrentCaller() caller: Caller,
    @Args('clientId', { type: () => ID }) clientId: string,
    @Args('input') input: RecordGpClearanceInput,
  ): Promise<EligibilityModel> {
    return toEligibilityModel(await this.service.recordGpClearance(caller, clientId, input));
  }

  @Query(() => EligibilityModel, {
    description:
      "A client's eligibility status (reception, integrators with clients:read, clinicians). Audited.",
  })
  async eligibility(
    @CurrentCaller() caller: Caller,
    @Args('clientId', { type: () => ID }) clientId: string,
  ): Promise<EligibilityModel> {
    return toEligibilityModel(await this.service.eligibilityStatus(caller, clientId));
  }

  @Query(() => [ScreeningModel], {
    description: "A client's screenings, newest first (clinical; audited).",
  })
  async screenings(
    @CurrentCaller() caller: Caller,
    @Args('clientId', { type: () => ID }) clientId: string,
  ): Promise<ScreeningModel[]> {
    return (await this.service.screeningsOf(caller, clientId)).map(toScreeningModel);
  }

  @Query(() => ScreeningModel, { description: 'One screening (clinical; audited).' })
  async screening(
    @CurrentCaller() caller: Caller,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<ScreeningModel> {
    return toScreeningModel(await this.service.screening(caller, id));
  }

  @Query(() => [EligibilityDecisionModel], {
    description:
      'Every eligibility decision of a client, newest first: screenings, overrides, GP clearances, lapses (clinical; audited).',
  })
  async eligibilityDecisions(
    @CurrentCaller() caller: Caller,
    @Args('clientId', { type: () => ID }) clientId: string,
  ): Promise<EligibilityDecisionModel[]> {
    return (await this.service.decisionsOf(caller, clientId)).map((decision) =>
      Object.assign(new EligibilityDecisionModel(), {
        ...decision,
        reasons: [...decision.reasons],
      }),
    );
  }

  @ResolveField(() => [String], {
    description:
      'Why: one reason per red flag, the override reason or the GP clearance (clinical: FORBIDDEN for reception and integrators; audited as a screening read).',
  })
  async reasons(
    @CurrentCaller() caller: Caller,
    @Parent() eligibility: EligibilityModel,
  ): Promise<string[]> {
    return [...(await this.service.eligibilityReasons(caller, eligibility.clientId))];
  }
}
