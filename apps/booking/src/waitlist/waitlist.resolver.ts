import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Caller, CurrentCaller } from '@app/auth';
import type { WaitlistEntry } from './domain/waitlist-entry';
import { JoinWaitlistInput } from './dto/join-waitlist.input';
import { WaitlistEntryModel, WaitlistStatusEnum } from './waitlist.model';
import { WaitlistService } from './waitlist.service';

@Resolver(() => WaitlistEntryModel)
export class WaitlistResolver {
  constructor(private readonly service: WaitlistService) {}

  @Mutation(() => WaitlistEntryModel, {
    description:
      'Joins the waitlist: when a matching slot frees it is held for the client and offered (confirm the held booking). Clients for themselves (self-bookable treatments), reception and managers at their clinics, head office, integrators with bookings:write.',
  })
  async joinWaitlist(
    @CurrentCaller() caller: Caller,
    @Args('input') input: JoinWaitlistInput,
  ): Promise<WaitlistEntryModel> {
    return toModel(await this.service.joinWaitlist(caller, input));
  }

  @Mutation(() => WaitlistEntryModel, { description: 'Leaves the waitlist.' })
  async leaveWaitlist(
    @CurrentCaller() caller: Caller,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<WaitlistEntryModel> {
    return toModel(await this.service.leaveWaitlist(caller, id));
  }

  @Query(() => [WaitlistEntryModel], {
    description:
      "A clinic's waitlist, first joined first: the open entries (waiting and offered), or those in `statuses` (e.g. [expired] for entries whose window passed). Staff.",
  })
  async waitlist(
    @CurrentCaller() caller: Caller,
    @Args('clinicId', { type: () => ID }) clinicId: string,
    @Args('statuses', {
      type: () => [WaitlistStatusEnum],
      nullable: true,
      description: 'Only entries in these statuses; default waiting and offered.',
    })
    statuses: WaitlistStatusEnum[] | null | undefined,
  ): Promise<WaitlistEntryModel[]> {
    return (await this.service.clinicWaitlist(caller, clinicId, statuses ?? undefined)).map(
      toModel,
    );
  }

  @Query(() => [WaitlistEntryModel], { description: "The calling client's waitlist entries." })
  async myWaitlist(@CurrentCaller() caller: Caller): Promise<WaitlistEntryModel[]> {
    return (await this.service.myWaitlist(caller)).map(toModel);
  }
}

function toModel(entry: WaitlistEntry): WaitlistEntryModel {
  return {
    id: entry.id,
    clinicId: entry.clinicId,
    clientId: entry.clientId,
    treatmentId: entry.treatmentId,
    therapistId: entry.therapistId,
    fromDate: entry.fromDate,
    toDate: entry.toDate,
    status: entry.status as WaitlistStatusEnum,
    joinedAt: entry.joinedAt,
    bookingId: entry.bookingId,
    offerExpiresAt: entry.offerExpiresAt,
  };
}
