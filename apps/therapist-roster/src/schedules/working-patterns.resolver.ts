import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Caller, CurrentCaller, Roles } from '@app/auth';
import { SetWorkingPatternInput } from './dto/set-working-pattern.input';
import { toWorkingPatternModel } from './schedule-model-mappers';
import { WorkingPatternModel } from './working-pattern.model';
import { WorkingPatternsService } from './working-patterns.service';

@Resolver(() => WorkingPatternModel)
export class WorkingPatternsResolver {
  constructor(private readonly service: WorkingPatternsService) {}

  @Mutation(() => WorkingPatternModel, {
    description:
      "Head office, or the clinic's manager, replaces a therapist's weekly pattern at the clinic from a date. Publishes working_pattern.changed.",
  })
  @Roles('head_office_admin', 'clinic_manager')
  async setWorkingPattern(
    @CurrentCaller() caller: Caller,
    @Args('input') input: SetWorkingPatternInput,
  ): Promise<WorkingPatternModel> {
    return toWorkingPatternModel(await this.service.setWorkingPattern(caller, input));
  }

  @Query(() => WorkingPatternModel, {
    description: "A therapist's full pattern at a clinic: for those who may read its roster.",
  })
  async workingPattern(
    @CurrentCaller() caller: Caller,
    @Args('therapistId', { type: () => ID }) therapistId: string,
    @Args('clinicId', { type: () => ID }) clinicId: string,
  ): Promise<WorkingPatternModel> {
    return toWorkingPatternModel(
      await this.service.getWorkingPattern(caller, therapistId, clinicId),
    );
  }
}
