import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { ClinicOpenedV1 } from '@app/contracts';
import type { Tx } from '@app/database';
import { EventConsumer } from '@app/messaging';
import { EVENT_CONSUMER } from '@app/platform/platform.tokens';
import { ClinicProjectionService } from './clinic-projection.service';

/** Keeps booking's clinic projection from roster events; thin, typed, idempotent (inbox). */
@Injectable()
export class ClinicsConsumer implements OnModuleInit {
  constructor(
    @Inject(EVENT_CONSUMER) private readonly consumer: EventConsumer<Tx>,
    private readonly clinics: ClinicProjectionService,
  ) {}

  onModuleInit(): void {
    this.consumer.on(ClinicOpenedV1, (event, tx) =>
      this.clinics.clinicOpened(event.data, event.eventId, tx),
    );
  }
}
