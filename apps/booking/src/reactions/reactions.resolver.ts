import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { Caller, CurrentCaller } from '@app/auth';
import { BookingStatusEnum } from '../bookings/booking.model';
import { BookingAttentionCauseEnum, BookingNeedingAttentionModel } from './booking-attention.model';
import { ReactionsService } from './reactions.service';

@Resolver(() => BookingNeedingAttentionModel)
export class ReactionsResolver {
  constructor(private readonly service: ReactionsService) {}

  @Query(() => [BookingNeedingAttentionModel], {
    description:
      "A clinic's future bookings that need rescheduling (therapist time off, lapsed certification), soonest first. Head office, clinical leads, managers and receptionists of the clinic; a therapist sees their own.",
  })
  async bookingsNeedingAttention(
    @CurrentCaller() caller: Caller,
    @Args('clinicId', { type: () => ID }) clinicId: string,
  ): Promise<BookingNeedingAttentionModel[]> {
    const open = await this.service.bookingsNeedingAttention(caller, clinicId);
    return open.map(({ booking, cause, raisedAt }) => ({
      bookingId: booking.id,
      clinicId: booking.clinicId,
      clientId: booking.clientId,
      therapistId: booking.therapistId,
      treatmentId: booking.treatmentId,
      status: booking.status as BookingStatusEnum,
      startsAt: booking.startsAt,
      endsAt: booking.endsAt,
      localStart: booking.localStart,
      localEnd: booking.localEnd,
      timezone: booking.timezone,
      cause: cause as BookingAttentionCauseEnum,
      raisedAt,
    }));
  }
}
