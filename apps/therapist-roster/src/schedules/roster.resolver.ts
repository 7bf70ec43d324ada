import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { Caller, CurrentCaller } from '@app/auth';
import { ClinicRosterModel } from './clinic-roster.model';
import { RosterModel } from './roster.model';
import { RosterService } from './roster.service';
import { toRosterShiftModel } from './schedule-model-mappers';

@Resolver(() => ClinicRosterModel)
export class RosterResolver {
  constructor(private readonly service: RosterService) {}

  @Query(() => ClinicRosterModel, {
    description:
      "Who works when at a clinic on clinic-local dates from..to (both included, at most 31 days). Head office and the clinic's managers and receptionists see everyone; a therapist working there sees only their own shifts.",
  })
  async roster(
    @CurrentCaller() caller: Caller,
    @Args('clinicId', { type: () => ID }) clinicId: string,
    @Args('from', { description: 'YYYY-MM-DD' }) from: string,
    @Args('to', { description: 'YYYY-MM-DD, included' }) to: string,
  ): Promise<ClinicRosterModel> {
    const roster = await this.service.clinicRoster(caller, clinicId, from, to);
    return Object.assign(new ClinicRosterModel(), {
      ...roster,
      shifts: roster.shifts.map(toRosterShiftModel),
    });
  }

  @Query(() => RosterModel, {
    description: "The calling therapist's own shifts at every clinic, at most 31 days.",
  })
  async myRoster(
    @CurrentCaller() caller: Caller,
    @Args('from', { description: 'YYYY-MM-DD' }) from: string,
    @Args('to', { description: 'YYYY-MM-DD, included' }) to: string,
  ): Promise<RosterModel> {
    const roster = await this.service.myRoster(caller, from, to);
    return Object.assign(new RosterModel(), {
      ...roster,
      shifts: roster.shifts.map(toRosterShiftModel),
    });
  }
}
