import { Injectable } from '@nestjs/common';
import type { Tx } from '@app/database';
import type { SubjectDataSection } from '../gdpr/subject-data.registry';
import { BookingProjectionRepository } from './booking-projection.repository';

/**
 * The bookings client-record learnt from booking events (booking_projection: ids, times and
 * status) in the subject access export, purged at the end of retention, and the clinic-local
 * day of the latest completed booking for the retention rule.
 *
 * The care relationships are the gdpr context's own: the export has them as
 * `careRelationships`, the retention date also counts `treated` ones, and the purge deletes
 * them with the client row after every section's purge. This section does not repeat that.
 */
@Injectable()
export class BookingsSubjectData implements SubjectDataSection {
  readonly name = 'bookings';

  constructor(private readonly bookings: BookingProjectionRepository) {}

  async exportFor(tx: Tx, clientId: string): Promise<unknown> {
    const rows = await this.bookings.listByClient(tx, clientId);
    return rows.map((row) => ({
      bookingId: row.bookingId,
      therapistId: row.therapistId,
      clinicId: row.clinicId,
      treatmentId: row.treatmentId,
      status: row.status,
      startsAt: row.startsAt.toISOString(),
      endsAt: row.endsAt.toISOString(),
      localStart: row.localStart,
      timezone: row.timezone,
    }));
  }

  /** Nothing: the projection holds ids, times and a status, no personal details. */
  async erasePersonalDetails(): Promise<void> {
    // The booking history stays until the purge: it dates the last treatment.
  }

  async purge(tx: Tx, clientId: string): Promise<void> {
    await this.bookings.deleteByClient(tx, clientId);
  }

  lastTreatmentOn(tx: Tx, clientId: string): Promise<string | null> {
    return this.bookings.lastCompletedLocalDate(tx, clientId);
  }
}
