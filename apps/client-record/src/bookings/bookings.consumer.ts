import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import {
  BookingCancelledV1,
  BookingCheckedInV1,
  BookingCompletedV1,
  BookingConfirmedV1,
  BookingHeldV1,
  BookingHoldExpiredV1,
  BookingNoShowV1,
  BookingRescheduledV1,
  BookingState,
  EventDefinition,
  EventEnvelope,
} from '@app/contracts';
import type { Tx } from '@app/database';
import { EventConsumer } from '@app/messaging';
import { EVENT_CONSUMER } from '@app/platform/platform.tokens';
import { SessionRecordOpener } from '../session-records/session-record-opener.service';
import { CareRelationshipsService } from './care-relationships.service';
import type { BookingEventEffect } from './domain/booking-event-effect';
import type { BookingLifecycleEvent } from './domain/care-relationship-transition';

/**
 * Booking events -> booking projection, care relationships, open session records. Thin:
 * what an event may change for an erased or purged client is CareRelationshipsService's.
 */
@Injectable()
export class BookingsConsumer implements OnModuleInit {
  constructor(
    @Inject(EVENT_CONSUMER) private readonly consumer: EventConsumer<Tx>,
    private readonly careRelationships: CareRelationshipsService,
    private readonly sessionRecords: SessionRecordOpener,
  ) {}

  onModuleInit(): void {
    this.follow(BookingHeldV1);
    this.follow(BookingConfirmedV1);
    this.follow(BookingRescheduledV1);
    this.follow(BookingCancelledV1);
    this.follow(BookingCheckedInV1);
    this.follow(BookingNoShowV1);
    this.follow(BookingHoldExpiredV1);
    this.consumer.on(BookingCompletedV1, async (event, tx) => {
      const effect = await this.apply('booking.completed', event, tx);
      if (effect === 'apply') {
        await this.sessionRecords.openFor(tx, event.data);
      }
    });
  }

  private follow<T extends BookingLifecycleEvent, D extends BookingState>(
    definition: EventDefinition<T, D>,
  ): void {
    this.consumer.on(definition, async (event, tx) => {
      await this.apply(definition.type, event, tx);
    });
  }

  private apply(
    type: BookingLifecycleEvent,
    event: EventEnvelope<BookingState>,
    tx: Tx,
  ): Promise<BookingEventEffect> {
    return this.careRelationships.bookingChanged(tx, type, event.data, new Date(event.occurredAt));
  }
}
