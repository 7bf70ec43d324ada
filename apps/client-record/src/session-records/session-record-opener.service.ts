import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { BookingState } from '@app/contracts';
import type { Tx } from '@app/database';
import { ClientScopeRepository } from '../access/client-scope.repository';
import { bookingEventEffect } from '../bookings/domain/booking-event-effect';
import { SessionRecordsRepository } from './session-records.repository';

/**
 * When a booking completes, opens its session record for the therapist (status `open`, no
 * version yet): their list of sessions to write up. Writing it is recordSession. A record
 * that exists already (written before completion, or a redelivery) is left alone. Nothing
 * is opened for an erased or purged client (see bookingEventEffect).
 */
@Injectable()
export class SessionRecordOpener {
  constructor(
    private readonly records: SessionRecordsRepository,
    private readonly scopes: ClientScopeRepository,
  ) {}

  /** True when the record was opened by this call. */
  async openFor(tx: Tx, booking: BookingState): Promise<boolean> {
    const client = await this.scopes.lifecycleOf(tx, booking.clientId);
    if (bookingEventEffect(client) !== 'apply') {
      return false;
    }
    return this.records.insertRecord(tx, {
      id: randomUUID(),
      bookingId: booking.bookingId,
      clientId: booking.clientId,
      therapistId: booking.therapistId,
      clinicId: booking.clinicId,
      sessionDate: booking.localStart.slice(0, 10),
      startedAt: new Date(booking.startsAt),
      status: 'open',
    });
  }
}
