import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import {
  CertificationExpiredV1,
  CertificationExpiringV1,
  CertificationRecordedV1,
  CertificationRevokedV1,
  CertificationVerifiedV1,
  TherapistAssignedV1,
  TherapistJoinedV1,
  TherapistLeftV1,
  TherapistUnassignedV1,
  TherapistUpdatedV1,
} from '@app/contracts';
import type { Tx } from '@app/database';
import { EVENT_CONSUMER } from '@app/platform/platform.tokens';
import { stampOf } from '../domain/event-stamp';
import type { EventHandlerRegistry } from '../event-handler-registry';
import { TherapistProjectionService } from './therapist-projection.service';

/** Therapist and certification events of the roster into booking's projection; thin. */
@Injectable()
export class TherapistsProjectionConsumer implements OnModuleInit {
  constructor(
    @Inject(EVENT_CONSUMER) private readonly consumer: EventHandlerRegistry<Tx>,
    private readonly therapists: TherapistProjectionService,
  ) {}

  onModuleInit(): void {
    for (const definition of [
      TherapistJoinedV1,
      TherapistUpdatedV1,
      TherapistAssignedV1,
      TherapistUnassignedV1,
      TherapistLeftV1,
    ]) {
      this.consumer.on(definition, (event, tx) =>
        this.therapists.therapistStateReceived(event.data, stampOf(event), tx),
      );
    }
    for (const definition of [
      CertificationRecordedV1,
      CertificationVerifiedV1,
      CertificationRevokedV1,
      CertificationExpiringV1,
      CertificationExpiredV1,
    ]) {
      this.consumer.on(definition, (event, tx) =>
        this.therapists.certificationStateReceived(event.data, stampOf(event), tx),
      );
    }
  }
}
