import { Inject, Injectable } from '@nestjs/common';
import { MessageBus } from '@app/messaging';
import { ReadinessCheck } from '@app/observability';
import { MESSAGE_BUS } from '../platform.tokens';

/** Ready when a Kafka broker answers a metadata request. */
@Injectable()
export class KafkaReadinessCheck implements ReadinessCheck {
  readonly name = 'kafka';

  constructor(@Inject(MESSAGE_BUS) private readonly bus: MessageBus) {}

  async check(): Promise<void> {
    await this.bus.ping();
  }
}
