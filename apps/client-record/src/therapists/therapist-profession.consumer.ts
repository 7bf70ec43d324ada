import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import {
  TherapistAssignedV1,
  TherapistJoinedV1,
  TherapistLeftV1,
  TherapistUnassignedV1,
  TherapistUpdatedV1,
} from '@app/contracts';
import type { Tx } from '@app/database';
import { EventConsumer } from '@app/messaging';
import { EVENT_CONSUMER } from '@app/platform/platform.tokens';
import { TherapistProfessionService } from './therapist-profession.service';

/** Keeps the therapist profession projection from roster events; thin, idempotent (inbox). */
@Injectable()
export class TherapistProfessionConsumer implements OnModuleInit {
  constructor(
    @Inject(EVENT_CONSUMER) private readonly consumer: EventConsumer<Tx>,
    private readonly therapists: TherapistProfessionService,
  ) {}

  onModuleInit(): void {
    // Every therapist event carries the full state; each one keeps the profession current.
    for (const definition of [
      TherapistJoinedV1,
      TherapistUpdatedV1,
      TherapistAssignedV1,
      TherapistUnassignedV1,
      TherapistLeftV1,
    ]) {
      this.consumer.on(definition, (event, tx) =>
        this.therapists.apply(tx, event.data, event.occurredAt, event.eventId),
      );
    }
  }
}
