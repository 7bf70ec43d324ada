import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Optional } from '@nestjs/common';
import type { Logger } from 'pino';
import { Caller, canActForClinic, isHeadOffice, isUuid } from '@app/auth';
import {
  BookingState,
  WaitlistJoinedV1,
  WaitlistOfferExpiredV1,
  WaitlistOfferMadeV1,
} from '@app/contracts';
import type { Tx } from '@app/database';
import { OutboxWriter, TransactionRunner } from '@app/messaging';
import { PLATFORM_LOGGER } from '@app/observability/logging/platform-logger.token';
import { ForbiddenError } from '@app/platform/errors/forbidden.error';
import { TRANSACTIONS } from '@app/platform/platform.tokens';
import { AvailabilityService } from '../availability/availability.service';
import type { AvailableSlot } from '../availability/domain/available-slot';
import { zoneOffsetMs } from '../availability/domain/zone-timeline';
import { BOOKING_CLOCK, BookingClock, systemClock } from '../bookings/booking-clock';
import { bookingStateOf } from '../bookings/booking-event-data';
import { BookingInputsRepository } from '../bookings/booking-inputs.repository';
import { lockClient } from '../bookings/booking-locks';
import { BookingError } from '../bookings/bookings.errors';
import { overlapOf } from '../bookings/bookings.repository';
import { BookingsService } from '../bookings/bookings.service';
import type { Booking } from '../bookings/domain/booking';
import { ineligibilityReason } from '../bookings/domain/booking-eligibility';
import { denialOf } from '../bookings/domain/booking-permissions';
import { CatalogueService } from '../catalogue/catalogue.service';
import type { Treatment } from '../catalogue/domain/treatment';
import {
  OPEN_WAITLIST_STATUSES,
  type WaitlistEntry,
  type WaitlistStatus,
} from './domain/waitlist-entry';
import { FreedSlot, localDateOf, rankSlotsForFreed, windowProblem } from './domain/waitlist-rules';
import { WaitlistError, WaitlistErrorCode } from './waitlist.errors';
import { WAITING_PAGE_SIZE, WaitlistRepository } from './waitlist.repository';

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
      // Waits for an erasure of the client being applied (the lock placements take too), so
      // the entry is either written before the erasure (which closes it) or refused here.
      await lockClient(tx, command.clientId);
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

  /**
   * A clinic's entries in `statuses` (default the open ones, waiting and offered), first
   * joined first. Clinic staff.
   */
  async clinicWaitlist(
    caller: Caller,
    clinicId: string,
    statuses: readonly WaitlistStatus[] = OPEN_WAITLIST_STATUSES,
  ): Promise<WaitlistEntry[]> {
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
    return this.transactions.run((tx) => this.entries.listForClinic(clinicId, statuses, tx));
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
   * booking.hold_expired: an offer not taken up lapses (waitlist.offer_expired, with the
   * slot that was offered); either way the slot is free again and goes to the next entry.
   */
  async holdExpired(tx: Tx, booking: BookingState, eventId: string): Promise<void> {
    const entry = await this.entries.lockOfferedByBooking(tx, booking.bookingId);
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
          bookingId: booking.bookingId,
          ...offeredSlotOf(booking),
          expiredAt: now.toISOString(),
        },
      });
    }
    await this.slotFreed(tx, freedSlotOf(booking), eventId);
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
   * time_off.cancelled (approved time off): the therapist's time in the period is free
   * again at every clinic they work at. Each clinic-local date of the period from now on is
   * offered like a freed slot, to as many waiting entries as fit that day (at most
   * OFFERS_PER_FREED_DAY). Booking's time-off projection is written by another consumer group
   * and may not have applied the cancellation yet, so this time off is ignored explicitly by
   * the availability search and by the hold's slot check.
   */
  async timeOffCancelled(
    tx: Tx,
    timeOff: {
      readonly timeOffId: string;
      readonly therapistId: string;
      readonly clinicIds: readonly string[];
      readonly startsAt: string;
      readonly endsAt: string;
      readonly wasApproved: boolean;
    },
    eventId: string,
  ): Promise<void> {
    if (!timeOff.wasApproved) {
      return;
    }
    const now = this.clock.now();
    const fromMs = Math.max(Date.parse(timeOff.startsAt), now.getTime());
    const endMs = Date.parse(timeOff.endsAt);
    if (!(fromMs < endMs)) {
      return;
    }
    const therapist = await this.inputs.therapist(tx, timeOff.therapistId);
    const clinicIds = [...new Set([...(therapist?.clinicIds ?? []), ...timeOff.clinicIds])].sort();
    const options = { ignoreTimeOffIds: [timeOff.timeOffId] };
    for (const clinicId of clinicIds) {
      const clinic = await this.inputs.clinic(tx, clinicId);
      if (clinic === undefined) {
        continue;
      }
      for (const day of freedDays(fromMs, endMs, clinic.timezone)) {
        const placed: Booking[] = [];
        for (let offers = 0; offers < OFFERS_PER_FREED_DAY; offers++) {
          const booking = await this.slotFreed(
            tx,
            { clinicId, therapistId: timeOff.therapistId, ...day },
            eventId,
            { ...options, taken: placed },
          );
          if (booking === undefined) {
            break;
          }
          placed.push(booking);
        }
      }
    }
  }

  /**
   * A slot became free: the first waiting entry (FIFO) that matches it and whose treatment
   * fits the therapist's free time that day gets a hold (the freed start, else the nearest)
   * and waitlist.offer_made. Entries are locked SKIP LOCKED a page at a time, so two freed
   * slots handled at once never offer to the same entry, and entries behind a page that
   * does not fit are still reached. The hold is placed INSIDE `tx` (the consumer's inbox
   * transaction), each attempt under a savepoint: the hold, the entry's offer and its event
   * commit together with the inbox row or not at all, so a failure and redelivery can never
   * leave an orphan hold or offer a dead booking. Returns the hold, or undefined.
   * `taken`: holds this handler already placed in `tx` (the search does not see them).
   */
  async slotFreed(
    tx: Tx,
    freed: FreedSlot,
    eventId: string,
    options: {
      readonly ignoreTimeOffIds?: readonly string[];
      readonly taken?: readonly Booking[];
    } = {},
  ): Promise<Booking | undefined> {
    const caller = waitlistCaller(freed.clinicId);
    const slotsByTreatment = new Map<string, AvailableSlot[]>();
    const offers = new Map<string, Offer | undefined>();
    let after: WaitlistEntry | undefined;
    for (;;) {
      const page = await this.entries.lockWaitingFor(
        tx,
        freed.clinicId,
        freed.localDate,
        freed.therapistId,
        after,
      );
      for (const entry of page) {
        if (!offers.has(entry.treatmentId)) {
          offers.set(entry.treatmentId, await this.offerOf(entry));
        }
        const offer = offers.get(entry.treatmentId);
        if (offer === undefined) {
          continue;
        }
        let slots = slotsByTreatment.get(entry.treatmentId);
        if (slots === undefined) {
          slots = await this.freeSlots(caller, entry, freed, options.ignoreTimeOffIds);
          slotsByTreatment.set(entry.treatmentId, slots);
        }
        const open = slots.filter((slot) => !overlapsAny(slot, options.taken ?? []));
        for (const slot of rankSlotsForFreed(open, freed).slice(0, SLOTS_TRIED_PER_ENTRY)) {
          const booking = await this.tryOffer(tx, caller, entry, offer, slot, options, eventId);
          if (booking !== undefined) {
            return booking;
          }
        }
      }
      if (page.length < WAITING_PAGE_SIZE) {
        return undefined;
      }
      after = page[page.length - 1];
    }
  }

  /**
   * Holds `slot` for `entry` and makes the offer, under a savepoint: a slot that cannot be
   * placed is rolled back and undefined returned (try the next); any other failure rolls the
   * attempt back and is thrown (the consumer retries the whole event).
   */
  private async tryOffer(
    tx: Tx,
    caller: Caller,
    entry: WaitlistEntry,
    offer: Offer,
    slot: AvailableSlot,
    options: { readonly ignoreTimeOffIds?: readonly string[] },
    eventId: string,
  ): Promise<Booking | undefined> {
    await tx.query('SAVEPOINT waitlist_offer');
    try {
      const now = this.clock.now();
      const booking = await this.bookings.holdInTransaction(tx, caller, {
        clinicId: entry.clinicId,
        clientId: entry.clientId,
        treatment: offer.treatment,
        pricePence: offer.pricePence,
        currency: offer.currency,
        therapistId: slot.therapistId,
        startsAt: new Date(slot.startsAt),
        now,
        ...(options.ignoreTimeOffIds === undefined
          ? {}
          : { ignoreTimeOffIds: options.ignoreTimeOffIds }),
      });
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
          ...offeredSlotOf(bookingStateOf(booking)),
          offerExpiresAt: offerExpiresAt.toISOString(),
        },
      });
      await tx.query('RELEASE SAVEPOINT waitlist_offer');
      return booking;
    } catch (error: unknown) {
      await tx.query('ROLLBACK TO SAVEPOINT waitlist_offer');
      if (error instanceof BookingError || overlapOf(error) !== undefined) {
        this.logger.info(
          {
            entryId: entry.id,
            eventId,
            code: error instanceof BookingError ? error.code : 'SLOT_UNAVAILABLE',
            startsAt: slot.startsAt,
          },
          'waitlist: could not hold a freed slot for an entry; trying the next',
        );
        return undefined;
      }
      throw error;
    }
  }

  /** The clinic's offering of the entry's treatment, or undefined when no longer offered. */
  private async offerOf(entry: WaitlistEntry): Promise<Offer | undefined> {
    const offered = await this.catalogue.offeredTreatment(
      undefined,
      entry.clinicId,
      entry.treatmentId,
    );
    if ('error' in offered) {
      this.logger.info(
        { entryId: entry.id, code: offered.error },
        'waitlist: the treatment of an entry is not offered; skipping it',
      );
      return undefined;
    }
    return {
      treatment: offered.treatment,
      pricePence: offered.pricePence,
      currency: offered.currency,
    };
  }

  private async freeSlots(
    caller: Caller,
    entry: WaitlistEntry,
    freed: FreedSlot,
    ignoreTimeOffIds: readonly string[] | undefined,
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
          ...(ignoreTimeOffIds === undefined ? {} : { ignoreTimeOffIds }),
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

interface Offer {
  readonly treatment: Treatment;
  readonly pricePence: number;
  readonly currency: string;
}

/** Offers made per clinic-local day freed by cancelled time off (one event, one transaction). */
const OFFERS_PER_FREED_DAY = 10;
/** Clinic-local days of cancelled time off offered (the longest waitlist window and a day). */
const MAX_FREED_DAYS = 366;

/** The slot of an offer as waitlist events carry it. */
function offeredSlotOf(booking: BookingState): {
  therapistId: string;
  treatmentId: string;
  startsAt: string;
  endsAt: string;
  localStart: string;
  localEnd: string;
  timezone: string;
} {
  return {
    therapistId: booking.therapistId,
    treatmentId: booking.treatmentId,
    startsAt: booking.startsAt,
    endsAt: booking.endsAt,
    localStart: booking.localStart,
    localEnd: booking.localEnd,
    timezone: booking.timezone,
  };
}

/** The slot a booking event frees. */
export function freedSlotOf(booking: BookingState): FreedSlot {
  return {
    clinicId: booking.clinicId,
    therapistId: booking.therapistId,
    startsAt: new Date(booking.startsAt),
    localDate: booking.localStart.slice(0, 10),
  };
}

/**
 * The clinic-local days [fromMs, endMs) touches, each with the instant to offer nearest: the
 * period's start on its first day, the day's start (local midnight) after that.
 */
export function freedDays(
  fromMs: number,
  endMs: number,
  timezone: string,
): { startsAt: Date; localDate: string }[] {
  const days: { startsAt: Date; localDate: string }[] = [];
  const lastDate = localDateOf(new Date(endMs - 1), timezone);
  let date = localDateOf(new Date(fromMs), timezone);
  let startsAt = new Date(fromMs);
  while (date <= lastDate && days.length < MAX_FREED_DAYS) {
    days.push({ startsAt, localDate: date });
    date = nextDate(date);
    const wallMs = Date.parse(`${date}T00:00:00Z`);
    startsAt = new Date(wallMs - zoneOffsetMs(wallMs, timezone));
  }
  return days;
}

function nextDate(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** Whether a slot overlaps a hold already placed (same therapist, buffer included). */
function overlapsAny(slot: AvailableSlot, taken: readonly Booking[]): boolean {
  const start = Date.parse(slot.startsAt);
  const end = Date.parse(slot.endsAt);
  return taken.some(
    (b) =>
      b.therapistId === slot.therapistId &&
      start < b.blocksUntil.getTime() &&
      b.startsAt.getTime() < end,
  );
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
