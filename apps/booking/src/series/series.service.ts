import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Optional } from '@nestjs/common';
import { Caller, canActForClinic, isUuid } from '@app/auth';
import type { Tx } from '@app/database';
import { TransactionRunner } from '@app/messaging';
import { ForbiddenError } from '@app/platform/errors/forbidden.error';
import { TRANSACTIONS } from '@app/platform/platform.tokens';
import { AvailabilityService } from '../availability/availability.service';
import type { Weekday } from '../availability/domain/calendar-date';
import { CatalogueService, OfferedTreatment } from '../catalogue/catalogue.service';
import { BOOKING_CLOCK, BookingClock, systemClock } from '../bookings/booking-clock';
import { BookingError, BookingErrorCode } from '../bookings/bookings.errors';
import { overlapOf } from '../bookings/bookings.repository';
import { BookingsService, retryingRoomRace } from '../bookings/bookings.service';
import type { Booking } from '../bookings/domain/booking';
import { cancelledByOf, denialOf } from '../bookings/domain/booking-permissions';
import { requestHash } from '../bookings/domain/request-hash';
import { CarePlanDefaults, maintenanceTreatmentOf, resolveSeries } from './domain/series-defaults';
import {
  clinicToday,
  patternProblem,
  SessionPhase,
  wantedSessions,
  WantedSession,
} from './domain/series-dates';
import { conflictDecision } from './domain/series-retry';
import { SeriesError, SeriesErrorCode } from './series.errors';
import { BookingSeries, SeriesRepository } from './series.repository';

const MAX_KEY_LENGTH = 200;
const MAX_ALTERNATIVES = 3;
const BOOK_SERIES = 'bookSeries';
const CANCEL_REST = 'cancelRestOfSeries';

export interface BookSeriesCommand {
  readonly clientId: string;
  readonly clinicId: string;
  readonly treatmentId: string;
  readonly carePlanId?: string | null;
  readonly sessionsPerWeek?: number | null;
  readonly weeks?: number | null;
  readonly preferredWeekdays: readonly string[];
  readonly preferredTime: string;
  /** Optional with a care plan (its preferred therapist). */
  readonly therapistId?: string | null;
  /** Optional with a care plan (its start date, or tomorrow when that is today or past). */
  readonly startsOn?: string | null;
  /** 0–12 (default 0); needs a care plan with maintenanceEveryWeeks. */
  readonly maintenanceSessions?: number | null;
  /** The maintenance sessions' treatment (only with maintenanceSessions); default treatmentId. */
  readonly maintenanceTreatmentId?: string | null;
  readonly idempotencyKey: string;
}

/** A treatment as the clinic sells it (offered, at the clinic's price). */
type Offered = Exclude<OfferedTreatment, { error: unknown }>;

export interface SeriesWithBookings {
  readonly series: BookingSeries;
  readonly bookings: readonly Booking[];
}

/** One wanted session that could not be placed, with why and the nearest alternatives. */
export interface UnplacedSession {
  readonly date: string;
  readonly localStart: string;
  readonly startsAt: string;
  /** intensive, or maintenance (after the intensive weeks). */
  readonly phase: SessionPhase;
  readonly code: string;
  readonly reason: string;
  readonly alternatives: readonly {
    startsAt: string;
    endsAt: string;
    localStart: string;
    localEnd: string;
    therapistId: string;
    roomId: string;
  }[];
}

/** Errors that make the whole request wrong (not one date): reported as they are. */
const REQUEST_WIDE = new Set<string>([
  BookingErrorCode.ClinicNotFound,
  BookingErrorCode.TherapistNotFound,
  BookingErrorCode.ClientErased,
  BookingErrorCode.RoomNotFound,
  BookingErrorCode.InvalidBookingInput,
]);

type UnplacedFailure = Omit<UnplacedSession, 'alternatives'>;

/** Thrown inside the transaction to roll back every placed session. */
class NotPlaced extends Error {
  constructor(
    readonly therapistId: string,
    readonly failures: UnplacedFailure[],
  ) {
    super('series not placed');
  }
}

/**
 * Booking series: every session of a series in ONE transaction, or none. Sessions are
 * placed CONFIRMED directly (the series is an explicit commitment made with the clinic or
 * the client; there is no hold to expire), each with its normal booking.confirmed event.
 */
@Injectable()
export class SeriesService {
  constructor(
    private readonly series: SeriesRepository,
    private readonly bookings: BookingsService,
    private readonly catalogue: CatalogueService,
    @Inject(TRANSACTIONS) private readonly transactions: TransactionRunner<Tx>,
    @Optional() private readonly availability?: AvailabilityService,
    @Optional() @Inject(BOOKING_CLOCK) private readonly clock: BookingClock = systemClock,
  ) {}

  async bookSeries(caller: Caller, command: BookSeriesCommand): Promise<SeriesWithBookings> {
    requireUuid(command.clinicId, 'clinicId');
    requireUuid(command.treatmentId, 'treatmentId');
    requireUuid(command.clientId, 'clientId');
    if (command.therapistId !== undefined && command.therapistId !== null) {
      requireUuid(command.therapistId, 'therapistId');
    }
    const carePlanId = command.carePlanId ?? null;
    if (carePlanId !== null) {
      requireUuid(carePlanId, 'carePlanId');
    }
    if (command.maintenanceTreatmentId !== undefined && command.maintenanceTreatmentId !== null) {
      requireUuid(command.maintenanceTreatmentId, 'maintenanceTreatmentId');
    }
    requireKey(command.idempotencyKey);
    // Booking does not depend on the therapist (only therapists themselves are refused).
    const denial = denialOf(caller, 'hold', {
      clinicId: command.clinicId,
      clientId: command.clientId,
      therapistId: command.therapistId ?? '',
    });
    if (denial !== undefined) {
      throw new ForbiddenError(denial);
    }
    if (carePlanId !== null && caller.role === 'integrator') {
      throw new ForbiddenError(
        'care plans are not shared with integrations; give sessionsPerWeek and weeks instead',
      );
    }
    const maintenanceChoice = maintenanceTreatmentOf(command);
    if ('problem' in maintenanceChoice) {
      throw invalid(maintenanceChoice.problem, maintenanceChoice.field);
    }
    const offered = await this.offered(caller, command.clinicId, command.treatmentId);
    const { treatment } = offered;
    const { maintenanceTreatmentId } = maintenanceChoice;
    // Each phase's sessions are placed as (and alternatives searched for) its own treatment.
    const offers: Record<SessionPhase, Offered> = {
      intensive: offered,
      maintenance:
        maintenanceTreatmentId === null || maintenanceTreatmentId === command.treatmentId
          ? offered
          : await this.offered(
              caller,
              command.clinicId,
              maintenanceTreatmentId,
              'maintenanceTreatmentId',
            ),
    };
    const hash = requestHash(BOOK_SERIES, {
      ...command,
      idempotencyKey: undefined,
      // 0 is the default: the same request as leaving it out.
      maintenanceSessions: command.maintenanceSessions || undefined,
      // The default (the series' own treatment) is the same request as leaving it out.
      maintenanceTreatmentId:
        offers.maintenance.treatment.id === treatment.id
          ? undefined
          : offers.maintenance.treatment.id,
    });
    let seriesId: string;
    try {
      seriesId = await this.retryingConflicts('nothing was booked', () =>
        this.transactions.run(async (tx) => {
          const replayed = await this.claim(tx, caller, command.idempotencyKey, BOOK_SERIES, hash);
          if (replayed !== undefined) {
            return replayed;
          }
          const timezone = await this.series.clinicTimezone(tx, command.clinicId);
          if (timezone === undefined) {
            throw new BookingError(
              BookingErrorCode.ClinicNotFound,
              `clinic ${command.clinicId} is not known to booking; check the clinic id`,
            );
          }
          const now = this.clock.now();
          const plan =
            carePlanId === null ? undefined : await this.carePlan(tx, carePlanId, command);
          const resolved = resolveSeries(command, plan, clinicToday(now, timezone));
          if ('problem' in resolved) {
            throw invalid(resolved.problem, resolved.field);
          }
          const pattern = {
            ...resolved,
            preferredWeekdays: command.preferredWeekdays as readonly Weekday[],
            preferredTime: command.preferredTime,
            timezone,
          };
          const problem = patternProblem(pattern);
          if (problem !== undefined) {
            throw invalid(problem);
          }
          const series: BookingSeries = {
            id: randomUUID(),
            clinicId: command.clinicId,
            clientId: command.clientId,
            therapistId: resolved.therapistId,
            treatmentId: treatment.id,
            carePlanId,
            sessionsPerWeek: resolved.sessionsPerWeek,
            weeks: resolved.weeks,
            maintenanceSessions: resolved.maintenance?.sessions ?? 0,
            maintenanceEveryWeeks: resolved.maintenance?.everyWeeks ?? null,
            maintenanceTreatmentId:
              resolved.maintenance === undefined ? null : offers.maintenance.treatment.id,
            preferredWeekdays: [...pattern.preferredWeekdays],
            preferredTime: command.preferredTime,
            startsOn: resolved.startsOn,
            timezone,
            status: 'active',
            cancelledAt: null,
            cancellationReason: null,
            createdBySubject: caller.subject,
            createdByRole: caller.role,
            createdAt: now,
            updatedAt: now,
          };
          await this.series.insert(tx, series);
          const failures: UnplacedFailure[] = [];
          for (const session of wantedSessions(pattern)) {
            const offer = offers[session.phase];
            const failure = await this.placeOne(tx, caller, session, {
              clinicId: command.clinicId,
              clientId: command.clientId,
              therapistId: resolved.therapistId,
              treatment: offer.treatment,
              pricePence: offer.pricePence,
              currency: offer.currency,
              seriesId: series.id,
              now,
            });
            if (failure !== undefined) {
              failures.push(failure);
            }
          }
          if (failures.length > 0) {
            throw new NotPlaced(resolved.therapistId, failures);
          }
          await this.series.recordKeyResult(tx, caller.subject, command.idempotencyKey, series.id);
          return series.id;
        }),
      );
    } catch (error: unknown) {
      if (!(error instanceof NotPlaced)) {
        throw error;
      }
      const unplaced = await this.withAlternatives(error.failures, {
        clinicId: command.clinicId,
        treatmentIds: {
          intensive: offers.intensive.treatment.id,
          maintenance: offers.maintenance.treatment.id,
        },
        therapistId: error.therapistId,
      });
      throw new SeriesError(
        SeriesErrorCode.SeriesDatesUnavailable,
        `${unplaced.length} of the series' dates cannot be placed (${unplaced
          .map((u) => u.localStart)
          .join(
            ', ',
          )}); nothing was booked. Pick another time or weekday, or book those dates from the alternatives`,
        { unplaced },
      );
    }
    return this.load(seriesId);
  }

  async cancelRestOfSeries(
    caller: Caller,
    seriesId: string,
    reason: string | null,
    idempotencyKey: string,
  ): Promise<SeriesWithBookings> {
    requireUuid(seriesId, 'seriesId');
    requireKey(idempotencyKey);
    const hash = requestHash(CANCEL_REST, { seriesId, reason });
    const id = await this.retryingConflicts('nothing was cancelled', () =>
      this.cancelRest(caller, seriesId, reason, idempotencyKey, hash),
    );
    return this.load(id);
  }

  private async cancelRest(
    caller: Caller,
    seriesId: string,
    reason: string | null,
    idempotencyKey: string,
    hash: string,
  ): Promise<string> {
    return this.transactions.run(async (tx) => {
      const replayed = await this.claim(tx, caller, idempotencyKey, CANCEL_REST, hash);
      if (replayed !== undefined) {
        return replayed;
      }
      const series = await this.series.lockById(tx, seriesId);
      if (series === undefined || !maySeeSeries(caller, series)) {
        throw seriesNotFound(seriesId);
      }
      const denial = denialOf(caller, 'cancel', series);
      if (denial !== undefined) {
        throw new ForbiddenError(denial);
      }
      const now = this.clock.now();
      const cancelledBy = cancelledByOf(caller);
      for (const current of await this.series.lockFutureActive(tx, series.id, now)) {
        await this.bookings.cancelInTransaction(tx, current, cancelledBy, reason, now);
      }
      await this.series.update(tx, series.id, {
        status: 'cancelled',
        cancelledAt: now,
        cancellationReason: reason,
        updatedAt: now,
      });
      await this.series.recordKeyResult(tx, caller.subject, idempotencyKey, series.id);
      return series.id;
    });
  }

  async bookingSeries(caller: Caller, id: string): Promise<SeriesWithBookings> {
    requireUuid(id, 'id');
    const series = await this.series.findById(id);
    if (series === undefined || !maySeeSeries(caller, series)) {
      throw seriesNotFound(id);
    }
    return { series, bookings: await this.series.bookingsOf(id) };
  }

  // ---- internals ----

  /**
   * The treatment as the clinic sells it (offered, at the clinic's price), and one a client
   * may book online when the caller is a client. `field`: the input naming it, when that is
   * not treatmentId (reported in extensions.field).
   */
  private async offered(
    caller: Caller,
    clinicId: string,
    treatmentId: string,
    field?: string,
  ): Promise<Offered> {
    const offered = await this.catalogue.offeredTreatment(undefined, clinicId, treatmentId);
    const details = field === undefined ? {} : { field };
    const about = field === undefined ? '' : `${field}: `;
    if ('error' in offered) {
      throw new BookingError(
        offered.error as BookingErrorCode,
        `${about}${offered.message}`,
        details,
      );
    }
    if (caller.role === 'client' && !offered.treatment.selfBookable) {
      throw new BookingError(
        BookingErrorCode.TreatmentNotSelfBookable,
        `${about}${offered.treatment.name} cannot be booked online; call the clinic to book it`,
        details,
      );
    }
    return offered;
  }

  private async load(id: string): Promise<SeriesWithBookings> {
    const series = await this.series.findById(id);
    if (series === undefined) {
      throw seriesNotFound(id);
    }
    return { series, bookings: await this.series.bookingsOf(id) };
  }

  /** The series id of a replayed request, or undefined when the key is new (now claimed). */
  private async claim(
    tx: Tx,
    caller: Caller,
    key: string,
    operation: string,
    hash: string,
  ): Promise<string | undefined> {
    const stored = await this.series.claimKey(tx, caller.subject, key, operation, hash);
    if (stored === undefined) {
      return undefined;
    }
    if (stored.operation !== operation || stored.requestHash !== hash || stored.seriesId === null) {
      throw new BookingError(
        BookingErrorCode.IdempotencyKeyReused,
        `idempotency key "${key}" was already used for a different request (${stored.operation}); use a new key for a new request`,
      );
    }
    return stored.seriesId;
  }

  /** The client's active care plan at this clinic, read in the series' transaction. */
  private async carePlan(
    tx: Tx,
    carePlanId: string,
    command: BookSeriesCommand,
  ): Promise<CarePlanDefaults> {
    const plan = await this.series.carePlan(tx, carePlanId);
    if (plan === undefined || plan.clientId !== command.clientId) {
      throw new SeriesError(
        SeriesErrorCode.CarePlanNotFound,
        `care plan ${carePlanId} is not known to booking for this client; check the care plan id or give sessionsPerWeek and weeks`,
      );
    }
    if (plan.clinicId !== command.clinicId) {
      throw new SeriesError(
        SeriesErrorCode.CarePlanNotFound,
        `care plan ${carePlanId} belongs to another clinic; book the series at that clinic`,
      );
    }
    if (plan.status !== 'active') {
      throw new SeriesError(
        SeriesErrorCode.CarePlanNotActive,
        `care plan ${carePlanId} is ${plan.status}; no series is placed for it`,
        { status: plan.status },
      );
    }
    return {
      id: plan.id,
      sessionsPerWeek: plan.sessionsPerWeek,
      weeks: plan.weeks,
      startsOn: plan.startsOn,
      preferredTherapistId: plan.preferredTherapistId,
      maintenanceEveryWeeks: plan.maintenanceEveryWeeks,
    };
  }

  /**
   * Places one session under a savepoint; a failure for that date is rolled back and
   * returned. A room lost to a concurrent booking (the room this service picked) is tried
   * again in another free room, as for a single booking (retryingRoomRace).
   */
  private async placeOne(
    tx: Tx,
    caller: Caller,
    session: WantedSession,
    request: Omit<Parameters<BookingsService['placeConfirmedInTransaction']>[2], 'startsAt'>,
  ): Promise<UnplacedFailure | undefined> {
    try {
      await retryingRoomRace(true, () =>
        this.underSavepoint(tx, () =>
          this.bookings.placeConfirmedInTransaction(tx, caller, {
            ...request,
            startsAt: session.startsAt,
          }),
        ),
      );
      return undefined;
    } catch (error: unknown) {
      const at = {
        date: session.date,
        localStart: session.localStart,
        startsAt: session.startsAt.toISOString(),
        phase: session.phase,
      };
      if (overlapOf(error) !== undefined) {
        return {
          ...at,
          code: BookingErrorCode.SlotUnavailable,
          reason: 'that slot is taken; pick one of the alternatives',
        };
      }
      if (error instanceof BookingError && !REQUEST_WIDE.has(error.code)) {
        return { ...at, code: error.code, reason: error.message };
      }
      throw error;
    }
  }

  /** Runs `work` under a savepoint: released when it succeeds, rolled back when it throws. */
  private async underSavepoint<T>(tx: Tx, work: () => Promise<T>): Promise<T> {
    await tx.query('SAVEPOINT series_session');
    try {
      const result = await work();
      await tx.query('RELEASE SAVEPOINT series_session');
      return result;
    } catch (error: unknown) {
      await tx.query('ROLLBACK TO SAVEPOINT series_session');
      await tx.query('RELEASE SAVEPOINT series_session');
      throw error;
    }
  }

  /**
   * Runs a whole series transaction again (a few times, with a short jittered backoff) when
   * PostgreSQL aborted it for a deadlock or serialization failure against a concurrent one;
   * nothing of an aborted attempt was written. Then SERIES_CONFLICT, never a 500.
   */
  private async retryingConflicts<T>(outcome: string, attempt: () => Promise<T>): Promise<T> {
    for (let attempts = 1; ; attempts++) {
      try {
        return await attempt();
      } catch (error: unknown) {
        const decision = conflictDecision(error, attempts, Math.random);
        if (decision.action === 'rethrow') {
          throw error;
        }
        if (decision.action === 'give_up') {
          throw new SeriesError(
            SeriesErrorCode.SeriesConflict,
            `other bookings for the same dates were being changed at the same moment (${attempts} attempts); ${outcome}. Try again`,
            { attempts, retryable: true },
          );
        }
        await new Promise((resolve) => setTimeout(resolve, decision.delayMs));
      }
    }
  }

  private async withAlternatives(
    failures: readonly UnplacedFailure[],
    command: {
      clinicId: string;
      /** The treatment each phase's sessions are placed as: alternatives are for that one. */
      treatmentIds: Record<SessionPhase, string>;
      therapistId: string;
    },
  ): Promise<UnplacedSession[]> {
    const availability = this.availability;
    if (availability === undefined) {
      return failures.map((failure) => ({ ...failure, alternatives: [] }));
    }
    const now = this.clock.now();
    return this.transactions.run(async (tx) => {
      const result: UnplacedSession[] = [];
      for (const failure of failures) {
        const slots = await availability.alternatives(
          tx,
          {
            clinicId: command.clinicId,
            treatmentId: command.treatmentIds[failure.phase],
            therapistId: command.therapistId,
            startsAt: new Date(failure.startsAt),
          },
          MAX_ALTERNATIVES,
          now,
        );
        result.push({
          ...failure,
          alternatives: slots.slice(0, MAX_ALTERNATIVES).map((slot) => ({
            startsAt: slot.startsAt,
            endsAt: slot.endsAt,
            localStart: slot.localStart,
            localEnd: slot.localEnd,
            therapistId: slot.therapistId,
            roomId: slot.roomId,
          })),
        });
      }
      return result;
    });
  }
}

/**
 * Who sees a series: the client theirs, the therapist theirs, clinic staff and clinical
 * leads at their clinics, head office all; integrators only series not made from a care
 * plan (care plans are internal), at their clinics. Otherwise it is reported not found.
 */
function maySeeSeries(caller: Caller, series: BookingSeries): boolean {
  switch (caller.role) {
    case 'client':
      return caller.clientId === series.clientId;
    case 'therapist':
      return caller.therapistId === series.therapistId;
    case 'integrator':
      return series.carePlanId === null && canActForClinic(caller, series.clinicId);
    case 'head_office_admin':
    case 'clinical_lead':
    case 'clinic_manager':
    case 'receptionist':
      return canActForClinic(caller, series.clinicId);
    default: {
      const unreachable: never = caller.role;
      return Boolean(unreachable);
    }
  }
}

function seriesNotFound(id: string): SeriesError {
  return new SeriesError(
    SeriesErrorCode.SeriesNotFound,
    `booking series ${id} does not exist or is not one you may see`,
  );
}

function invalid(message: string, field?: string): SeriesError {
  return new SeriesError(
    SeriesErrorCode.InvalidSeriesInput,
    message,
    field === undefined ? {} : { field },
  );
}

function requireUuid(value: string, field: string): void {
  if (!isUuid(value)) {
    throw new SeriesError(SeriesErrorCode.InvalidSeriesInput, `${field} must be a UUID`, {
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
