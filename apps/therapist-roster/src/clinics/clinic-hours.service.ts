import { Inject, Injectable } from '@nestjs/common';
import type { Caller } from '@app/auth';
import { ClinicHoursChangedV1 } from '@app/contracts';
import type { Tx } from '@app/database';
import { OutboxWriter, TransactionRunner } from '@app/messaging';
import { TRANSACTIONS } from '@app/platform/platform.tokens';
import { parseClinicId, requireChangeable, requireHeadOfficeAdmin } from './clinic-access';
import { hoursState } from './clinic-event-data';
import { hoursException, weeklyHours } from './clinic-input';
import { ClinicsRepository } from './clinics.repository';
import { ClinicError, ClinicErrorCode } from './clinics.errors';
import type { Clinic } from './domain/clinic';
import { isIsoDate } from './domain/iso-date';
import type { HoursException, WeeklyHours } from './domain/opening-hours';
import { describeRanges } from './domain/opening-hours-rules';

/**
 * Head office sets a clinic's weekly opening hours and its dated exceptions (bank holidays,
 * special hours). Every change publishes `clinic.hours_changed` with the full schedule.
 */
@Injectable()
export class ClinicHoursService {
  constructor(
    private readonly clinics: ClinicsRepository,
    private readonly outbox: OutboxWriter,
    @Inject(TRANSACTIONS) private readonly transactions: TransactionRunner<Tx>,
  ) {}

  /** Replaces the whole week; a day with no ranges is closed. */
  async setOpeningHours(caller: Caller, id: string, weekly: WeeklyHours): Promise<Clinic> {
    const clinicId = parseClinicId(id);
    requireHeadOfficeAdmin(caller, 'set opening hours');
    const hours = weeklyHours(weekly);
    return this.changeHours(clinicId, async (tx) => {
      await this.clinics.updateWeeklyHours(tx, clinicId, hours);
    });
  }

  /** Adds the exception for one date; HOURS_EXCEPTION_EXISTS if that date has one. */
  async addHoursException(caller: Caller, id: string, exception: HoursException): Promise<Clinic> {
    const clinicId = parseClinicId(id);
    requireHeadOfficeAdmin(caller, 'add opening-hours exceptions');
    const checked = hoursException(exception);
    return this.changeHours(clinicId, async (tx, current) => {
      const existing = current.hoursExceptions.find((e) => e.date === checked.date);
      if (existing !== undefined) {
        throw new ClinicError(
          ClinicErrorCode.HoursExceptionExists,
          `clinic ${current.code} already has an exception on ${checked.date} (${existing.reason}: ${describeRanges(existing.ranges)}); remove it first to replace it`,
          { field: 'date' },
        );
      }
      await this.clinics.insertException(tx, clinicId, checked);
    });
  }

  async removeHoursException(caller: Caller, id: string, date: string): Promise<Clinic> {
    const clinicId = parseClinicId(id);
    requireHeadOfficeAdmin(caller, 'remove opening-hours exceptions');
    if (!isIsoDate(date)) {
      throw new ClinicError(
        ClinicErrorCode.InvalidHoursException,
        `"${date}" is not a calendar date; use YYYY-MM-DD, e.g. 2026-12-25`,
        { field: 'date' },
      );
    }
    return this.changeHours(clinicId, async (tx, current) => {
      const removed = await this.clinics.deleteException(tx, clinicId, date);
      if (!removed) {
        throw new ClinicError(
          ClinicErrorCode.HoursExceptionNotFound,
          `clinic ${current.code} has no opening-hours exception on ${date}; nothing to remove`,
          { field: 'date' },
        );
      }
    });
  }

  /** Locks the clinic, applies `change`, and publishes the new schedule, in one transaction. */
  private async changeHours(
    clinicId: string,
    change: (tx: Tx, current: Clinic) => Promise<void>,
  ): Promise<Clinic> {
    return this.transactions.run(async (tx) => {
      const current = requireChangeable(await this.clinics.lockById(tx, clinicId), clinicId);
      await change(tx, current);
      const clinic = await this.clinics.loadOrFail(tx, clinicId);
      await this.outbox.append(tx, ClinicHoursChangedV1, {
        aggregateId: clinic.id,
        clinicId: clinic.id,
        data: hoursState(clinic),
      });
      return clinic;
    });
  }
}
