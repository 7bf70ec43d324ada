import { Injectable } from '@nestjs/common';
import type { BookingState } from '@app/contracts';
import type { Tx } from '@app/database';
import { ClientScopeRepository } from '../access/client-scope.repository';
import { BookingProjectionRepository } from './booking-projection.repository';
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
  ) {}

  async bookingChanged(
    tx: Tx,
    event: BookingLifecycleEvent,
    state: BookingState,
    occurredAt: Date,
  ): Promise<void> {
    // One booking's events are applied one at a time (the row lock), whatever the partitions.
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`booking:${state.bookingId}`]);
    await this.bookings.apply(tx, state, occurredAt);
    const current = await this.scopes.findCareRelationship(tx, state.bookingId);
    const status = nextCareStatus(current?.status, event);
    // A reschedule may move the booking to another therapist: the relationship follows the
    // booking (the previous therapist keeps access only through their other bookings).
    await this.scopes.saveCareRelationship(tx, {
      bookingId: state.bookingId,
      clientId: state.clientId,
      therapistId: state.therapistId,
      clinicId: state.clinicId,
      status,
      startsAt: new Date(state.startsAt),
    });
  }
}
