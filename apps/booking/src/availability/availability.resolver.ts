import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { Caller, CurrentCaller } from '@app/auth';
import { AvailableSlotModel } from './availability.model';
import { AvailabilityService } from './availability.service';
import type { AvailableSlot } from './domain/available-slot';

@Resolver(() => AvailableSlotModel)
export class AvailabilityResolver {
  constructor(private readonly service: AvailabilityService) {}

  @Query(() => [AvailableSlotModel], {
    description:
      'Bookable slots of a treatment at a clinic on clinic-local dates from..to (both included, at most 31), optionally for one therapist. Head office: every clinic; clinic staff, therapists and integrators (scope availability:read or bookings:write): their clinics; clients: any active clinic, self-bookable treatments only.',
  })
  async availability(
    @CurrentCaller() caller: Caller,
    @Args('clinicId', { type: () => ID }) clinicId: string,
    @Args('treatmentId', { type: () => ID }) treatmentId: string,
    @Args('from', { description: 'Clinic-local date YYYY-MM-DD' }) from: string,
    @Args('to', { description: 'Clinic-local date YYYY-MM-DD, included' }) to: string,
    @Args('therapistId', { type: () => ID, nullable: true }) therapistId?: string | null,
  ): Promise<AvailableSlotModel[]> {
    const slots = await this.service.search(caller, {
      clinicId,
      treatmentId,
      from,
      to,
      therapistId: therapistId ?? undefined,
    });
    return slots.map(toAvailableSlotModel);
  }
}

export function toAvailableSlotModel(slot: AvailableSlot): AvailableSlotModel {
  return Object.assign(new AvailableSlotModel(), {
    ...slot,
    startsAt: new Date(slot.startsAt),
    endsAt: new Date(slot.endsAt),
  });
}
