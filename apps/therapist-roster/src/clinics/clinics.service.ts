import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { canActForClinic, Caller, clinicScope, isUuid } from '@app/auth';
import { ClinicOpenedV1 } from '@app/contracts';
import type { Tx } from '@app/database';
import { OutboxWriter, TransactionRunner } from '@app/messaging';
import { ForbiddenError } from '@app/platform/errors/forbidden.error';
import { TRANSACTIONS } from '@app/platform/platform.tokens';
import { ClinicsRepository } from './clinics.repository';
import { ClinicError, ClinicErrorCode } from './clinics.errors';
import { Clinic } from './domain/clinic';
import { normaliseClinicCode } from './domain/clinic-code';
import { isIanaTimezone } from './domain/timezone';

export interface OpenClinicCommand {
  readonly code: string;
  readonly name: string;
  readonly timezone: string;
}

@Injectable()
export class ClinicsService {
  constructor(
    private readonly clinics: ClinicsRepository,
    private readonly outbox: OutboxWriter,
    @Inject(TRANSACTIONS) private readonly transactions: TransactionRunner<Tx>,
  ) {}

  /** Head office opens a clinic; `clinic.opened` is published with it, atomically. */
  async openClinic(command: OpenClinicCommand): Promise<Clinic> {
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
    const name = command.name.trim();
    return this.transactions.run(async (tx) => {
      const clinic = await this.clinics.insert(tx, {
        id: randomUUID(),
        code,
        name,
        timezone: command.timezone,
        status: 'opening',
      });
      await this.outbox.append(tx, ClinicOpenedV1, {
        aggregateId: clinic.id,
        clinicId: clinic.id,
        data: {
          clinicId: clinic.id,
          code: clinic.code,
          name: clinic.name,
          timezone: clinic.timezone,
          status: clinic.status,
        },
      });
      return clinic;
    });
  }

  /** Clinics the caller may see: all for head office, their own for everyone else. */
  async listClinics(caller: Caller): Promise<Clinic[]> {
    return this.clinics.list(clinicScope(caller));
  }

  async getClinic(caller: Caller, id: string): Promise<Clinic> {
    const wellFormed: boolean = isUuid(id);
    if (!wellFormed) {
      throw new ClinicError(
        ClinicErrorCode.InvalidClinicId,
        `"${id}" is not a clinic id: clinic ids are UUIDs`,
        {
          field: 'id',
        },
      );
    }
    if (!canActForClinic(caller, id)) {
      throw new ForbiddenError(`clinic ${id} is not one of the clinics your login may act for`);
    }
    const clinic = await this.clinics.findById(id);
    if (clinic === undefined) {
      throw new ClinicError(ClinicErrorCode.ClinicNotFound, `clinic ${id} does not exist`);
    }
    return clinic;
  }
}
