import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import type { Tx } from '@app/database';
import { EventConsumer, MessageBus, OutboxRelay, platformTopicSpecs } from '@app/messaging';
import { EVENT_CONSUMER, MESSAGE_BUS, OUTBOX_RELAY } from '../platform.tokens';

/**
 * Starts a service's messaging once every context has registered its handlers: topics
 * exist, the outbox relay runs, the consumer joins its group. On shutdown the consumer and
 * relay stop BEFORE Nest closes the database connection (onApplicationShutdown hooks of
 * global modules run in an order we do not control), so no handler sees a closed pool.
 */
@Injectable()
export class MessagingLifecycle
  implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown
{
  constructor(
    @Inject(MESSAGE_BUS) private readonly bus: MessageBus,
    @Inject(OUTBOX_RELAY) private readonly relay: OutboxRelay,
    @Inject(EVENT_CONSUMER) private readonly consumer: EventConsumer<Tx>,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.bus.ensureTopics(platformTopicSpecs());
    await this.relay.start();
    if (this.consumer.hasHandlers()) {
      await this.consumer.start();
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.consumer.stop();
    await this.relay.stop();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.bus.close();
  }
}
