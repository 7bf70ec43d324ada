import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Tx } from '@app/database';
import { ClinicProjectionEntity } from './clinic-projection.entity';

export interface ProjectedClinic {
  readonly id: string;
  readonly code: string;
  readonly name: string;
  readonly timezone: string;
  readonly status: string;
}

@Injectable()
export class ClinicProjectionRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async upsert(tx: Tx, clinic: ProjectedClinic, eventId: string): Promise<void> {
    await tx
      .createQueryBuilder()
      .insert()
      .into(ClinicProjectionEntity)
      .values({ ...clinic, lastEventId: eventId, projectedAt: () => 'now()' })
      .orUpdate(['code', 'name', 'timezone', 'status', 'last_event_id', 'projected_at'], ['id'])
      .execute();
  }

  async findById(id: string): Promise<ProjectedClinic | undefined> {
    const row = await this.dataSource.manager.findOneBy(ClinicProjectionEntity, { id });
    return row ?? undefined;
  }
}
