import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Optional } from '@nestjs/common';
import type { Logger } from 'pino';
import { Caller, canActForClinic, isHeadOffice, isUuid } from '@app/auth';
import { WaitlistJoinedV1, WaitlistOfferExpiredV1, WaitlistOfferMadeV1 } from '@app/contracts';
import type { Tx } from '@app/database';
import { OutboxWriter, TransactionRunner } from '@app/messaging';
import { PLATFORM_LOGGER } from '@app/observability/logging/platform-logger.token';
import { ForbiddenError } from '@app/platform/errors/forbidden.error';
import { TRANSACTIONS } from '@app/platform/platform.tokens';
import { AvailabilityService } from '../availability/availability.service';
import type { AvailableSlot } from '../availability/domain/available-slot';
import { wallLabel, zoneOffsetMs } from '../availability/domain/zone-timeline';
import { BOOKING_CLOCK, BookingClock, systemClock } from '../bookings/booking-clock';
import { BookingInputsRepository } from '../bookings/booking-inputs.repository';
import { BookingError } from '../bookings/bookings.errors';
import { BookingsService } from '../bookings/bookings.service';
import { ineligibilityReason } from '../bookings/domain/booking-eligibility';
import { denialOf } from '../bookings/domain/booking-permissions';
import { CatalogueService } from '../catalogue/catalogue.service';
import type { WaitlistEntry } from './domain/waitlist-entry';
import { FreedSlot, rankSlotsForFreed, windowProblem } from './domain/waitlist-rules';
import { WaitlistError, WaitlistErrorCode } from './waitlist.errors';
import { WaitlistRepository } from './waitlist.repository';

export interface JoinWaitlistCommand {
  readonly clientId: string;
  readonly clinicId: string;
  readonly treatmentId: string;
  readonly fromDate: string;
  readonly toDate: string;
  readonly therapistId?: string | null;
}

/** Slots of one freed day tried for one entry before moving on to the next entry. */
const SLOTS_TRIED_PER_ENTRY = 3;

/** The clinic acting for the waitlist when it holds a freed slot. */
function waitlistCaller(clinicId: string): Caller {
  return {
    subject: 'system:booking-waitlist',
    role: 'clinic_manager',
    clinicIds: [clinicId],
    scopes: [],
  };
}

@Injectable()
export class WaitlistService {
  constructor(
    private readonly entries: WaitlistRepository,
    private readonly inputs: BookingInputsRepository,
    private readonly catalogue: CatalogueService,
    private readonly bookings: BookingsService,
    private readonly availability: AvailabilityService,
    private readonly outbox: OutboxWriter,
    @Inject(TRANSACTIONS) private readonly transactions: TransactionRunner<Tx>,
    @Inject(PLATFORM_LOGGER) private readonly logger: Logger,
    @Optional() @Inject(BOOKING_CLOCK) private readonly clock: BookingClock = systemClock,
  ) {}

  async joinWaitlist(caller: Caller, command: JoinWaitlistCommand): Promise<WaitlistEntry> {
    requireUuid(command.clientId, 'clientId');
    requireUuid(command.clinicId, 'clinicId');
    requireUuid(command.treatmentId, 'treatmentId');
    const therapistId = command.therapistId ?? null;
    if (therapistId !== null) {
      requireUuid(therapistId, 'therapistId');
    }
    const denial = denialOf(caller, 'hold', {
      clinicId: command.clinicId,
      clientId: command.clientId,
      therapistId: therapistId ?? '',
    });
    if (denial !== undefined) {
      throw new ForbiddenError(
        denial.replace(
          'book, move and cancel their own appointments',
          'join the waitlist for themselves',
        ),
      );
    }
    const offered = await this.catalogue.offeredTreatment(
      undefined,
      command.clinicId,
      command.treatmentId,
    );
    if ('error' in offered) {
      throw new WaitlistError(offered.error as WaitlistErrorCode, offered.message);
    }
    const treatment = offered.treatment;
    if (caller.role === 'client' && !treatment.selfBookable) {
      throw new WaitlistError(
        WaitlistErrorCode.TreatmentNotSelfBookable,
        `${treatment.name} cannot be booked online; call the clinic to join its waitlist`,
      );
    }
    return this.transactions.run(async (tx) => {
      const now = this.clock.now();
      const clinic = await this.inputs.clinic(tx, command.clinicId);
      if (clinic === undefined) {
        throw new WaitlistError(
          WaitlistErrorCode.ClinicNotFound,
          `clinic ${command.clinicId} is not known to booking; check the clinic id`,
        );
      }
      const problem = windowProblem(
        command.fromDate,
        command.toDate,
        localDateOf(now, clinic.timezone),
      );
      if (problem !== undefined) {
        throw new WaitlistError(problem.code as WaitlistErrorCode, problem.message, {
          fromDate: command.fromDate,
          toDate: command.toDate,
        });
      }
      if (therapistId !== null) {
        const therapist = await this.inputs.therapist(tx, therapistId);
        if (therapist === undefined || !therapist.clinicIds.includes(command.clinicId)) {
          throw new WaitlistError(
            WaitlistErrorCode.TherapistNotFound,
            `therapist ${therapistId} does not work at clinic ${command.clinicId}; name one who does, or leave the therapist out`,
          );
        }
      }
      if (await this.inputs.isErased(tx, command.clientId)) {
        throw new WaitlistError(
          WaitlistErrorCode.ClientErased,
          `client ${command.clientId} was erased and cannot join a waitlist`,
        );
      }
      const reason = ineligibilityReason({
        treatment,
        eligibility: await this.inputs.eligibility(tx, command.clientId),
        appointmentDate: command.fromDate,
      });
      if (reason !== undefined) {
        throw new WaitlistError(
          WaitlistErrorCode.ClientNotEligible,
          `client cannot have ${treatment.name}: ${reason}`,
          { reason: reason.split(':')[0] },
        );
      }
      const entry: WaitlistEntry = {
        id: randomUUID(),
        clinicId: command.clinicId,
        clientId: command.clientId,
        treatmentId: treatment.id,
        therapistId,
        fromDate: command.fromDate,
        toDate: command.toDate,
        status: 'waiting',
        joinedAt: now,
        bookingId: null,
        offeredAt: null,
        offerExpiresAt: null,
        closedAt: null,
        createdBySubject: caller.subject,
        createdByRole: caller.role,
        version: 1,
      };
      if (!(await this.entries.insert(tx, entry))) {
        throw new WaitlistError(
          WaitlistErrorCode.AlreadyOnWaitlist,
          `the client is already on this clinic's waitlist for ${treatment.name}; leave that entry first to change its dates`,
        );
      }
      await this.outbox.append(tx, WaitlistJoinedV1, {
        aggregateId: entry.id,
        clinicId: entry.clinicId,
        data: {
          entryId: entry.id,
          clinicId: entry.clinicId,
          clientId: entry.clientId,
          treatmentId: entry.treatmentId,
          therapistId: entry.therapistId,
          fromDate: entry.fromDate,
          toDate: entry.toDate,
          joinedAt: entry.joinedAt.toISOString(),
        },
      });
      return entry;
    });
  }

  /** Leaves the waitlist (waiting or offered; an offered hold simply runs out). */
  async leaveWaitlist(caller: Caller, id: string): Promise<WaitlistEntry> {
    requireUuid(id, 'id');
    return this.transactions.run(async (tx) => {
      const entry = await this.entries.lockById(tx, id);
      if (entry === undefined || !maySee(caller, entry)) {
        throw notFound(id);
      }
      const denial = denialOf(caller, 'cancel', { ...entry, therapistId: entry.therapistId ?? '' });
      if (denial !== undefined) {
        throw new ForbiddenError(
          denial.replace(
            'book, move and cancel their own appointments',
            'leave their own waitlist entries',
          ),
        );
      }
      if (entry.status !== 'waiting' && entry.status !== 'offered') {
        throw new WaitlistError(
          WaitlistErrorCode.WaitlistEntryClosed,
          `this waitlist entry is already ${entry.status}; there is nothing to leave`,
          { status: entry.status },
        );
      }
      return this.entries.update(tx, { ...entry, status: 'left', closedAt: this.clock.now() });
    });
  }

  /** The open (waiting and offered) entries of a clinic, first joined first. Clinic staff. */
  async clinicWaitlist(caller: Caller, clinicId: string): Promise<WaitlistEntry[]> {
    requireUuid(clinicId, 'clinicId');
    switch (caller.role) {
      case 'head_office_admin':
      case 'clinical_lead':
      case 'clinic_manager':
      case 'receptionist':
        break;
      case 'client':
        throw new ForbiddenError(
          "a clinic's waitlist is for clinic staff; see yours with myWaitlist",
        );
      case 'therapist':
      case 'integrator':
        throw new ForbiddenError("a clinic's waitlist is for clinic staff; ask reception");
      default: {
        const unreachable: never = caller.role;
        throw new ForbiddenError(`unknown role ${String(unreachable)}`);
      }
    }
    if (!canActForClinic(caller, clinicId)) {
      throw new ForbiddenError(
        `clinic ${clinicId} is not one of the clinics your login may act for`,
      );
    }
    return this.transactions.run((tx) => this.entries.listForClinic(clinicId, tx));
  }

  /** The calling client's entries, newest first (closed ones too). */
  async myWaitlist(caller: Caller): Promise<WaitlistEntry[]> {
    if (caller.role !== 'client' || caller.clientId === undefined) {
      throw new ForbiddenError('myWaitlist is for clients; clinic staff use waitlist(clinicId)');
    }
    const clientId = caller.clientId;
    return this.transactions.run((tx) => this.entries.listForClient(clientId, tx));
  }

  // ---- reactions to booking events (inside the consumer's inbox transaction) ----

  /** booking.confirmed: an offered entry whose hold was confirmed is booked. */
  async bookingConfirmed(tx: Tx, bookingId: string): Promise<void> {
    const entry = await this.entries.lockOfferedByBooking(tx, bookingId);
    if (entry !== undefined) {
      await this.entries.update(tx, { ...entry, status: 'booked', closedAt: this.clock.now() });
    }
  }

  /**
   * booking.hold_expired: an offer not taken up lapses (waitlist.offer_expired); either way
   * the slot is free again and goes to the next waiting entry.
   */
  async holdExpired(tx: Tx, bookingId: string, freed: FreedSlot, eventId: string): Promise<void> {
    const entry = await this.entries.lockOfferedByBooking(tx, bookingId);
    if (entry !== undefined) {
      const now = this.clock.now();
      await this.entries.update(tx, { ...entry, status: 'offer_expired', closedAt: now });
      await this.outbox.append(tx, WaitlistOfferExpiredV1, {
        aggregateId: entry.id,
        clinicId: entry.clinicId,
        data: {
          entryId: entry.id,
          clientId: entry.clientId,
          clinicId: entry.clinicId,
          bookingId,
          expiredAt: now.toISOString(),
        },
      });
    }
    await this.slotFreed(tx, freed, eventId);
  }

  /** booking.cancelled: a cancelled offer is declined; the slot goes to the next entry. */
  async bookingCancelled(
    tx: Tx,
    bookingId: string,
    freed: FreedSlot,
    eventId: string,
  ): Promise<void> {
    const entry = await this.entries.lockOfferedByBooking(tx, bookingId);
    if (entry !== undefined) {
      await this.entries.update(tx, {
        ...entry,
        status: 'offer_declined',
        closedAt: this.clock.now(),
      });
    }
    await this.slotFreed(tx, freed, eventId);
  }

  /**
   * A slot became free: the first waiting entry (FIFO) that matches it and whose treatment
   * fits the therapist's free time that day gets a hold (the freed start, else the nearest)
   * and waitlist.offer_made. Entries are locked SKIP LOCKED, so two freed slots handled at
   * once never offer to the same entry. The hold is placed through BookingsService in its
   * own transaction with an idempotency key of this event and entry, so a redelivery after
   * a failure finds the same hold.
   */
  async slotFreed(tx: Tx, freed: FreedSlot, eventId: string): Promise<void> {
    const candidates = await this.entries.lockWaitingFor(
      tx,
      freed.clinicId,
      freed.localDate,
      freed.therapistId,
    );
    const caller = waitlistCaller(freed.clinicId);
    for (const entry of candidates) {
      const slots = await this.freeSlots(caller, entry, freed);
      for (const slot of rankSlotsForFreed(slots, freed).slice(0, SLOTS_TRIED_PER_ENTRY)) {
        let booking;
        try {
          booking = await this.bookings.holdBooking(caller, {
            clinicId: entry.clinicId,
            treatmentId: entry.treatmentId,
            therapistId: slot.therapistId,
            startsAt: new Date(slot.startsAt),
            clientId: entry.clientId,
            idempotencyKey: `waitlist:${eventId}:${entry.id}:${slot.startsAt}`,
          });
        } catch (error: unknown) {
          if (error instanceof BookingError) {
            this.logger.info(
              { entryId: entry.id, code: error.code, startsAt: slot.startsAt },
              'waitlist: could not hold a freed slot for an entry; trying the next',
            );
            continue;
          }
          throw error;
        }
        const now = this.clock.now();
        const offerExpiresAt = booking.holdExpiresAt ?? now;
        await this.entries.update(tx, {
          ...entry,
          status: 'offered',
          bookingId: booking.id,
          offeredAt: now,
          offerExpiresAt,
        });
        await this.outbox.append(tx, WaitlistOfferMadeV1, {
          aggregateId: entry.id,
          clinicId: entry.clinicId,
          data: {
            entryId: entry.id,
            clientId: entry.clientId,
            clinicId: entry.clinicId,
            bookingId: booking.id,
            therapistId: booking.therapistId,
            startsAt: booking.startsAt.toISOString(),
            endsAt: booking.endsAt.toISOString(),
            offerExpiresAt: offerExpiresAt.toISOString(),
          },
        });
        return;
      }
    }
  }

  private async freeSlots(
    caller: Caller,
    entry: WaitlistEntry,
    freed: FreedSlot,
  ): Promise<AvailableSlot[]> {
    try {
      return await this.availability.search(
        caller,
        {
          clinicId: entry.clinicId,
          treatmentId: entry.treatmentId,
          from: freed.localDate,
          to: freed.localDate,
          therapistId: freed.therapistId,
        },
        this.clock.now(),
      );
    } catch (error: unknown) {
      // The treatment may have been retired or the clinic closed since the client joined.
      this.logger.info(
        { entryId: entry.id, err: error },
        'waitlist: no availability for an entry on the freed day',
      );
      return [];
    }
  }
}

/** The clinic-local date "YYYY-MM-DD" of an instant. */
export function localDateOf(instant: Date, timezone: string): string {
  const ms = instant.getTime();
  return wallLabel(ms, zoneOffsetMs(ms, timezone)).slice(0, 10);
}

function maySee(caller: Caller, entry: WaitlistEntry): boolean {
  switch (caller.role) {
    case 'client':
      return caller.clientId === entry.clientId;
    case 'therapist':
      return false;
    case 'head_office_admin':
    case 'clinical_lead':
    case 'clinic_manager':
    case 'receptionist':
    case 'integrator':
      return isHeadOffice(caller.role) || canActForClinic(caller, entry.clinicId);
    default: {
      const unreachable: never = caller.role;
      return Boolean(unreachable);
    }
  }
}

function notFound(id: string): WaitlistError {
  return new WaitlistError(
    WaitlistErrorCode.WaitlistEntryNotFound,
    `waitlist entry ${id} does not exist or is not one you may see`,
  );
}

function requireUuid(value: string, field: string): void {
  if (!isUuid(value)) {
    throw new WaitlistError(WaitlistErrorCode.InvalidWaitlistInput, `${field} must be a UUID`, {
      field,
    });
  }
}
