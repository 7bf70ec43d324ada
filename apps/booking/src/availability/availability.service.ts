import { Injectable } from '@nestjs/common';
import { Caller, canActForClinic, hasScope, isHeadOffice, isUuid } from '@app/auth';
import type { Tx } from '@app/database';
import { ForbiddenError } from '@app/platform/errors/forbidden.error';
import {
  AvailabilityInputs,
  AvailabilityInputsRepository,
  AvailabilityTreatmentRow,
} from './availability-inputs.repository';
import { AvailabilitySearchError, AvailabilitySearchErrorCode } from './availability.errors';
import { AvailabilityError, AvailabilityErrorCode } from './domain/availability-error';
import type { AvailabilityQuery } from './domain/availability-query';
import type { AvailableSlot } from './domain/available-slot';
import { addDays, datesInclusive, isIsoDate, wallMidnightMs } from './domain/calendar-date';
import { checkRequestedSlot, UnbookableCause } from './domain/check-requested-slot';
import { findAvailableSlots, MAX_SEARCH_DAYS } from './domain/find-available-slots';
import { zoneOffsetMs } from './domain/zone-timeline';

/** A search: clinic-local dates "YYYY-MM-DD", both included (at most 31). */
export interface AvailabilitySearch {
  readonly clinicId: string;
  readonly treatmentId: string;
  readonly from: string;
  readonly to: string;
  readonly therapistId?: string;
  /** Approved time off that does not count (one just cancelled; see the inputs repository). */
  readonly ignoreTimeOffIds?: readonly string[];
}

/** One requested slot, as a booking asks for it. */
export interface SlotRequest {
  readonly clinicId: string;
  readonly treatmentId: string;
  readonly therapistId: string;
  readonly startsAt: Date;
  /** A specific room; otherwise the first free active room by id. */
  readonly roomId?: string;
  /** A booking whose own time does not count as busy (the one a reschedule moves). */
  readonly ignoreBookingId?: string;
  /** Approved time off that does not count (one just cancelled; see the inputs repository). */
  readonly ignoreTimeOffIds?: readonly string[];
}

export type SlotCheckFailureCode =
  | 'START_IN_PAST'
  | 'OFF_SLOT_GRID'
  | 'SLOT_NOT_BOOKABLE'
  | 'TREATMENT_NOT_FOUND'
  | 'TREATMENT_NOT_OFFERED'
  | 'CLINIC_NOT_FOUND';

export type SlotCheck =
  | { readonly ok: true; readonly slot: AvailableSlot }
  | {
      readonly ok: false;
      readonly code: SlotCheckFailureCode;
      /** What is wrong and what to do next, for the user. */
      readonly reason: string;
      /** For SLOT_NOT_BOOKABLE: which rule the slot breaks. */
      readonly cause?: UnbookableCause;
    };

/** Who may search availability at a clinic, with what the service must still check. */
const INTEGRATOR_SCOPES = ['availability:read', 'bookings:write'];
const BOOKABLE_CLINIC_STATUSES = new Set(['opening', 'active']);
const DAY_MS = 86_400_000;

/**
 * Availability search over booking's projections and bookings: the repository loads every
 * input in one round trip, the pure core (`domain/`) decides. Also the single-slot check and
 * the nearest alternatives the booking lifecycle uses inside its own transaction.
 */
@Injectable()
export class AvailabilityService {
  constructor(private readonly inputs: AvailabilityInputsRepository) {}

  /**
   * The bookable slots. Head office: every clinic; clinic staff, therapists and integrators
   * (scope availability:read or bookings:write): the clinics in their token; clients: any
   * active clinic, self-bookable treatments only.
   */
  async search(
    caller: Caller,
    search: AvailabilitySearch,
    now: Date = new Date(),
  ): Promise<AvailableSlot[]> {
    this.requireMaySearch(caller, search.clinicId);
    validateRange(search.from, search.to);
    if (!isUuid(search.clinicId)) {
      throw clinicNotFound(search.clinicId);
    }
    if (!isUuid(search.treatmentId)) {
      throw treatmentNotFound(search.treatmentId);
    }
    const therapistId: string | undefined = search.therapistId;
    if (therapistId !== undefined && !isUuid(therapistId)) {
      throw new AvailabilitySearchError(
        AvailabilitySearchErrorCode.InvalidTherapistId,
        `the therapist id is not a UUID; give a therapist's id or leave it out`,
        { therapistId: search.therapistId },
      );
    }
    const inputs = await this.inputs.load({
      clinicId: search.clinicId,
      treatmentId: search.treatmentId,
      from: new Date(wallMidnightMs(search.from) - 2 * DAY_MS),
      to: new Date(wallMidnightMs(search.to) + 3 * DAY_MS),
      therapistId: search.therapistId,
      ignoreTimeOffIds: search.ignoreTimeOffIds,
    });
    const clinic = inputs.clinic;
    if (clinic === undefined || (caller.role === 'client' && clinic.status !== 'active')) {
      throw clinicNotFound(search.clinicId);
    }
    const treatment = requireOffered(inputs.treatment, search.treatmentId);
    if (caller.role === 'client' && !treatment.selfBookable) {
      throw new AvailabilitySearchError(
        AvailabilitySearchErrorCode.TreatmentNotSelfBookable,
        `treatment ${treatment.id} cannot be booked online; call the clinic to book it`,
        { treatmentId: treatment.id },
      );
    }
    if (!BOOKABLE_CLINIC_STATUSES.has(clinic.status)) {
      return [];
    }
    return findAvailableSlots({
      ...queryOf(inputs, treatment, now),
      range: { fromDate: search.from, toDate: search.to },
      therapistId: search.therapistId,
    });
  }

  /**
   * Whether one requested slot is bookable now, inside the caller's transaction `tx` (so a
   * booking sees its own writes); never throws for a bad slot. Permission is the caller's.
   */
  async checkSlot(tx: Tx, request: SlotRequest, now: Date = new Date()): Promise<SlotCheck> {
    const loaded = await this.loadAround(tx, request, 2);
    if (!loaded.ok) {
      return loaded;
    }
    const check = checkRequestedSlot(
      { ...loaded.query, range: { fromDate: '2000-01-01', toDate: '2000-01-01' }, now },
      request,
    );
    if (check.ok) {
      return check;
    }
    return 'cause' in check
      ? { ok: false, code: check.code, reason: check.reason, cause: check.cause }
      : { ok: false, code: check.code, reason: check.reason };
  }

  /**
   * Up to `limit` bookable slots nearest the requested start, within three clinic-local days
   * either side: the requested therapist's first (nearest first), then other therapists'.
   */
  async alternatives(
    tx: Tx,
    request: SlotRequest,
    limit = 5,
    now: Date = new Date(),
  ): Promise<AvailableSlot[]> {
    const loaded = await this.loadAround(tx, request, 4);
    if (!loaded.ok) {
      return [];
    }
    const startMs = request.startsAt.getTime();
    const localDate = new Date(startMs + zoneOffsetMs(startMs, loaded.query.clinic.timezone))
      .toISOString()
      .slice(0, 10);
    const slots = findAvailableSlots({
      ...loaded.query,
      now,
      range: { fromDate: addDays(localDate, -3), toDate: addDays(localDate, 3) },
    });
    const distance = (slot: AvailableSlot): number => Math.abs(Date.parse(slot.startsAt) - startMs);
    const rank = (slot: AvailableSlot): number =>
      slot.therapistId === request.therapistId ? 0 : 1;
    return slots
      .filter((slot) => !(Date.parse(slot.startsAt) === startMs && rank(slot) === 0))
      .sort(
        (a, b) =>
          rank(a) - rank(b) || distance(a) - distance(b) || a.startsAt.localeCompare(b.startsAt),
      )
      .slice(0, limit);
  }

  private async loadAround(
    tx: Tx,
    request: SlotRequest,
    marginDays: number,
  ): Promise<
    | { ok: true; query: Omit<AvailabilityQuery, 'range'> }
    | { ok: false; code: SlotCheckFailureCode; reason: string }
  > {
    if (!isUuid(request.clinicId)) {
      return {
        ok: false,
        code: 'CLINIC_NOT_FOUND',
        reason: clinicNotFound(request.clinicId).message,
      };
    }
    if (!isUuid(request.treatmentId)) {
      return {
        ok: false,
        code: 'TREATMENT_NOT_FOUND',
        reason: treatmentNotFound(request.treatmentId).message,
      };
    }
    const startMs = request.startsAt.getTime();
    const inputs = await this.inputs.load(
      {
        clinicId: request.clinicId,
        treatmentId: request.treatmentId,
        from: new Date(startMs - marginDays * DAY_MS),
        to: new Date(startMs + marginDays * DAY_MS),
        ignoreBookingId: request.ignoreBookingId,
        ignoreTimeOffIds: request.ignoreTimeOffIds,
      },
      tx,
    );
    if (inputs.clinic === undefined || !BOOKABLE_CLINIC_STATUSES.has(inputs.clinic.status)) {
      return {
        ok: false,
        code: 'CLINIC_NOT_FOUND',
        reason:
          inputs.clinic === undefined
            ? clinicNotFound(request.clinicId).message
            : `clinic ${request.clinicId} is ${inputs.clinic.status} and takes no bookings; choose another clinic`,
      };
    }
    if (inputs.treatment === undefined) {
      return {
        ok: false,
        code: 'TREATMENT_NOT_FOUND',
        reason: treatmentNotFound(request.treatmentId).message,
      };
    }
    if (!inputs.treatment.active) {
      return {
        ok: false,
        code: 'TREATMENT_NOT_OFFERED',
        reason: notOfferedMessage(request.treatmentId),
      };
    }
    return { ok: true, query: queryOf(inputs, inputs.treatment, new Date()) };
  }

  private requireMaySearch(caller: Caller, clinicId: string): void {
    if (isHeadOffice(caller.role) || caller.role === 'client') {
      return;
    }
    if (caller.role === 'integrator' && !INTEGRATOR_SCOPES.some((s) => hasScope(caller, s))) {
      throw new ForbiddenError(
        `your integration needs the scope availability:read or bookings:write to search availability; ask head office to extend its grant`,
      );
    }
    if (!canActForClinic(caller, clinicId)) {
      throw new ForbiddenError(
        `clinic ${clinicId} is not one of the clinics your login may act for; search one of your clinics`,
      );
    }
  }
}

function queryOf(
  inputs: AvailabilityInputs,
  treatment: AvailabilityTreatmentRow,
  now: Date,
): Omit<AvailabilityQuery, 'range'> & { clinic: NonNullable<AvailabilityInputs['clinic']> } {
  if (inputs.clinic === undefined) {
    throw new Error('availability inputs without a clinic');
  }
  return {
    clinic: inputs.clinic,
    rooms: inputs.rooms,
    treatment,
    therapists: inputs.therapists,
    busy: inputs.busy,
    now,
  };
}

function requireOffered(
  treatment: AvailabilityTreatmentRow | undefined,
  treatmentId: string,
): AvailabilityTreatmentRow {
  if (treatment === undefined) {
    throw treatmentNotFound(treatmentId);
  }
  if (!treatment.active) {
    throw new AvailabilitySearchError(
      AvailabilitySearchErrorCode.TreatmentNotOffered,
      notOfferedMessage(treatmentId),
      { treatmentId },
    );
  }
  return treatment;
}

/** The core's own range rules, checked before any query. */
function validateRange(from: string, to: string): void {
  if (!isIsoDate(from) || !isIsoDate(to) || to < from) {
    throw new AvailabilityError(
      AvailabilityErrorCode.InvalidDateRange,
      `"${from}" to "${to}" is not a date range; give clinic-local dates as YYYY-MM-DD, from first`,
      { from, to },
    );
  }
  const days = datesInclusive(from, to);
  if (days > MAX_SEARCH_DAYS) {
    throw new AvailabilityError(
      AvailabilityErrorCode.DateRangeTooLong,
      `${from} to ${to} is ${days} days; search at most ${MAX_SEARCH_DAYS} days at a time`,
      { from, to, days },
    );
  }
}

function clinicNotFound(clinicId: string): AvailabilitySearchError {
  return new AvailabilitySearchError(
    AvailabilitySearchErrorCode.ClinicNotFound,
    `no bookable clinic ${clinicId}; check the clinic id (a new clinic appears once roster announces it)`,
    { clinicId },
  );
}

function treatmentNotFound(treatmentId: string): AvailabilitySearchError {
  return new AvailabilitySearchError(
    AvailabilitySearchErrorCode.TreatmentNotFound,
    `no treatment ${treatmentId} in the catalogue; choose one from the treatments query`,
    { treatmentId },
  );
}

function notOfferedMessage(treatmentId: string): string {
  return `treatment ${treatmentId} is no longer offered; choose another treatment from the catalogue`;
}
