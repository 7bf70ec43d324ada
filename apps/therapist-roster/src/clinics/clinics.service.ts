import { requireClinicAccess } from '@app/platform/errors/require-clinic-access';
import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Caller, clinicScope } from '@app/auth';
import { ClinicOpenedV1, ClinicStatusChangedV1, ClinicUpdatedV1 } from '@app/contracts';
import type { Tx } from '@app/database';
import { OutboxWriter, TransactionRunner } from '@app/messaging';
import { TRANSACTIONS } from '@app/platform/platform.tokens';
import {
  parseClinicId,
  requireChangeable,
  requireFound,
  requireHeadOfficeAdmin,
  visibleTo,
} from './clinic-access';
import { clinicState } from './clinic-event-data';
import {
  clinicAddress,
  clinicContact,
  clinicName,
  given,
  hoursExceptions,
  roomNames,
  weeklyHours,
} from './clinic-input';
import { ClinicsRepository } from './clinics.repository';
import { ClinicError, ClinicErrorCode } from './clinics.errors';
import { Clinic } from './domain/clinic';
import type { AddressDraft } from './domain/clinic-address';
import { normaliseClinicCode } from './domain/clinic-code';
import type { ContactDraft } from './domain/clinic-contact';
import type { ClinicStatus } from './domain/clinic-status';
import { statusChangeProblem } from './domain/clinic-status-machine';
import type { ClinicSchedule, HoursException, WeeklyHours } from './domain/opening-hours';
import { CLOSED_ALL_WEEK } from './domain/opening-hours-rules';
import { isIanaTimezone } from './domain/timezone';

export interface OpenClinicCommand {
  readonly code: string;
  readonly name: string;
  readonly timezone: string;
  /** Optional while the clinic is opening; required before it can go active. */
  readonly address?: AddressDraft | null;
  readonly contact?: ContactDraft | null;
  /** Defaults to closed every day until set. */
  readonly openingHours?: WeeklyHours | null;
  readonly hoursExceptions?: readonly HoursException[] | null;
  /** Names of the clinic's first rooms. */
  readonly rooms?: readonly string[] | null;
}

/** Absent (undefined or null for name and address) leaves a field as it is; contact null clears it. */
export interface UpdateClinicCommand {
  readonly clinicId: string;
  readonly name?: string | null;
  readonly address?: AddressDraft | null;
  readonly contact?: ContactDraft | null;
}

@Injectable()
export class ClinicsService {
  constructor(
    private readonly clinics: ClinicsRepository,
    private readonly outbox: OutboxWriter,
    @Inject(TRANSACTIONS) private readonly transactions: TransactionRunner<Tx>,
  ) {}

  /** Head office opens a clinic; `clinic.opened` is published with it, atomically. */
  async openClinic(caller: Caller, command: OpenClinicCommand): Promise<Clinic> {
    requireHeadOfficeAdmin(caller, 'open clinics');
    const code = normaliseClinicCode(command.code);
    if (code === undefined) {
      throw new ClinicError(
        ClinicErrorCode.InvalidClinicCode,
        `clinic code "${command.code}" is not valid: use 2–8 letters or digits, optionally a dash and a suffix, e.g. LDS-01`,
        { field: 'code' },
      );
    }
    if (!isIanaTimezone(command.timezone)) {
      throw new ClinicError(
        ClinicErrorCode.InvalidTimezone,
        `"${command.timezone}" is not an IANA timezone; use a name such as Europe/London`,
        { field: 'timezone' },
      );
    }
    const name = clinicName(command.name);
    const address = given(command.address) ? clinicAddress(command.address) : null;
    const contact = given(command.contact) ? clinicContact(command.contact) : null;
    const weekly = given(command.openingHours)
      ? weeklyHours(command.openingHours)
      : CLOSED_ALL_WEEK;
    const exceptions = hoursExceptions(command.hoursExceptions ?? []);
    const rooms = roomNames(command.rooms ?? []).map((roomName) => ({
      id: randomUUID(),
      name: roomName,
    }));
    return this.transactions.run(async (tx) => {
      const clinic = await this.clinics.insert(tx, {
        id: randomUUID(),
        code,
        name,
        timezone: command.timezone,
        status: 'opening',
        address,
        contact,
        weeklyHours: weekly,
        hoursExceptions: exceptions,
        rooms,
      });
      await this.outbox.append(tx, ClinicOpenedV1, {
        aggregateId: clinic.id,
        clinicId: clinic.id,
        data: clinicState(clinic),
      });
      return clinic;
    });
  }

  /** Head office changes a clinic's name, address or contact; publishes `clinic.updated`. */
  async updateClinic(caller: Caller, command: UpdateClinicCommand): Promise<Clinic> {
    const clinicId = parseClinicId(command.clinicId);
    requireHeadOfficeAdmin(caller, 'change clinics');
    if (!given(command.name) && !given(command.address) && command.contact === undefined) {
      throw new ClinicError(
        ClinicErrorCode.EmptyClinicUpdate,
        'nothing to change: give a name, an address or a contact (null removes the contact)',
      );
    }
    const name = given(command.name) ? clinicName(command.name) : undefined;
    const address = given(command.address) ? clinicAddress(command.address) : undefined;
    const contact = command.contact === undefined ? undefined : contactOrNull(command.contact);
    return this.transactions.run(async (tx) => {
      const current = requireChangeable(await this.clinics.lockById(tx, clinicId), clinicId);
      await this.clinics.updateDetails(tx, clinicId, {
        name: name ?? current.name,
        address: address ?? current.address,
        contact: contact === undefined ? current.contact : contact,
      });
      const clinic = await this.clinics.loadOrFail(tx, clinicId);
      await this.outbox.append(tx, ClinicUpdatedV1, {
        aggregateId: clinic.id,
        clinicId: clinic.id,
        data: clinicState(clinic),
      });
      return clinic;
    });
  }

  /**
   * Head office moves a clinic along its status machine (see clinic-status-machine.ts);
   * publishes `clinic.status_changed`. A clinic needs an address before it goes active.
   */
  async changeClinicStatus(caller: Caller, id: string, to: ClinicStatus): Promise<Clinic> {
    const clinicId = parseClinicId(id);
    requireHeadOfficeAdmin(caller, 'change the status of clinics');
    return this.transactions.run(async (tx) => {
      const current = requireFound(await this.clinics.lockById(tx, clinicId), clinicId);
      const problem = statusChangeProblem(current.status, to);
      if (problem !== undefined) {
        throw new ClinicError(
          ClinicErrorCode.InvalidStatusTransition,
          `clinic ${current.code}: ${problem}`,
          { field: 'status', currentStatus: current.status },
        );
      }
      if (to === 'active' && current.address === null) {
        throw new ClinicError(
          ClinicErrorCode.ClinicAddressMissing,
          `clinic ${current.code} has no address yet; set one with updateClinic before making it active`,
          { field: 'address' },
        );
      }
      await this.clinics.updateStatus(tx, clinicId, to);
      const clinic = await this.clinics.loadOrFail(tx, clinicId);
      await this.outbox.append(tx, ClinicStatusChangedV1, {
        aggregateId: clinic.id,
        clinicId: clinic.id,
        data: { clinicId: clinic.id, code: clinic.code, from: current.status, to },
      });
      return clinic;
    });
  }

  /** Clinics the caller may see: all for head office, their own for everyone else. */
  async listClinics(caller: Caller): Promise<Clinic[]> {
    const clinics = await this.clinics.list(clinicScope(caller));
    return clinics.map((clinic) => visibleTo(caller, clinic));
  }

  async getClinic(caller: Caller, id: string): Promise<Clinic> {
    const clinicId = parseClinicId(id, 'id');
    requireClinicAccess(caller, clinicId);
    return visibleTo(caller, await this.requireClinic(clinicId));
  }

  /**
   * For other contexts of this service (no caller: they authorise their own use case).
   * Throws CLINIC_NOT_FOUND for an unknown clinic.
   */
  async requireClinic(clinicId: string): Promise<Clinic> {
    const id = parseClinicId(clinicId);
    return requireFound(await this.clinics.findById(id), id);
  }

  /** A clinic's timezone, weekly hours and dated exceptions, for shifts and rosters. */
  async getSchedule(clinicId: string): Promise<ClinicSchedule> {
    const clinic = await this.requireClinic(clinicId);
    return {
      clinicId: clinic.id,
      timezone: clinic.timezone,
      weekly: clinic.weeklyHours,
      exceptions: clinic.hoursExceptions,
    };
  }
}

function contactOrNull(draft: ContactDraft | null): ReturnType<typeof clinicContact> {
  return draft === null ? null : clinicContact(draft);
}
