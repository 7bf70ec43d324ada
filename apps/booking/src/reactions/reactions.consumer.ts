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
  BookingRescheduledV1,
  CertificationExpiredV1,
  CertificationRevokedV1,
  ClientErasedV1,
  TimeOffApprovedV1,
  TimeOffCancelledV1,
} from '@app/contracts';
import type { Tx } from '@app/database';
import { EventConsumer, MessageBus, platformTopicSpecs, TransactionRunner } from '@app/messaging';
import { PLATFORM_LOGGER } from '@app/observability';
import { MESSAGE_BUS, SERVICE_CONFIG, TRANSACTIONS } from '@app/platform/platform.tokens';
import { ReactionsService } from './reactions.service';

/**
 * The consumer group of booking's reactions. The projections already handle these event
 * types on the service's EVENT_CONSUMER (group "booking"), which takes ONE handler per type;
 * the reactions are side effects (flags, events, pseudonyms) that must NOT run again when the
 * projections are rebuilt, so they have a group of their own: its own offsets and its own
 * inbox namespace (the inbox dedupes per consumer group), same database and bus.
 */
export const REACTIONS_CONSUMER_GROUP = 'booking-reactions';

@Injectable()
export class ReactionsConsumer
  implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown
{
  private readonly consumer: EventConsumer<Tx>;

  constructor(
    @Inject(MESSAGE_BUS) private readonly bus: MessageBus,
    @Inject(TRANSACTIONS) transactions: TransactionRunner<Tx>,
    @Inject(SERVICE_CONFIG) config: ServiceConfig,
    @Inject(PLATFORM_LOGGER) logger: Logger,
    private readonly reactions: ReactionsService,
  ) {
    this.consumer = new EventConsumer<Tx>({
      bus,
      transactions,
      groupId: REACTIONS_CONSUMER_GROUP,
      maxRetries: config.consumer.maxRetries,
      retryBaseMs: config.consumer.retryBaseMs,
      log: logger.child({ component: 'reactions-consumer' }),
      // Crash-only, as the service's own consumer: the supervisor restarts the process
      // from the last committed offset.
      onFatal: (error) => {
        logger.fatal({ err: error }, 'reactions consumer stopped for good; exiting');
        process.exit(1);
      },
    });
  }

  onModuleInit(): void {
    this.consumer
      .on(TimeOffApprovedV1, (event, tx) => this.reactions.onTimeOffApproved(event, tx))
      .on(TimeOffCancelledV1, (event, tx) => this.reactions.onTimeOffCancelled(event, tx))
      .on(CertificationExpiredV1, (event, tx) => this.reactions.onCertificationExpired(event, tx))
      .on(CertificationRevokedV1, (event, tx) => this.reactions.onCertificationRevoked(event, tx))
      .on(ClientErasedV1, (event, tx) => this.reactions.onClientErased(event, tx))
      // Booking's own events: a flagged booking moved or cancelled loses stale flags.
      .on(BookingRescheduledV1, (event, tx) => this.reactions.onBookingRescheduled(event, tx))
      .on(BookingCancelledV1, (event, tx) => this.reactions.onBookingCancelled(event, tx));
  }

  async onApplicationBootstrap(): Promise<void> {
    // Idempotent; the platform's lifecycle does the same, in an order we do not control.
    await this.bus.ensureTopics(platformTopicSpecs());
    await this.consumer.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.consumer.stop();
  }
}
