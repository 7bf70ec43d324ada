import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Caller, CurrentCaller } from '@app/auth';
import { BookingModel, BookingStatusEnum, CancellationReasonEnum } from '../bookings/booking.model';
import { BookingSeriesModel } from './booking-series.model';
import { BookSeriesInput } from './dto/book-series.input';
import { SeriesService, SeriesWithBookings } from './series.service';

@Resolver(() => BookingSeriesModel)
export class SeriesResolver {
  constructor(private readonly service: SeriesService) {}

  @Mutation(() => BookingSeriesModel, {
    description:
      "Books a whole series (e.g. twice a week for six weeks, then maintenance sessions), confirmed, in one go: every session or none. With a carePlanId, therapistId and startsOn default to the care plan's. When dates cannot be placed: SERIES_DATES_UNAVAILABLE with extensions.unplaced (date, phase, reason, up to 3 alternatives each). SERIES_CONFLICT: concurrent bookings got in the way; nothing was written, try again. Same permissions as holdBooking.",
  })
  async bookSeries(
    @CurrentCaller() caller: Caller,
    @Args('input') input: BookSeriesInput,
  ): Promise<BookingSeriesModel> {
    return toModel(await this.service.bookSeries(caller, input));
  }

  @Mutation(() => BookingSeriesModel, {
    description:
      'Cancels every future held or confirmed booking of the series (each a booking.cancelled); past, completed and checked-in ones stay.',
  })
  async cancelRestOfSeries(
    @CurrentCaller() caller: Caller,
    @Args('seriesId', { type: () => ID }) seriesId: string,
    @Args('idempotencyKey') idempotencyKey: string,
    @Args('reason', { type: () => CancellationReasonEnum, nullable: true })
    reason: CancellationReasonEnum | null,
  ): Promise<BookingSeriesModel> {
    return toModel(
      await this.service.cancelRestOfSeries(caller, seriesId, reason ?? null, idempotencyKey),
    );
  }

  @Query(() => BookingSeriesModel)
  async bookingSeries(
    @CurrentCaller() caller: Caller,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<BookingSeriesModel> {
    return toModel(await this.service.bookingSeries(caller, id));
  }
}

function toModel({ series, bookings }: SeriesWithBookings): BookingSeriesModel {
  return {
    ...series,
    bookings: bookings.map((booking): BookingModel => ({
      ...booking,
      status: booking.status as BookingStatusEnum,
    })),
  };
}
