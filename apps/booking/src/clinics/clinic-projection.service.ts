import { Injectable } from '@nestjs/common';
import { EventData, ClinicOpenedV1 } from '@app/contracts';
import type { Tx } from '@app/database';
import { ClinicProjectionRepository, ProjectedClinic } from './clinic-projection.repository';

@Injectable()
export class ClinicProjectionService {
  constructor(private readonly projection: ClinicProjectionRepository) {}

  async clinicOpened(
    data: EventData<typeof ClinicOpenedV1>,
    eventId: string,
    tx: Tx,
  ): Promise<void> {
    await this.projection.upsert(
      tx,
      {
        id: data.clinicId,
        code: data.code,
        name: data.name,
        timezone: data.timezone,
        status: data.status,
      },
      eventId,
    );
  }

  async find(clinicId: string): Promise<ProjectedClinic | undefined> {
    return this.projection.findById(clinicId);
  }
}
