import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Caller, CurrentCaller } from '@app/auth';
import { CarePlanModel } from './care-plan.model';
import { CarePlansService } from './care-plans.service';
import { CarePlanInput, CreateCarePlanInput } from './dto/care-plan.input';
import { toCarePlanModel } from './to-care-plan-model';

function draftOf(input: CarePlanInput) {
  return { ...input, status: input.status ?? undefined };
}

@Resolver(() => CarePlanModel)
export class CarePlansResolver {
  constructor(private readonly service: CarePlansService) {}

  @Query(() => [CarePlanModel], {
    description: "A client's care plans, newest first. Clinical; audited.",
  })
  async carePlans(
    @CurrentCaller() caller: Caller,
    @Args('clientId', { type: () => ID }) clientId: string,
  ): Promise<CarePlanModel[]> {
    const plans = await this.service.carePlans(caller, clientId);
    return plans.map((plan) => toCarePlanModel(plan, null));
  }

  @Query(() => CarePlanModel, { description: 'One care plan with its history. Audited.' })
  async carePlan(
    @CurrentCaller() caller: Caller,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<CarePlanModel> {
    const { plan, versions } = await this.service.carePlan(caller, id);
    return toCarePlanModel(plan, versions);
  }

  @Mutation(() => CarePlanModel, {
    description:
      "Writes a care plan: the client's treating therapist, their clinic's manager or head office.",
  })
  async createCarePlan(
    @CurrentCaller() caller: Caller,
    @Args('clientId', { type: () => ID }) clientId: string,
    @Args('input') input: CreateCarePlanInput,
  ): Promise<CarePlanModel> {
    const { plan, versions } = await this.service.createCarePlan(caller, clientId, draftOf(input));
    return toCarePlanModel(plan, versions);
  }

  @Mutation(() => CarePlanModel, {
    description:
      'Changes an active care plan (the whole plan as it should now be); the previous version is kept. Set status completed or discontinued to close it.',
  })
  async updateCarePlan(
    @CurrentCaller() caller: Caller,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: CarePlanInput,
    @Args('changeNote', { type: () => String, nullable: true }) changeNote: string | null,
  ): Promise<CarePlanModel> {
    const { plan, versions } = await this.service.updateCarePlan(
      caller,
      id,
      draftOf(input),
      changeNote,
    );
    return toCarePlanModel(plan, versions);
  }
}
