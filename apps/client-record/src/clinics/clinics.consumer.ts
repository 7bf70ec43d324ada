import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { ClinicOpenedV1, ClinicStatusChangedV1, ClinicUpdatedV1 } from '@app/contracts';
import type { Tx } from '@app/database';
import { EventConsumer } from '@app/messaging';
import { EVENT_CONSUMER } from '@app/platform/platform.tokens';
import { ClinicsService } from './clinics.service';

/** Keeps client-record's clinic projection from roster events; thin, idempotent (inbox). */
@Injectable()
export class ClinicsConsumer implements OnModuleInit {
  constructor(
    @Inject(EVENT_CONSUMER) private readonly consumer: EventConsumer<Tx>,
    private readonly clinics: ClinicsService,
  ) {}

  onModuleInit(): void {
    this.consumer.on(ClinicOpenedV1, (event, tx) =>
      this.clinics.applyState(tx, event.data, event.occurredAt, event.eventId),
    );
    this.consumer.on(ClinicUpdatedV1, (event, tx) =>
      this.clinics.applyState(tx, event.data, event.occurredAt, event.eventId),
    );
    this.consumer.on(ClinicStatusChangedV1, (event, tx) =>
      this.clinics.applyStatus(tx, event.data, event.occurredAt, event.eventId),
    );
  }
}
