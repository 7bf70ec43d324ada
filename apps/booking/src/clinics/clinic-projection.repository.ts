import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Tx } from '@app/database';
import { ClinicProjectionEntity } from './clinic-projection.entity';
import { ClinicRoomProjectionEntity } from './clinic-room-projection.entity';
import type { ClinicProjectionState } from './domain/clinic-projection';
import type { ClinicRoomProjectionState } from './domain/clinic-room-projection';

export type ProjectedClinic = ClinicProjectionState;

@Injectable()
export class ClinicProjectionRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The clinic row, locked until `tx` ends, so one event at a time decides on it. */
  async lock(tx: Tx, id: string): Promise<ClinicProjectionState | undefined> {
    const row = await tx.findOne(ClinicProjectionEntity, {
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
    return row === null ? undefined : toClinic(row);
  }

  async upsert(tx: Tx, clinic: ClinicProjectionState): Promise<void> {
    await tx
      .createQueryBuilder()
      .insert()
      .into(ClinicProjectionEntity)
      .values({
        ...clinic,
        hoursExceptions: [...clinic.hoursExceptions],
        projectedAt: () => 'now()',
      })
      .orUpdate(
        [
          'code',
          'name',
          'timezone',
          'status',
          'weekly_hours',
          'hours_exceptions',
          'details_event_at',
          'hours_event_at',
          'status_event_at',
          'last_event_id',
          'projected_at',
        ],
        ['id'],
      )
      .execute();
  }

  async lockRoom(tx: Tx, roomId: string): Promise<ClinicRoomProjectionState | undefined> {
    const row = await tx.findOne(ClinicRoomProjectionEntity, {
      where: { roomId },
      lock: { mode: 'pessimistic_write' },
    });
    return row ?? undefined;
  }

  async upsertRoom(tx: Tx, room: ClinicRoomProjectionState): Promise<void> {
    await tx.upsert(ClinicRoomProjectionEntity, { ...room }, ['roomId']);
  }

  async findById(id: string): Promise<ProjectedClinic | undefined> {
    const row = await this.dataSource.manager.findOneBy(ClinicProjectionEntity, { id });
    return row === null ? undefined : toClinic(row);
  }

  async roomsOf(clinicId: string): Promise<ClinicRoomProjectionState[]> {
    return this.dataSource.manager.find(ClinicRoomProjectionEntity, {
      where: { clinicId },
      order: { name: 'ASC' },
    });
  }
}

function toClinic(row: ClinicProjectionEntity): ClinicProjectionState {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    timezone: row.timezone,
    status: row.status,
    weeklyHours: row.weeklyHours,
    hoursExceptions: row.hoursExceptions,
    detailsEventAt: row.detailsEventAt,
    hoursEventAt: row.hoursEventAt,
    statusEventAt: row.statusEventAt,
    lastEventId: row.lastEventId,
  };
}
