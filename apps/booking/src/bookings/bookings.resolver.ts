import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Caller, CurrentCaller } from '@app/auth';
import { BookingModel, BookingStatusEnum, CancellationReasonEnum } from './booking.model';
import { BookingsService } from './bookings.service';
import type { Booking } from './domain/booking';
import { HoldBookingInput, RescheduleBookingInput } from './dto/hold-booking.input';

@Resolver(() => BookingModel)
export class BookingsResolver {
  constructor(private readonly service: BookingsService) {}

  @Mutation(() => BookingModel, {
    description:
      'Holds a slot for a client for 10 minutes. Clients for themselves (self-bookable treatments), reception and managers at their clinics, head office, integrators with bookings:write.',
  })
  async holdBooking(
    @CurrentCaller() caller: Caller,
    @Args('input') input: HoldBookingInput,
  ): Promise<BookingModel> {
    return toModel(await this.service.holdBooking(caller, input));
  }

  @Mutation(() => BookingModel)
  async confirmBooking(
    @CurrentCaller() caller: Caller,
    @Args('id', { type: () => ID }) id: string,
    @Args('idempotencyKey') idempotencyKey: string,
  ): Promise<BookingModel> {
    return toModel(await this.service.confirmBooking(caller, id, idempotencyKey));
  }

  @Mutation(() => BookingModel, {
    description: 'Moves a held or confirmed booking: the new slot or nothing.',
  })
  async rescheduleBooking(
    @CurrentCaller() caller: Caller,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: RescheduleBookingInput,
    @Args('idempotencyKey') idempotencyKey: string,
  ): Promise<BookingModel> {
    return toModel(await this.service.rescheduleBooking(caller, id, input, idempotencyKey));
  }

  @Mutation(() => BookingModel, {
    description: 'Cancels a held or confirmed booking; under 24 h before the start it is late.',
  })
  async cancelBooking(
    @CurrentCaller() caller: Caller,
    @Args('id', { type: () => ID }) id: string,
    @Args('idempotencyKey') idempotencyKey: string,
    @Args('reason', { type: () => CancellationReasonEnum, nullable: true })
    reason: CancellationReasonEnum | null,
  ): Promise<BookingModel> {
    return toModel(await this.service.cancelBooking(caller, id, reason ?? null, idempotencyKey));
  }

  @Mutation(() => BookingModel, { description: 'Reception checks the client in.' })
  async checkInBooking(
    @CurrentCaller() caller: Caller,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<BookingModel> {
    return toModel(await this.service.checkInBooking(caller, id));
  }

  @Mutation(() => BookingModel, {
    description: 'The therapist (or the clinic) completes the session.',
  })
  async completeBooking(
    @CurrentCaller() caller: Caller,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<BookingModel> {
    return toModel(await this.service.completeBooking(caller, id));
  }

  @Mutation(() => BookingModel, { description: 'After the start: the client did not attend.' })
  async markNoShow(
    @CurrentCaller() caller: Caller,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<BookingModel> {
    return toModel(await this.service.markNoShow(caller, id));
  }

  @Query(() => BookingModel)
  async booking(
    @CurrentCaller() caller: Caller,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<BookingModel> {
    return toModel(await this.service.booking(caller, id));
  }

  @Query(() => [BookingModel])
  async clinicDiary(
    @CurrentCaller() caller: Caller,
    @Args('clinicId', { type: () => ID }) clinicId: string,
    @Args('from') from: Date,
    @Args('to') to: Date,
  ): Promise<BookingModel[]> {
    return (await this.service.clinicDiary(caller, clinicId, from, to)).map(toModel);
  }

  @Query(() => [BookingModel])
  async therapistDiary(
    @CurrentCaller() caller: Caller,
    @Args('therapistId', { type: () => ID }) therapistId: string,
    @Args('from') from: Date,
    @Args('to') to: Date,
  ): Promise<BookingModel[]> {
    return (await this.service.therapistDiary(caller, therapistId, from, to)).map(toModel);
  }

  @Query(() => [BookingModel])
  async clientBookings(
    @CurrentCaller() caller: Caller,
    @Args('clientId', { type: () => ID }) clientId: string,
  ): Promise<BookingModel[]> {
    return (await this.service.clientBookings(caller, clientId)).map(toModel);
  }
}

function toModel(booking: Booking): BookingModel {
  return { ...booking, status: booking.status as BookingStatusEnum };
}
