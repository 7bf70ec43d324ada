import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  OnApplicationBootstrap,
  OnModuleInit,
} from '@nestjs/common';
import type { Logger } from 'pino';
import { ServiceConfig } from '@app/config';
import {
  BookingCancelledV1,
  BookingConfirmedV1,
  BookingHoldExpiredV1,
  BookingRescheduledV1,
  TimeOffCancelledV1,
} from '@app/contracts';
import type { Tx } from '@app/database';
import { EventConsumer, MessageBus, platformTopicSpecs, TransactionRunner } from '@app/messaging';
import { PLATFORM_LOGGER } from '@app/observability';
import { MESSAGE_BUS, SERVICE_CONFIG, TRANSACTIONS } from '@app/platform/platform.tokens';
import { WaitlistService } from './waitlist.service';

/**
 * Booking consumes its OWN topic (booking.events.v1) for the waitlist, in a consumer group
 * of its own: offers are side effects (holds, events) that must never run again when the
 * projections of the service's group "booking" are rebuilt, and that group takes one
 * handler per event type. The EventConsumer subscribes to the topic of every registered
 * definition, here booking.events.v1 and roster's topic (time_off.cancelled frees a
 * therapist's time); the inbox (per group) makes each event count once.
 */
export const WAITLIST_CONSUMER_GROUP = 'booking-waitlist';

@Injectable()
export class WaitlistConsumer
  implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown
{
  private readonly consumer: EventConsumer<Tx>;

  constructor(
    @Inject(MESSAGE_BUS) private readonly bus: MessageBus,
    @Inject(TRANSACTIONS) transactions: TransactionRunner<Tx>,
    @Inject(SERVICE_CONFIG) config: ServiceConfig,
    @Inject(PLATFORM_LOGGER) logger: Logger,
    private readonly waitlist: WaitlistService,
  ) {
    this.consumer = new EventConsumer<Tx>({
      bus,
      transactions,
      groupId: WAITLIST_CONSUMER_GROUP,
      maxRetries: config.consumer.maxRetries,
      retryBaseMs: config.consumer.retryBaseMs,
      log: logger.child({ component: 'waitlist-consumer' }),
      onFatal: (error) => {
        logger.fatal({ err: error }, 'waitlist consumer stopped for good; exiting');
        process.exit(1);
      },
    });
  }

  onModuleInit(): void {
    this.consumer
      .on(BookingConfirmedV1, (event, tx) =>
        this.waitlist.bookingConfirmed(tx, event.data.bookingId),
      )
      .on(BookingCancelledV1, (event, tx) =>
        this.waitlist.bookingCancelled(
          tx,
          event.data.bookingId,
          {
            clinicId: event.data.clinicId,
            therapistId: event.data.therapistId,
            startsAt: new Date(event.data.startsAt),
            localDate: event.data.localStart.slice(0, 10),
          },
          event.eventId,
        ),
      )
      .on(BookingHoldExpiredV1, (event, tx) =>
        this.waitlist.holdExpired(tx, event.data, event.eventId),
      )
      .on(BookingRescheduledV1, async (event, tx) => {
        await this.waitlist.slotFreed(
          tx,
          {
            clinicId: event.data.clinicId,
            therapistId: event.data.previousTherapistId,
            startsAt: new Date(event.data.previousStartsAt),
            localDate: event.data.previousLocalStart.slice(0, 10),
          },
          event.eventId,
        );
      })
      .on(TimeOffCancelledV1, (event, tx) =>
        this.waitlist.timeOffCancelled(tx, event.data, event.eventId),
      );
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.bus.ensureTopics(platformTopicSpecs());
    await this.consumer.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.consumer.stop();
  }
}
