import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import {
  ClinicHoursChangedV1,
  ClinicOpenedV1,
  ClinicStatusChangedV1,
  ClinicUpdatedV1,
  RoomAddedV1,
  RoomRetiredV1,
} from '@app/contracts';
import type { Tx } from '@app/database';
import { EVENT_CONSUMER } from '@app/platform/platform.tokens';
import { stampOf } from '../projections/domain/event-stamp';
import type { EventHandlerRegistry } from '../projections/event-handler-registry';
import { ClinicProjectionService } from './clinic-projection.service';

/** Keeps booking's clinic and room projection from roster events; thin, typed, idempotent (inbox). */
@Injectable()
export class ClinicsConsumer implements OnModuleInit {
  constructor(
    @Inject(EVENT_CONSUMER) private readonly consumer: EventHandlerRegistry<Tx>,
    private readonly clinics: ClinicProjectionService,
  ) {}

  onModuleInit(): void {
    this.consumer.on(ClinicOpenedV1, (event, tx) =>
      this.clinics.clinicStateReceived(event.data, stampOf(event), tx),
    );
    this.consumer.on(ClinicUpdatedV1, (event, tx) =>
      this.clinics.clinicStateReceived(event.data, stampOf(event), tx),
    );
    this.consumer.on(ClinicHoursChangedV1, (event, tx) =>
      this.clinics.hoursChanged(event.data, stampOf(event), tx),
    );
    this.consumer.on(ClinicStatusChangedV1, (event, tx) =>
      this.clinics.statusChanged(event.data, stampOf(event), tx),
    );
    this.consumer.on(RoomAddedV1, (event, tx) =>
      this.clinics.roomAdded(event.data, stampOf(event), tx),
    );
    this.consumer.on(RoomRetiredV1, (event, tx) =>
      this.clinics.roomRetired(event.data, stampOf(event), tx),
    );
  }
}
