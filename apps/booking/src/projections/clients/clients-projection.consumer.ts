import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import {
  CarePlanCreatedV1,
  CarePlanUpdatedV1,
  ClientErasedV1,
  EligibilityChangedV1,
} from '@app/contracts';
import type { Tx } from '@app/database';
import { EVENT_CONSUMER } from '@app/platform/platform.tokens';
import { stampOf } from '../domain/event-stamp';
import type { EventHandlerRegistry } from '../event-handler-registry';
import { ClientProjectionService } from './client-projection.service';

/** Eligibility, care-plan and erasure events of client-record into booking's projection; thin. */
@Injectable()
export class ClientsProjectionConsumer implements OnModuleInit {
  constructor(
    @Inject(EVENT_CONSUMER) private readonly consumer: EventHandlerRegistry<Tx>,
    private readonly clients: ClientProjectionService,
  ) {}

  onModuleInit(): void {
    this.consumer.on(EligibilityChangedV1, (event, tx) =>
      this.clients.eligibilityChanged(event.data, stampOf(event), tx),
    );
    this.consumer.on(CarePlanCreatedV1, (event, tx) =>
      this.clients.carePlanReceived(event.data, stampOf(event), tx),
    );
    this.consumer.on(CarePlanUpdatedV1, (event, tx) =>
      this.clients.carePlanReceived(event.data, stampOf(event), tx),
    );
    this.consumer.on(ClientErasedV1, (event, tx) =>
      this.clients.clientErased(event.data, stampOf(event), tx),
    );
  }
}
