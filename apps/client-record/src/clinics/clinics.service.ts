import { Injectable, Logger } from '@nestjs/common';
import { ClinicOpenedV1, ClinicStatusChangedV1, ClinicUpdatedV1, EventData } from '@app/contracts';
import type { Tx } from '@app/database';
import { ClinicsRepository } from './clinics.repository';
import {
  ProjectedClinic,
  RegistrationRefusal,
  registrationRefusal,
} from './domain/projected-clinic';

type ClinicState = EventData<typeof ClinicOpenedV1> | EventData<typeof ClinicUpdatedV1>;

/** The clinic projection: kept from roster events, read by the clients context. */
@Injectable()
export class ClinicsService {
  private readonly logger = new Logger(ClinicsService.name);

  constructor(private readonly clinics: ClinicsRepository) {}

  async applyState(tx: Tx, data: ClinicState, occurredAt: string, eventId: string): Promise<void> {
    await this.clinics.upsert(
      tx,
      {
        id: data.clinicId,
        code: data.code,
        name: data.name,
        timezone: data.timezone,
        status: data.status,
        asOf: new Date(occurredAt),
      },
      eventId,
    );
  }

  async applyStatus(
    tx: Tx,
    data: EventData<typeof ClinicStatusChangedV1>,
    occurredAt: string,
    eventId: string,
  ): Promise<void> {
    const known = await this.clinics.updateStatus(
      tx,
      data.clinicId,
      data.to,
      new Date(occurredAt),
      eventId,
    );
    if (!known) {
      // Roster keys clinic events by clinic id, so clinic.opened comes first; a status
      // change for an unknown clinic can only follow a lost opening. Nothing to update.
      this.logger.warn(`clinic.status_changed for unknown clinic ${data.clinicId}; ignored`);
    }
  }

  /**
   * The clinic, share-locked until the transaction ends (a concurrent closure waits), when
   * clients may be registered there; otherwise why not.
   */
  async checkOpenForRegistration(
    tx: Tx,
    clinicId: string,
  ): Promise<{ clinic: ProjectedClinic } | { refusal: RegistrationRefusal }> {
    const clinic = await this.clinics.find(tx, clinicId, true);
    const refusal = registrationRefusal(clinic);
    return refusal === undefined && clinic !== undefined
      ? { clinic }
      : { refusal: refusal ?? 'not_found' };
  }

  async findMany(tx: Tx, clinicIds: readonly string[]): Promise<ProjectedClinic[]> {
    return this.clinics.findMany(tx, clinicIds);
  }
}
