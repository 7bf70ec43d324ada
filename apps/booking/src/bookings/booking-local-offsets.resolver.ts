import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { BookingModel } from './booking.model';
import { localOffsetAt } from './local-offsets';

/**
 * `Booking.localStartOffset` and `Booking.localEndOffset`, derived from the UTC instants and
 * the clinic's timezone wherever a Booking is returned (lifecycle, series, waitlist).
 */
@Resolver(() => BookingModel)
export class BookingLocalOffsetsResolver {
  @ResolveField('localStartOffset', () => String, {
    description:
      'The clinic\'s UTC offset at localStart, e.g. "+01:00": tells apart the two 01:30s of the night the clocks go back.',
  })
  localStartOffset(@Parent() booking: BookingModel): string {
    return localOffsetAt(new Date(booking.startsAt), booking.timezone);
  }

  @ResolveField('localEndOffset', () => String, {
    description:
      "The clinic's UTC offset at localEnd; differs from localStartOffset when the clocks change during the booking.",
  })
  localEndOffset(@Parent() booking: BookingModel): string {
    return localOffsetAt(new Date(booking.endsAt), booking.timezone);
  }
}
