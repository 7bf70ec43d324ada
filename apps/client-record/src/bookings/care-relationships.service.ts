import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import type { BookingState } from '@app/contracts';
import type { Tx } from '@app/database';
import { PLATFORM_LOGGER } from '@app/observability/logging/platform-logger.token';
import { ClientScopeRepository } from '../access/client-scope.repository';
import { BookingProjectionRepository } from './booking-projection.repository';
import { BookingEventEffect, bookingEventEffect } from './domain/booking-event-effect';
import { BookingLifecycleEvent, nextCareStatus } from './domain/care-relationship-transition';

/**
 * Applies booking events: the booking projection, and the care relationship between the
 * client and the booking's therapist (what lets a therapist see their clients' records).
 */
@Injectable()
export class CareRelationshipsService {
  constructor(
    private readonly scopes: ClientScopeRepository,
    private readonly bookings: BookingProjectionRepository,
    @Inject(PLATFORM_LOGGER) private readonly logger: Logger,
  ) {}

  /**
   * Applies one booking event and says what it did (see bookingEventEffect): the client is
   * read first, share-locked with their erasure request, so an erasure or purge either
   * waits for this transaction or is seen by it.
   */
  async bookingChanged(
    tx: Tx,
    event: BookingLifecycleEvent,
    state: BookingState,
    occurredAt: Date,
  ): Promise<BookingEventEffect> {
    // One booking's events are applied one at a time (the row lock), whatever the partitions.
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`booking:${state.bookingId}`]);
    const effect = bookingEventEffect(await this.scopes.lifecycleOf(tx, state.clientId));
    const current = await this.scopes.findCareRelationship(tx, state.bookingId);
    const status = nextCareStatus(current?.status, event);
    switch (effect) {
      case 'drop':
        this.logger.info(
          { event, bookingId: state.bookingId, clientId: state.clientId },
          `${event} for booking ${state.bookingId} dropped: the records of client ${state.clientId} were purged at the end of retention`,
        );
        return effect;
      case 'status_only':
        await this.bookings.applyStatus(tx, state.bookingId, state.status, occurredAt);
        if (current !== undefined) {
          await this.scopes.updateCareStatus(tx, state.bookingId, status, occurredAt);
        }
        this.logger.info(
          { event, bookingId: state.bookingId, clientId: state.clientId },
          `${event} for booking ${state.bookingId} of erased client ${state.clientId}: status only, nothing new recorded`,
        );
        return effect;
      case 'apply':
        await this.bookings.apply(tx, state, occurredAt);
        // A reschedule may move the booking to another therapist: the relationship follows
        // the booking (the previous therapist keeps access only through their other
        // bookings). An older event than the one held changes the status only.
        await this.scopes.saveCareRelationship(tx, {
          bookingId: state.bookingId,
          clientId: state.clientId,
          therapistId: state.therapistId,
          clinicId: state.clinicId,
          status,
          startsAt: new Date(state.startsAt),
          lastEventAt: occurredAt,
        });
        return effect;
      default: {
        const unreachable: never = effect;
        throw new Error(`unknown booking event effect ${String(unreachable)}`);
      }
    }
  }
}
