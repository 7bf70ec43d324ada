import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Caller } from '@app/auth';
import {
  BookingAttentionCause,
  BookingAttentionClearedV1,
  BookingCancelledV1,
  BookingNeedsRescheduleV1,
  BookingRescheduledV1,
  CertificationExpiredV1,
  CertificationRevokedV1,
  ClientErasedV1,
  EventData,
  EventEnvelope,
  TimeOffApprovedV1,
  TimeOffCancelledV1,
} from '@app/contracts';
import type { Tx } from '@app/database';
import { OutboxWriter, TransactionRunner } from '@app/messaging';
import { ForbiddenError } from '@app/platform/errors/forbidden.error';
import { requireClinicAccess } from '@app/platform/errors/require-clinic-access';
import { TRANSACTIONS } from '@app/platform/platform.tokens';
import { lockClient, lockTherapistSchedule } from '../bookings/booking-locks';
import { stampOf } from '../projections/domain/event-stamp';
import { ScheduleProjectionService } from '../projections/schedules/schedule-projection.service';
import {
  AffectedStatus,
  certificationLapseAffects,
  erasureAction,
  isAffectedStatus,
  isFutureActive,
  timeOffAffects,
} from './domain/attention-rules';
import {
  AffectedBooking,
  OpenAttention,
  OpenFlag,
  ReactionsRepository,
} from './reactions.repository';
import { ReactionsError, ReactionsErrorCode } from './reactions.errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Roles that see a clinic's bookings needing attention (therapists: only their own). */
const CLINIC_STAFF = new Set([
  'head_office_admin',
  'clinical_lead',
  'clinic_manager',
  'receptionist',
]);

/**
 * Booking reacting to other services' events (issue 5): flags future bookings that can no
 * longer go ahead as planned and tells the clinic (booking.needs_reschedule), never
 * cancelling silently (and clears a flag once the booking was moved away from its cause or
 * cancelled); pseudonymises an erased client. Each handler runs in the
 * consumer's transaction (inbox + changes + outbox together).
 */
@Injectable()
export class ReactionsService {
  constructor(
    private readonly repository: ReactionsRepository,
    private readonly outbox: OutboxWriter,
    @Inject(TRANSACTIONS) private readonly transactions: TransactionRunner<Tx>,
    private readonly schedules: ScheduleProjectionService,
  ) {}

  /**
   * time_off.approved: records the time off in booking's schedule projection (the
   * projection group does the same, whichever comes first; an older event never overwrites
   * a newer one) and flags every future active booking of the therapist it overlaps. Under
   * the therapist's schedule lock, taken exclusively (placements take it shared): a booking
   * placed at the same moment either committed before this looks for bookings (flagged
   * here) or reads the time off recorded here (refused), whichever consumer group sees the
   * event first. Nothing is flagged once a later cancellation of the time off is recorded.
   */
  async onTimeOffApproved(
    event: EventEnvelope<EventData<typeof TimeOffApprovedV1>>,
    tx: Tx,
    now = new Date(),
  ): Promise<void> {
    const { timeOffId, therapistId } = event.data;
    const startsAt = new Date(event.data.startsAt);
    const endsAt = new Date(event.data.endsAt);
    // The overlapping rows before the lock: a reschedule locks its row and then takes the
    // lock shared, so taking the lock first could deadlock with it.
    await this.repository.lockTherapistBookingsOverlapping(tx, therapistId, startsAt, endsAt, now);
    await lockTherapistSchedule(tx, therapistId, 'exclusive');
    await this.schedules.timeOffApproved(event.data, stampOf(event), tx);
    const timeOff = await this.repository.timeOff(tx, timeOffId);
    if (timeOff?.status !== 'approved') {
      return; // a later time_off.cancelled is already recorded
    }
    // Again under the lock: also the bookings placed while this waited for it.
    const candidates = await this.repository.lockTherapistBookingsOverlapping(
      tx,
      therapistId,
      timeOff.startsAt,
      timeOff.endsAt,
      now,
    );
    for (const booking of candidates.filter((b) => timeOffAffects(b, timeOff, now))) {
      await this.flag(tx, booking, 'therapist_time_off', timeOffId, now);
    }
  }

  /**
   * time_off.cancelled: records the cancellation in booking's schedule projection (as for an
   * approval, whichever group comes first) and clears the flags that time off raised.
   */
  async onTimeOffCancelled(
    event: EventEnvelope<EventData<typeof TimeOffCancelledV1>>,
    tx: Tx,
    now = new Date(),
  ): Promise<void> {
    await this.schedules.timeOffCancelled(event.data, stampOf(event), tx);
    const cleared = await this.repository.clearBySource(
      tx,
      'therapist_time_off',
      event.data.timeOffId,
      now,
    );
    for (const booking of cleared) {
      if (isAffectedStatus(booking.status) && booking.startsAt > now) {
        await this.outbox.append(tx, BookingAttentionClearedV1, {
          aggregateId: booking.id,
          clinicId: booking.clinicId,
          data: { ...stateOf(booking, booking.status), cause: 'therapist_time_off' },
        });
      }
    }
  }

  async onCertificationExpired(
    event: EventEnvelope<EventData<typeof CertificationExpiredV1>>,
    tx: Tx,
    now = new Date(),
  ): Promise<void> {
    const certification = event.data;
    if (certification.renewed || certification.expiresOn === null) {
      return; // a later certification of the type already covers the therapist
    }
    await this.flagLapse(
      tx,
      certification.therapistId,
      certification.certificationId,
      certification.type,
      certification.expiresOn,
      'certification_expired',
      now,
    );
  }

  async onCertificationRevoked(
    event: EventEnvelope<EventData<typeof CertificationRevokedV1>>,
    tx: Tx,
    now = new Date(),
  ): Promise<void> {
    const certification = event.data;
    await this.flagLapse(
      tx,
      certification.therapistId,
      certification.certificationId,
      certification.type,
      certification.revokedOn,
      'certification_revoked',
      now,
    );
  }

  /**
   * Pseudonymises an erased client everywhere in booking's database: the client id becomes
   * a random uuid kept nowhere, so nothing links the rows to the person any more (clinic
   * statistics keep working). Their future active bookings are cancelled by the clinic
   * without a fee (no one will attend; the slot goes back to others), each with
   * booking.cancelled carrying the pseudonym; their open waitlist entries are closed.
   * Under the per-client lock new bookings take, and recording the erasure first, so a
   * booking is either placed before (and pseudonymised here) or refused (CLIENT_ERASED).
   */
  async onClientErased(
    event: EventEnvelope<EventData<typeof ClientErasedV1>>,
    tx: Tx,
    now = new Date(),
  ): Promise<void> {
    const { clientId } = event.data;
    await lockClient(tx, clientId);
    await this.repository.recordErasure(tx, { ...event.data, eventId: event.eventId });
    const bookings = await this.repository.lockClientBookings(tx, clientId);
    const pseudonym = randomUUID();
    const cancelled = bookings.filter((booking) => erasureAction(booking, now) === 'cancel');
    await this.repository.pseudonymise(
      tx,
      clientId,
      pseudonym,
      cancelled.map((booking) => booking.id),
      now,
    );
    for (const booking of cancelled) {
      await this.outbox.append(tx, BookingCancelledV1, {
        aggregateId: booking.id,
        clinicId: booking.clinicId,
        data: {
          ...stateOf({ ...booking, clientId: pseudonym }, 'confirmed'),
          status: 'cancelled',
          cancelledBy: 'clinic',
          late: false,
          lateFeePence: null,
          currency: 'GBP',
        },
      });
    }
  }

  /**
   * booking.rescheduled: the booking's open flags are checked again against where it is now
   * (its current row, whatever later changes came first). A flag whose cause no longer
   * applies (moved out of the time off, to another therapist, or to a date the
   * certification still covers) is cleared, with booking.attention_cleared per cause that
   * has no open flag left.
   */
  async onBookingRescheduled(
    event: EventEnvelope<EventData<typeof BookingRescheduledV1>>,
    tx: Tx,
    now = new Date(),
  ): Promise<void> {
    const booking = await this.repository.lockBooking(tx, event.data.bookingId);
    if (booking === undefined) {
      return;
    }
    const open = await this.repository.openFlagsOf(tx, booking.id);
    const stale: OpenFlag[] = [];
    for (const flag of open) {
      if (!(await this.stillApplies(tx, booking, flag, event.data.previousTherapistId, now))) {
        stale.push(flag);
      }
    }
    if (stale.length === 0) {
      return;
    }
    await this.repository.clearFlags(tx, booking.id, now, stale);
    if (!isAffectedStatus(booking.status) || booking.startsAt <= now) {
      return;
    }
    const remaining = new Set(open.filter((flag) => !stale.includes(flag)).map((f) => f.cause));
    for (const cause of new Set(stale.map((flag) => flag.cause))) {
      if (!remaining.has(cause)) {
        await this.outbox.append(tx, BookingAttentionClearedV1, {
          aggregateId: booking.id,
          clinicId: booking.clinicId,
          data: { ...stateOf(booking, booking.status), cause },
        });
      }
    }
  }

  /**
   * booking.cancelled: the booking needs no rescheduling any more; its open flags are
   * closed (no event: booking.cancelled already says it all).
   */
  async onBookingCancelled(
    event: EventEnvelope<EventData<typeof BookingCancelledV1>>,
    tx: Tx,
    now = new Date(),
  ): Promise<void> {
    await this.repository.clearFlags(tx, event.data.bookingId, now);
  }

  /**
   * Open flags of a clinic's future active bookings. Head office, clinical leads, managers
   * and receptionists of the clinic see all; a therapist of the clinic sees their own.
   */
  async bookingsNeedingAttention(caller: Caller, clinicId: string): Promise<OpenAttention[]> {
    if (!UUID.test(clinicId)) {
      throw new ReactionsError(
        ReactionsErrorCode.InvalidClinicId,
        `clinicId "${clinicId}" is not a uuid; pass the id of a clinic you work at`,
      );
    }
    let therapistId: string | undefined;
    if (CLINIC_STAFF.has(caller.role)) {
      requireClinicAccess(caller, clinicId);
    } else if (caller.role === 'therapist' && caller.therapistId !== undefined) {
      requireClinicAccess(caller, clinicId);
      therapistId = caller.therapistId;
    } else {
      throw new ForbiddenError(
        'only clinic staff and head office see bookings needing attention; ask your clinic',
      );
    }
    return this.transactions.run((tx) =>
      this.repository.openAttention(tx, clinicId.toLowerCase(), new Date(), therapistId),
    );
  }

  /** Whether an open flag's cause still applies to the booking as it is now. */
  private async stillApplies(
    tx: Tx,
    booking: AffectedBooking,
    flag: OpenFlag,
    previousTherapistId: string,
    now: Date,
  ): Promise<boolean> {
    if (!isFutureActive(booking, now)) {
      return false;
    }
    if (flag.cause === 'therapist_time_off') {
      const timeOff = await this.repository.timeOff(tx, flag.sourceId);
      if (timeOff === undefined) {
        // The projection is behind: only a move to another therapist is known to clear it.
        return booking.therapistId === previousTherapistId;
      }
      return (
        timeOff.status === 'approved' &&
        timeOff.therapistId === booking.therapistId &&
        timeOffAffects(booking, timeOff, now)
      );
    }
    const certification = await this.repository.certification(tx, flag.sourceId);
    if (certification === undefined) {
      return booking.therapistId === previousTherapistId;
    }
    const lapsedOn =
      flag.cause === 'certification_expired' ? certification.expiresOn : certification.revokedOn;
    if (certification.therapistId !== booking.therapistId || lapsedOn === null) {
      return false;
    }
    const others = await this.repository.otherCertifications(
      tx,
      booking.therapistId,
      certification.type,
      certification.id,
    );
    return certificationLapseAffects(booking, { type: certification.type, lapsedOn }, others, now);
  }

  private async flagLapse(
    tx: Tx,
    therapistId: string,
    certificationId: string,
    type: string,
    lapsedOn: string,
    cause: BookingAttentionCause,
    now: Date,
  ): Promise<void> {
    const candidates = await this.repository.lockTherapistBookingsNeeding(
      tx,
      therapistId,
      type,
      now,
    );
    if (candidates.length === 0) {
      return;
    }
    const others = await this.repository.otherCertifications(
      tx,
      therapistId,
      type,
      certificationId,
    );
    for (const booking of candidates) {
      if (certificationLapseAffects(booking, { type, lapsedOn }, others, now)) {
        await this.flag(tx, booking, cause, certificationId, now);
      }
    }
  }

  private async flag(
    tx: Tx,
    booking: AffectedBooking,
    cause: BookingAttentionCause,
    sourceId: string,
    now: Date,
  ): Promise<void> {
    if (!isAffectedStatus(booking.status)) {
      return;
    }
    if (await this.repository.raise(tx, booking, cause, sourceId, now)) {
      await this.outbox.append(tx, BookingNeedsRescheduleV1, {
        aggregateId: booking.id,
        clinicId: booking.clinicId,
        data: { ...stateOf(booking, booking.status), cause },
      });
    }
  }
}

function stateOf<S extends AffectedStatus>(booking: AffectedBooking, status: S) {
  return {
    bookingId: booking.id,
    clinicId: booking.clinicId,
    clientId: booking.clientId,
    therapistId: booking.therapistId,
    treatmentId: booking.treatmentId,
    roomId: booking.roomId,
    startsAt: booking.startsAt.toISOString(),
    endsAt: booking.endsAt.toISOString(),
    localStart: booking.localStart,
    localEnd: booking.localEnd,
    timezone: booking.timezone,
    status,
  };
}
