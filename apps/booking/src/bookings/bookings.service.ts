import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Optional } from '@nestjs/common';
import { Caller, canActForClinic, isHeadOffice, isUuid } from '@app/auth';
import {
  BookingCancelledV1,
  BookingCheckedInV1,
  BookingCompletedV1,
  BookingConfirmedV1,
  BookingHeldV1,
  BookingNoShowV1,
  BookingRescheduledV1,
} from '@app/contracts';
import type { Tx } from '@app/database';
import { OutboxWriter, TransactionRunner } from '@app/messaging';
import { ForbiddenError } from '@app/platform/errors/forbidden.error';
import { TRANSACTIONS } from '@app/platform/platform.tokens';
import { AvailabilityService } from '../availability/availability.service';
import { holdsAllOn } from '../availability/domain/certification-validity';
import { wallLabel, zoneOffsetMs } from '../availability/domain/zone-timeline';
import { CancellationPoliciesService } from '../cancellation-policies/cancellation-policies.service';
import { CatalogueService } from '../catalogue/catalogue.service';
import type { Treatment } from '../catalogue/domain/treatment';
import { BOOKING_CLOCK, BookingClock, systemClock } from './booking-clock';
import { bookingStateOf } from './booking-event-data';
import { BookingInputsRepository } from './booking-inputs.repository';
import { lockClient, lockTherapistSchedule } from './booking-locks';
import { BookingError, BookingErrorCode } from './bookings.errors';
import { BookingsRepository, overlapOf } from './bookings.repository';
import { Booking, HOLD_MINUTES } from './domain/booking';
import { ineligibilityReason } from './domain/booking-eligibility';
import {
  BookingCommand,
  cancelledByOf,
  denialOf,
  readScopeDenial,
  roleDenialOf,
} from './domain/booking-permissions';
import { BookingAction, transition } from './domain/booking-state-machine';
import { requestHash } from './domain/request-hash';

/** Minutes between slot starts on the clinic's wall clock. */
export const SLOT_GRID_MINUTES = 15;
const MINUTE_MS = 60_000;
const MAX_KEY_LENGTH = 200;
const MAX_ALTERNATIVES = 5;

export interface HoldBookingCommand {
  readonly clinicId: string;
  readonly treatmentId: string;
  readonly therapistId: string;
  readonly roomId?: string | null;
  readonly startsAt: Date;
  readonly clientId: string;
  readonly idempotencyKey: string;
}

export interface RescheduleCommand {
  readonly startsAt: Date;
  readonly therapistId?: string | null;
}

export interface SlotAlternative {
  readonly startsAt: string;
  readonly endsAt: string;
  readonly localStart: string;
  readonly localEnd: string;
  readonly therapistId: string;
  readonly roomId: string;
}

interface PlacedSlot {
  readonly therapistId: string;
  readonly roomId: string;
  readonly startsAt: Date;
  readonly endsAt: Date;
  readonly blocksUntil: Date;
  readonly localStart: string;
  readonly localEnd: string;
  readonly timezone: string;
}

@Injectable()
export class BookingsService {
  constructor(
    private readonly bookings: BookingsRepository,
    private readonly inputs: BookingInputsRepository,
    private readonly catalogue: CatalogueService,
    private readonly outbox: OutboxWriter,
    @Inject(TRANSACTIONS) private readonly transactions: TransactionRunner<Tx>,
    private readonly availability: AvailabilityService,
    private readonly cancellationPolicies: CancellationPoliciesService,
    @Optional() @Inject(BOOKING_CLOCK) private readonly clock: BookingClock = systemClock,
  ) {}

  async holdBooking(caller: Caller, command: HoldBookingCommand): Promise<Booking> {
    requireUuid(command.clinicId, 'clinicId');
    requireUuid(command.treatmentId, 'treatmentId');
    requireUuid(command.therapistId, 'therapistId');
    requireUuid(command.clientId, 'clientId');
    if (command.roomId !== undefined && command.roomId !== null) {
      requireUuid(command.roomId, 'roomId');
    }
    requireKey(command.idempotencyKey);
    requireAllowed(caller, 'hold', command);
    const offered = await this.catalogue.offeredTreatment(
      undefined,
      command.clinicId,
      command.treatmentId,
    );
    if ('error' in offered) {
      throw new BookingError(offered.error as BookingErrorCode, offered.message);
    }
    const treatment = offered.treatment;
    requireSelfBookable(caller, treatment);
    const hash = requestHash('holdBooking', { ...command, idempotencyKey: undefined });
    try {
      return await retryingRoomRace(command.roomId === undefined || command.roomId === null, () =>
        this.transactions.run(async (tx) => {
          const replay = await this.replay(tx, caller, command.idempotencyKey, 'holdBooking', hash);
          if (replay !== undefined) {
            return replay;
          }
          const booking = await this.placeInTransaction(tx, caller, {
            clinicId: command.clinicId,
            clientId: command.clientId,
            treatment,
            pricePence: offered.pricePence,
            currency: offered.currency,
            therapistId: command.therapistId,
            roomId: command.roomId ?? null,
            startsAt: command.startsAt,
            status: 'held',
            seriesId: null,
            now: this.clock.now(),
          });
          await this.bookings.recordKeyResult(tx, caller.subject, command.idempotencyKey, booking);
          return booking;
        }),
      );
    } catch (error: unknown) {
      throw await this.slotError(error, {
        clinicId: command.clinicId,
        treatmentId: command.treatmentId,
        therapistId: command.therapistId,
        startsAt: command.startsAt,
      });
    }
  }

  async confirmBooking(caller: Caller, id: string, idempotencyKey: string): Promise<Booking> {
    requireRoleAllowed(caller, 'confirm');
    return this.keyed(
      caller,
      'confirmBooking',
      id,
      {},
      idempotencyKey,
      async (tx, current, now) => {
        requireAllowed(caller, 'confirm', current);
        refuseExpiredHold(current, now);
        const next = await this.apply(tx, current, 'confirm', now, {
          holdExpiresAt: null,
          confirmedAt: now,
        });
        await this.outbox.append(tx, BookingConfirmedV1, {
          aggregateId: next.id,
          clinicId: next.clinicId,
          data: { ...bookingStateOf(next), status: 'confirmed' },
        });
        return next;
      },
    );
  }

  async rescheduleBooking(
    caller: Caller,
    id: string,
    command: RescheduleCommand,
    idempotencyKey: string,
  ): Promise<Booking> {
    requireRoleAllowed(caller, 'reschedule');
    if (command.therapistId !== undefined && command.therapistId !== null) {
      requireUuid(command.therapistId, 'therapistId');
    }
    let attempted: { clinicId: string; treatmentId: string; therapistId: string } | undefined;
    try {
      return await retryingRoomRace(true, () =>
        this.keyed(
          caller,
          'rescheduleBooking',
          id,
          command,
          idempotencyKey,
          async (tx, current, now) => {
            requireAllowed(caller, 'reschedule', current);
            refuseExpiredHold(current, now);
            transition(current.status, 'reschedule');
            const therapistId = command.therapistId ?? current.therapistId;
            requireAllowed(caller, 'reschedule', { ...current, therapistId });
            const treatment = await this.requireTreatment(current.treatmentId);
            requireSelfBookable(caller, treatment);
            attempted = { clinicId: current.clinicId, treatmentId: treatment.id, therapistId };
            const slot = await this.placeSlot(tx, {
              clinicId: current.clinicId,
              clientId: current.clientId,
              treatment,
              therapistId,
              roomId: null,
              startsAt: command.startsAt,
              now,
              exceptBookingId: current.id,
            });
            const next = await this.apply(tx, current, 'reschedule', now, slot);
            await this.outbox.append(tx, BookingRescheduledV1, {
              aggregateId: next.id,
              clinicId: next.clinicId,
              data: {
                ...bookingStateOf(next),
                status: next.status === 'held' ? 'held' : 'confirmed',
                previousStartsAt: current.startsAt.toISOString(),
                previousEndsAt: current.endsAt.toISOString(),
                previousLocalStart: current.localStart,
                previousLocalEnd: current.localEnd,
                previousTherapistId: current.therapistId,
              },
            });
            return next;
          },
        ),
      );
    } catch (error: unknown) {
      if (attempted === undefined) {
        throw error;
      }
      throw await this.slotError(error, { ...attempted, startsAt: command.startsAt });
    }
  }

  async cancelBooking(
    caller: Caller,
    id: string,
    reason: string | null,
    idempotencyKey: string,
  ): Promise<Booking> {
    requireRoleAllowed(caller, 'cancel');
    return this.keyed(
      caller,
      'cancelBooking',
      id,
      { reason },
      idempotencyKey,
      async (tx, current, now) => {
        requireAllowed(caller, 'cancel', current);
        transition(current.status, 'cancel');
        return this.cancelInTransaction(tx, current, cancelledByOf(caller), reason, now);
      },
    );
  }

  /**
   * Cancels `current` in `tx` for a caller already allowed to: judged by the clinic's
   * cancellation policy (read in `tx`), the policy that judged it recorded on the booking,
   * booking.cancelled in the outbox. cancelBooking and cancelRestOfSeries both end here.
   */
  async cancelInTransaction(
    tx: Tx,
    current: Booking,
    cancelledBy: 'client' | 'clinic',
    reason: string | null,
    now: Date,
  ): Promise<Booking> {
    const terms = await this.cancellationPolicies.judgeCancellation(tx, {
      clinicId: current.clinicId,
      startsAt: current.startsAt,
      now,
      pricePence: current.pricePence,
      cancelledBy,
      wasConfirmed: current.status === 'confirmed',
    });
    const next = await this.apply(tx, current, 'cancel', now, {
      cancelledBy,
      cancellationReason: reason,
      cancelledAt: now,
      lateCancellation: terms.late,
      lateFeePence: terms.lateFeePence,
      lateFeePercent: terms.policy.lateFeePercent,
      lateWindowHours: terms.policy.lateWindowHours,
      holdExpiresAt: null,
    });
    await this.outbox.append(tx, BookingCancelledV1, {
      aggregateId: next.id,
      clinicId: next.clinicId,
      data: {
        ...bookingStateOf(next),
        status: 'cancelled',
        cancelledBy,
        late: terms.late,
        lateFeePence: terms.lateFeePence,
        currency: 'GBP',
      },
    });
    return next;
  }

  async checkInBooking(caller: Caller, id: string): Promise<Booking> {
    return this.unkeyed(caller, id, 'check_in');
  }

  async completeBooking(caller: Caller, id: string): Promise<Booking> {
    return this.unkeyed(caller, id, 'complete');
  }

  async markNoShow(caller: Caller, id: string): Promise<Booking> {
    return this.unkeyed(caller, id, 'no_show');
  }

  /**
   * Places one CONFIRMED booking inside the caller's transaction `tx` (a booking series
   * places all of its sessions in one transaction): the same slot checks as holdBooking
   * (grid, past, eligibility, therapist, certification, room, availability), the booking
   * row with `seriesId`, and its booking.confirmed event through the outbox. Permission,
   * the clinic's offering and idempotency are the caller's job. Throws a BookingError for a
   * slot it cannot place (or a QueryFailedError when an exclusion constraint decides a race).
   */
  async placeConfirmedInTransaction(
    tx: Tx,
    caller: Caller,
    request: {
      readonly clinicId: string;
      readonly clientId: string;
      readonly treatment: Treatment;
      readonly pricePence: number;
      readonly currency: string;
      readonly therapistId: string;
      readonly startsAt: Date;
      readonly seriesId: string | null;
      readonly now: Date;
    },
  ): Promise<Booking> {
    return this.placeInTransaction(tx, caller, { ...request, roomId: null, status: 'confirmed' });
  }

  /**
   * Places one HELD booking inside the caller's transaction `tx` (the waitlist holds a freed
   * slot in its consumer's transaction, so the hold and the offer commit or roll back
   * together): the same slot checks as holdBooking, the row with a hold of HOLD_MINUTES and
   * its booking.held event through the outbox. Permission, the clinic's offering and
   * idempotency are the caller's job; run it under a SAVEPOINT to try another slot after a
   * failure. `ignoreTimeOffIds`: approved time off that does not count (one just cancelled
   * whose projection may lag). Throws a BookingError for a slot it cannot place (or a
   * QueryFailedError when an exclusion constraint decides a race).
   */
  async holdInTransaction(
    tx: Tx,
    caller: Caller,
    request: {
      readonly clinicId: string;
      readonly clientId: string;
      readonly treatment: Treatment;
      readonly pricePence: number;
      readonly currency: string;
      readonly therapistId: string;
      readonly startsAt: Date;
      readonly now: Date;
      readonly ignoreTimeOffIds?: readonly string[];
    },
  ): Promise<Booking> {
    return this.placeInTransaction(tx, caller, {
      ...request,
      roomId: null,
      status: 'held',
      seriesId: null,
    });
  }

  /**
   * The one place a new booking is written: the slot checks (placeSlot), the row, and its
   * booking.held or booking.confirmed event through the outbox, all in `tx`.
   */
  private async placeInTransaction(
    tx: Tx,
    caller: Caller,
    request: {
      readonly clinicId: string;
      readonly clientId: string;
      readonly treatment: Treatment;
      readonly pricePence: number;
      readonly currency: string;
      readonly therapistId: string;
      readonly roomId: string | null;
      readonly startsAt: Date;
      readonly status: 'held' | 'confirmed';
      readonly seriesId: string | null;
      readonly now: Date;
      readonly ignoreTimeOffIds?: readonly string[];
    },
  ): Promise<Booking> {
    const { now, status } = request;
    const slot = await this.placeSlot(tx, {
      clinicId: request.clinicId,
      clientId: request.clientId,
      treatment: request.treatment,
      therapistId: request.therapistId,
      roomId: request.roomId,
      startsAt: request.startsAt,
      now,
      exceptBookingId: null,
      ignoreTimeOffIds: request.ignoreTimeOffIds,
    });
    const booking: Booking = {
      id: randomUUID(),
      clinicId: request.clinicId,
      clientId: request.clientId,
      treatmentId: request.treatment.id,
      ...slot,
      status,
      holdExpiresAt: status === 'held' ? new Date(now.getTime() + HOLD_MINUTES * MINUTE_MS) : null,
      pricePence: request.pricePence,
      currency: request.currency,
      cancelledBy: null,
      cancellationReason: null,
      cancelledAt: null,
      lateCancellation: null,
      lateFeePence: null,
      lateFeePercent: null,
      lateWindowHours: null,
      seriesId: request.seriesId,
      createdBySubject: caller.subject,
      createdByRole: caller.role,
      confirmedAt: status === 'confirmed' ? now : null,
      checkedInAt: null,
      completedAt: null,
      noShowAt: null,
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    await this.bookings.insert(tx, booking);
    if (status === 'held') {
      await this.outbox.append(tx, BookingHeldV1, {
        aggregateId: booking.id,
        clinicId: booking.clinicId,
        data: { ...bookingStateOf(booking), status: 'held' },
      });
    } else {
      await this.outbox.append(tx, BookingConfirmedV1, {
        aggregateId: booking.id,
        clinicId: booking.clinicId,
        data: { ...bookingStateOf(booking), status: 'confirmed' },
      });
    }
    return booking;
  }

  // ---- queries ----

  async booking(caller: Caller, id: string): Promise<Booking> {
    requireUuid(id, 'id');
    requireReadScope(caller);
    const booking = await this.bookings.findById(id);
    if (booking === undefined || !maySee(caller, booking)) {
      throw notFound(id);
    }
    return booking;
  }

  async clinicDiary(caller: Caller, clinicId: string, from: Date, to: Date): Promise<Booking[]> {
    requireUuid(clinicId, 'clinicId');
    requireRange(from, to);
    requireReadScope(caller);
    if (caller.role === 'client' || caller.role === 'therapist') {
      throw new ForbiddenError('a clinic diary is for clinic staff; see your own bookings instead');
    }
    if (!canActForClinic(caller, clinicId)) {
      throw new ForbiddenError(
        `clinic ${clinicId} is not one of the clinics your login may act for`,
      );
    }
    return this.bookings.list({ clinicIds: [clinicId], from, to });
  }

  async therapistDiary(
    caller: Caller,
    therapistId: string,
    from: Date,
    to: Date,
  ): Promise<Booking[]> {
    requireUuid(therapistId, 'therapistId');
    requireRange(from, to);
    requireReadScope(caller);
    if (caller.role === 'client') {
      throw new ForbiddenError("clients cannot see a therapist's diary");
    }
    if (caller.role === 'therapist') {
      if (caller.therapistId !== therapistId) {
        throw new ForbiddenError('therapists see only their own diary');
      }
      return this.bookings.list({ therapistId, from, to });
    }
    if (isHeadOffice(caller.role)) {
      return this.bookings.list({ therapistId, from, to });
    }
    return this.bookings.list({ therapistId, from, to, clinicIds: caller.clinicIds });
  }

  async clientBookings(caller: Caller, clientId: string): Promise<Booking[]> {
    requireUuid(clientId, 'clientId');
    requireReadScope(caller);
    if (caller.role === 'client') {
      if (caller.clientId !== clientId) {
        throw new ForbiddenError('clients see only their own bookings');
      }
      return this.bookings.list({ clientId });
    }
    if (caller.role === 'therapist') {
      return this.bookings.list({ clientId, therapistId: caller.therapistId ?? '' });
    }
    if (isHeadOffice(caller.role)) {
      return this.bookings.list({ clientId });
    }
    return this.bookings.list({ clientId, clinicIds: caller.clinicIds });
  }

  // ---- internals ----

  private async requireTreatment(id: string): Promise<Treatment> {
    const treatment = await this.catalogue.treatment(id);
    if (treatment === undefined) {
      throw new BookingError(
        BookingErrorCode.TreatmentNotFound,
        `treatment ${id} is not in the catalogue; pick one from the treatments query`,
      );
    }
    return treatment;
  }

  /** A stored idempotency key's booking, or undefined when the key is new (now claimed). */
  private async replay(
    tx: Tx,
    caller: Caller,
    key: string,
    operation: string,
    hash: string,
  ): Promise<Booking | undefined> {
    const stored = await this.bookings.claimKey(tx, caller.subject, key, operation, hash);
    if (stored === undefined) {
      return undefined;
    }
    if (
      stored.operation !== operation ||
      stored.requestHash !== hash ||
      stored.bookingId === null
    ) {
      throw new BookingError(
        BookingErrorCode.IdempotencyKeyReused,
        `idempotency key "${key}" was already used for a different request (${stored.operation}); use a new key for a new request`,
      );
    }
    const booking = await this.bookings.findById(stored.bookingId);
    if (booking === undefined) {
      throw notFound(stored.bookingId);
    }
    return booking;
  }

  private async keyed(
    caller: Caller,
    operation: string,
    id: string,
    request: object,
    key: string,
    work: (tx: Tx, current: Booking, now: Date) => Promise<Booking>,
  ): Promise<Booking> {
    requireUuid(id, 'id');
    requireKey(key);
    const hash = requestHash(operation, { id, ...request });
    return this.transactions.run(async (tx) => {
      const replay = await this.replay(tx, caller, key, operation, hash);
      if (replay !== undefined) {
        return replay;
      }
      const current = await this.lockVisible(tx, caller, id);
      const next = await work(tx, current, this.clock.now());
      await this.bookings.recordKeyResult(tx, caller.subject, key, next);
      return next;
    });
  }

  /**
   * check_in, complete and no_show: the permission, the transition with its time stamp and
   * its event, in one transaction. They take no idempotency key: a retry of a transition that
   * already happened (by a caller who may do it) returns the booking as it is, no second event.
   */
  private async unkeyed(caller: Caller, id: string, command: UnkeyedCommand): Promise<Booking> {
    requireRoleAllowed(caller, command);
    requireUuid(id, 'id');
    return this.transactions.run(async (tx) => {
      const current = await this.lockVisible(tx, caller, id);
      requireAllowed(caller, command, current);
      if (current.status === UNKEYED_RESULT[command]) {
        return current;
      }
      const now = this.clock.now();
      transition(current.status, command);
      if (command === 'no_show' && now < current.startsAt) {
        throw new BookingError(
          BookingErrorCode.NoShowBeforeStart,
          `the appointment starts at ${current.startsAt.toISOString()}; mark a no-show only after it has started`,
        );
      }
      const next = await this.apply(tx, current, command, now, unkeyedStamp(command, now));
      const event = { aggregateId: next.id, clinicId: next.clinicId };
      const state = bookingStateOf(next);
      switch (command) {
        case 'check_in':
          await this.outbox.append(tx, BookingCheckedInV1, {
            ...event,
            data: { ...state, status: 'checked_in' },
          });
          break;
        case 'complete':
          await this.outbox.append(tx, BookingCompletedV1, {
            ...event,
            data: { ...state, status: 'completed' },
          });
          break;
        case 'no_show':
          await this.outbox.append(tx, BookingNoShowV1, {
            ...event,
            data: { ...state, status: 'no_show' },
          });
          break;
        default: {
          const unreachable: never = command;
          throw new Error(`unknown transition ${String(unreachable)}`);
        }
      }
      return next;
    });
  }

  private async lockVisible(tx: Tx, caller: Caller, id: string): Promise<Booking> {
    const current = await this.bookings.lockById(tx, id);
    if (current === undefined || !maySee(caller, current)) {
      throw notFound(id);
    }
    return current;
  }

  private async apply(
    tx: Tx,
    current: Booking,
    action: BookingAction,
    now: Date,
    changes: Partial<Booking>,
  ): Promise<Booking> {
    const status = transition(current.status, action);
    return this.bookings.update(tx, { ...current, ...changes, status, updatedAt: now });
  }

  /**
   * Checks a requested slot and returns where the booking goes (room chosen when not
   * given). Overlaps found here are reported early; the exclusion constraints decide races.
   */
  private async placeSlot(
    tx: Tx,
    request: {
      clinicId: string;
      clientId: string;
      treatment: Treatment;
      therapistId: string;
      roomId: string | null;
      startsAt: Date;
      now: Date;
      exceptBookingId: string | null;
      ignoreTimeOffIds?: readonly string[];
    },
  ): Promise<PlacedSlot> {
    const { treatment, startsAt, now } = request;
    if (Number.isNaN(startsAt.getTime())) {
      throw new BookingError(
        BookingErrorCode.InvalidBookingInput,
        'startsAt is not a valid instant',
      );
    }
    const clinic = await this.inputs.clinic(tx, request.clinicId);
    if (clinic === undefined) {
      throw new BookingError(
        BookingErrorCode.ClinicNotFound,
        `clinic ${request.clinicId} is not known to booking; check the clinic id`,
      );
    }
    if (startsAt <= now) {
      throw new BookingError(
        BookingErrorCode.StartInPast,
        `${startsAt.toISOString()} is in the past; pick a future slot`,
      );
    }
    const startMs = startsAt.getTime();
    const endsAt = new Date(startMs + treatment.durationMinutes * MINUTE_MS);
    const blocksUntil = new Date(endsAt.getTime() + treatment.bufferAfterMinutes * MINUTE_MS);
    const localStart = wallLabel(startMs, zoneOffsetMs(startMs, clinic.timezone));
    const localEnd = wallLabel(endsAt.getTime(), zoneOffsetMs(endsAt.getTime(), clinic.timezone));
    const localMinute = Number(localStart.slice(14, 16));
    if (startMs % MINUTE_MS !== 0 || localMinute % SLOT_GRID_MINUTES !== 0) {
      throw new BookingError(
        BookingErrorCode.OffSlotGrid,
        `${localStart} (${clinic.timezone}) is not on the ${SLOT_GRID_MINUTES}-minute slot grid; start on :00, :15, :30 or :45`,
      );
    }
    const appointmentDate = localStart.slice(0, 10);
    if (request.exceptBookingId === null) {
      // A new booking waits for an erasure of its client being applied (same lock).
      await lockClient(tx, request.clientId);
    }
    // Shared with other placements, exclusive for the time-off reaction: this booking either
    // reads time off the reaction recorded (availability below) or commits before the
    // reaction looks for bookings to flag. Taken before anything of the schedule is read.
    await lockTherapistSchedule(tx, request.therapistId, 'shared');
    if (await this.inputs.isErased(tx, request.clientId)) {
      throw new BookingError(
        BookingErrorCode.ClientErased,
        `client ${request.clientId} was erased and cannot be booked`,
      );
    }
    const reason = ineligibilityReason({
      treatment,
      eligibility: await this.inputs.eligibility(tx, request.clientId),
      appointmentDate,
    });
    if (reason !== undefined) {
      throw new BookingError(
        BookingErrorCode.ClientNotEligible,
        `client cannot have ${treatment.name}: ${reason}`,
        {
          reason: reason.split(':')[0],
        },
      );
    }
    const therapist = await this.inputs.therapist(tx, request.therapistId);
    if (therapist === undefined || !therapist.clinicIds.includes(request.clinicId)) {
      throw new BookingError(
        BookingErrorCode.TherapistNotFound,
        `therapist ${request.therapistId} does not work at clinic ${request.clinicId}; pick one from availability`,
      );
    }
    if (therapist.leftOn !== null && therapist.leftOn <= appointmentDate) {
      throw new BookingError(
        BookingErrorCode.SlotNotBookable,
        `the therapist leaves on ${therapist.leftOn}; pick another therapist`,
        { reason: 'therapist_left' },
      );
    }
    const certifications = await this.inputs.certifications(tx, therapist.id);
    if (!holdsAllOn(certifications, treatment.requiredCertifications, appointmentDate)) {
      throw new BookingError(
        BookingErrorCode.TherapistNotCertified,
        `the therapist does not hold ${treatment.requiredCertifications.join(', ')} on ${appointmentDate}, needed for ${treatment.name}; pick another therapist`,
      );
    }
    const rooms = await this.inputs.activeRooms(tx, request.clinicId);
    if (request.roomId !== null && !rooms.includes(request.roomId)) {
      throw new BookingError(
        BookingErrorCode.RoomNotFound,
        `room ${request.roomId} is not an active room of clinic ${request.clinicId}`,
      );
    }
    const overlaps = await this.inputs.overlapping(
      tx,
      therapist.id,
      request.roomId,
      startsAt,
      blocksUntil,
      request.exceptBookingId,
    );
    if (overlaps.some((b) => b.therapist_id === therapist.id || b.room_id === request.roomId)) {
      throw slotUnavailable([]);
    }
    const roomId =
      request.roomId ??
      (await this.firstFreeRoom(tx, rooms, startsAt, blocksUntil, request.exceptBookingId));
    if (roomId === undefined) {
      throw slotUnavailable([]);
    }
    await this.checkWithAvailability(
      tx,
      {
        clinicId: request.clinicId,
        treatmentId: treatment.id,
        therapistId: therapist.id,
        startsAt,
        roomId,
      },
      request.exceptBookingId,
      now,
      request.ignoreTimeOffIds,
    );
    return {
      therapistId: therapist.id,
      roomId,
      startsAt,
      endsAt,
      blocksUntil,
      localStart,
      localEnd,
      timezone: clinic.timezone,
    };
  }

  private async firstFreeRoom(
    tx: Tx,
    rooms: readonly string[],
    from: Date,
    until: Date,
    exceptBookingId: string | null,
  ): Promise<string | undefined> {
    for (const room of rooms) {
      const taken = await tx.query<unknown[]>(
        `SELECT 1 FROM booking WHERE room_id = $1 AND status IN ('held', 'confirmed', 'checked_in')
           AND tstzrange(starts_at, blocks_until, '[)') && tstzrange($2, $3, '[)')
           AND ($4::uuid IS NULL OR id <> $4::uuid) LIMIT 1`,
        [room, from, until, exceptBookingId],
      );
      if (taken.length === 0) {
        return room;
      }
    }
    return undefined;
  }

  /**
   * Opening hours, shifts, time off and minimum notice, through AvailabilityService.checkSlot
   * (a required dependency: an error there fails the booking, it is never skipped).
   */
  private async checkWithAvailability(
    tx: Tx,
    request: {
      clinicId: string;
      treatmentId: string;
      therapistId: string;
      startsAt: Date;
      roomId: string;
    },
    exceptBookingId: string | null,
    now: Date,
    ignoreTimeOffIds?: readonly string[],
  ): Promise<void> {
    const check = await this.availability.checkSlot(
      tx,
      {
        ...request,
        ...(exceptBookingId === null ? {} : { ignoreBookingId: exceptBookingId }),
        ...(ignoreTimeOffIds === undefined ? {} : { ignoreTimeOffIds }),
      },
      now,
    );
    if (check.ok) {
      return;
    }
    // Taken since this transaction looked (a concurrent booking committed): the race the
    // exclusion constraints decide, reported the same way.
    if (check.cause === 'THERAPIST_BUSY') {
      throw slotUnavailable([], 'therapist');
    }
    if (check.cause === 'NO_ROOM') {
      throw slotUnavailable([], 'room');
    }
    const code = (Object.values(BookingErrorCode) as string[]).includes(check.code)
      ? (check.code as BookingErrorCode)
      : BookingErrorCode.SlotNotBookable;
    throw new BookingError(code, check.reason, {
      reason: check.reason,
      ...(check.cause === undefined ? {} : { cause: check.cause }),
    });
  }

  /** An exclusion violation (or an early overlap) becomes SLOT_UNAVAILABLE with alternatives. */
  private async slotError(
    error: unknown,
    request: { clinicId: string; treatmentId: string; therapistId: string; startsAt: Date },
  ): Promise<unknown> {
    const overlap = overlapOf(error);
    const unavailable =
      overlap !== undefined ||
      (error instanceof BookingError && error.code === BookingErrorCode.SlotUnavailable);
    if (!unavailable) {
      return error;
    }
    return slotUnavailable(await this.alternatives(request), overlap);
  }

  private async alternatives(request: {
    clinicId: string;
    treatmentId: string;
    therapistId: string;
    startsAt: Date;
  }): Promise<SlotAlternative[]> {
    try {
      const slots = await this.transactions.run((tx) =>
        this.availability.alternatives(tx, request, MAX_ALTERNATIVES, this.clock.now()),
      );
      return slots.slice(0, MAX_ALTERNATIVES).map((slot) => ({
        startsAt: slot.startsAt,
        endsAt: slot.endsAt,
        localStart: slot.localStart,
        localEnd: slot.localEnd,
        therapistId: slot.therapistId,
        roomId: slot.roomId,
      }));
    } catch {
      return [];
    }
  }
}

/** The transitions that take no idempotency key (see BookingsService.unkeyed). */
type UnkeyedCommand = Extract<BookingCommand, 'check_in' | 'complete' | 'no_show'>;

/** The status each unkeyed transition leads to: a repeat of it is answered with the booking. */
const UNKEYED_RESULT: Record<UnkeyedCommand, Booking['status']> = {
  check_in: 'checked_in',
  complete: 'completed',
  no_show: 'no_show',
};

/** The time stamp an unkeyed transition sets. */
function unkeyedStamp(command: UnkeyedCommand, now: Date): Partial<Booking> {
  switch (command) {
    case 'check_in':
      return { checkedInAt: now };
    case 'complete':
      return { completedAt: now };
    case 'no_show':
      return { noShowAt: now };
    default: {
      const unreachable: never = command;
      throw new Error(`unknown transition ${String(unreachable)}`);
    }
  }
}

/** Attempts when a concurrent booking took the room chosen for us (another may be free). */
const ROOM_RACE_ATTEMPTS = 3;

/**
 * Runs `attempt` (a whole transaction, or one series session under its savepoint) again
 * when it lost a race for a room the service picked itself: the winner's commit is visible
 * to the next attempt, which picks another free room or reports the slot unavailable. A
 * room the caller named is not retried.
 */
export async function retryingRoomRace<T>(
  roomChosenByUs: boolean,
  attempt: () => Promise<T>,
): Promise<T> {
  for (let attempts = 1; ; attempts++) {
    try {
      return await attempt();
    } catch (error: unknown) {
      const lostRoom =
        overlapOf(error) === 'room' ||
        (error instanceof BookingError &&
          error.code === BookingErrorCode.SlotUnavailable &&
          error.details.overlap === 'room');
      if (!roomChosenByUs || attempts >= ROOM_RACE_ATTEMPTS || !lostRoom) {
        throw error;
      }
    }
  }
}

function slotUnavailable(
  alternatives: readonly SlotAlternative[],
  overlap?: 'therapist' | 'room',
): BookingError {
  return new BookingError(
    BookingErrorCode.SlotUnavailable,
    alternatives.length > 0
      ? 'that slot has just been taken; pick one of the alternatives'
      : 'that slot is taken; search availability for another',
    { alternatives, ...(overlap === undefined ? {} : { overlap }) },
  );
}

/** A hold past its expiry time is expired, even before the expiry job has swept it. */
function refuseExpiredHold(current: Booking, now: Date): void {
  if (current.status === 'held' && current.holdExpiresAt !== null && current.holdExpiresAt <= now) {
    throw new BookingError(
      BookingErrorCode.HoldExpired,
      `the hold on this slot expired at ${current.holdExpiresAt.toISOString()}; hold the slot again`,
    );
  }
  if (current.status === 'hold_expired') {
    throw new BookingError(
      BookingErrorCode.HoldExpired,
      'the hold on this slot has expired; hold the slot again',
    );
  }
}

/** Clients may book (and move) online only the treatments head office made self-bookable. */
function requireSelfBookable(caller: Caller, treatment: Treatment): void {
  if (caller.role === 'client' && !treatment.selfBookable) {
    throw new BookingError(
      BookingErrorCode.TreatmentNotSelfBookable,
      `${treatment.name} cannot be booked or moved online; call the clinic to change it`,
    );
  }
}

/** Integrators read bookings only with bookings:read or bookings:write. */
function requireReadScope(caller: Caller): void {
  const denial = readScopeDenial(caller);
  if (denial !== undefined) {
    throw new ForbiddenError(denial);
  }
}

/** Refuses a command the caller's role never may do, before the booking is looked up. */
function requireRoleAllowed(caller: Caller, command: BookingCommand): void {
  const denial = roleDenialOf(caller, command);
  if (denial !== undefined) {
    throw new ForbiddenError(denial);
  }
}

function requireAllowed(
  caller: Caller,
  command: BookingCommand,
  booking: { clinicId: string; clientId: string; therapistId: string },
): void {
  const denial = denialOf(caller, command, booking);
  if (denial !== undefined) {
    throw new ForbiddenError(denial);
  }
}

/** Whether the caller may see the booking at all (otherwise it is reported not found). */
function maySee(caller: Caller, booking: Booking): boolean {
  switch (caller.role) {
    case 'client':
      return caller.clientId === booking.clientId;
    case 'therapist':
      return caller.therapistId === booking.therapistId;
    case 'head_office_admin':
    case 'clinical_lead':
    case 'clinic_manager':
    case 'receptionist':
      return canActForClinic(caller, booking.clinicId);
    case 'integrator':
      return readScopeDenial(caller) === undefined && canActForClinic(caller, booking.clinicId);
    default: {
      const unreachable: never = caller.role;
      return Boolean(unreachable);
    }
  }
}

function notFound(id: string): BookingError {
  return new BookingError(
    BookingErrorCode.BookingNotFound,
    `booking ${id} does not exist or is not one you may see`,
  );
}

function requireUuid(value: string, field: string): void {
  if (!isUuid(value)) {
    throw new BookingError(BookingErrorCode.InvalidBookingInput, `${field} must be a UUID`, {
      field,
    });
  }
}

function requireKey(key: string): void {
  if (key.trim().length === 0 || key.length > MAX_KEY_LENGTH) {
    throw new BookingError(
      BookingErrorCode.InvalidIdempotencyKey,
      `idempotencyKey must be 1–${MAX_KEY_LENGTH} characters; send a new random key per request and the same key on retry`,
    );
  }
}

function requireRange(from: Date, to: Date): void {
  if (!(from < to) || to.getTime() - from.getTime() > 31 * 24 * 3_600_000) {
    throw new BookingError(
      BookingErrorCode.InvalidDateRange,
      'from must be before to, at most 31 days apart',
    );
  }
}
