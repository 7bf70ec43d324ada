import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { ClinicOpenedV1 } from '@app/contracts';
import type { Tx } from '@app/database';
import { EventConsumer } from '@app/messaging';
import { EVENT_CONSUMER } from '@app/platform/platform.tokens';
import { MessagingPolicyService } from './messaging-policy.service';

@Injectable()
export class MessagingPolicyConsumer implements OnModuleInit {
  constructor(
    @Inject(EVENT_CONSUMER) private readonly consumer: EventConsumer<Tx>,
    private readonly policies: MessagingPolicyService,
  ) {}

  onModuleInit(): void {
    this.consumer.on(ClinicOpenedV1, (event, tx) => this.policies.clinicOpened(event.data, tx));
  }
}
