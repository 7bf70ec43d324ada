import { Injectable } from '@nestjs/common';
import type {
  ClinicHoursChangedV1,
  ClinicOpenedV1,
  ClinicStatusChangedV1,
  ClinicUpdatedV1,
  EventData,
  RoomAddedV1,
  RoomRetiredV1,
} from '@app/contracts';
import type { Tx } from '@app/database';
import type { EventStamp } from '../projections/domain/event-stamp';
import { ClinicProjectionRepository, ProjectedClinic } from './clinic-projection.repository';
import { applyClinicChange, ClinicChange } from './domain/clinic-projection';
import {
  applyRoomChange,
  ClinicRoomProjectionState,
  RoomChange,
} from './domain/clinic-room-projection';

type ClinicState = EventData<typeof ClinicOpenedV1> | EventData<typeof ClinicUpdatedV1>;

/** Keeps booking's clinics and rooms from roster events; every method is one event. */
@Injectable()
export class ClinicProjectionService {
  constructor(private readonly projection: ClinicProjectionRepository) {}

  /** clinic.opened and clinic.updated: the clinic's full public state, rooms included. */
  async clinicStateReceived(data: ClinicState, stamp: EventStamp, tx: Tx): Promise<void> {
    await this.apply(
      tx,
      {
        kind: 'full',
        id: data.clinicId,
        code: data.code,
        name: data.name,
        status: data.status,
        timezone: data.timezone,
        weeklyHours: data.weeklyHours,
        hoursExceptions: data.hoursExceptions,
      },
      stamp,
    );
    for (const room of data.rooms) {
      await this.applyRoom(
        tx,
        {
          roomId: room.roomId,
          clinicId: data.clinicId,
          name: room.name,
          status: room.status,
          addedAt: new Date(room.addedAt),
          retiredAt: room.retiredAt === null ? null : new Date(room.retiredAt),
        },
        stamp,
      );
    }
  }

  async hoursChanged(
    data: EventData<typeof ClinicHoursChangedV1>,
    stamp: EventStamp,
    tx: Tx,
  ): Promise<void> {
    await this.apply(
      tx,
      {
        kind: 'hours',
        id: data.clinicId,
        timezone: data.timezone,
        weeklyHours: data.weeklyHours,
        hoursExceptions: data.hoursExceptions,
      },
      stamp,
    );
  }

  async statusChanged(
    data: EventData<typeof ClinicStatusChangedV1>,
    stamp: EventStamp,
    tx: Tx,
  ): Promise<void> {
    await this.apply(
      tx,
      { kind: 'status', id: data.clinicId, code: data.code, status: data.to },
      stamp,
    );
  }

  async roomAdded(data: EventData<typeof RoomAddedV1>, stamp: EventStamp, tx: Tx): Promise<void> {
    await this.applyRoom(
      tx,
      {
        roomId: data.roomId,
        clinicId: data.clinicId,
        name: data.name,
        status: 'active',
        addedAt: new Date(data.addedAt),
        retiredAt: null,
      },
      stamp,
    );
  }

  async roomRetired(
    data: EventData<typeof RoomRetiredV1>,
    stamp: EventStamp,
    tx: Tx,
  ): Promise<void> {
    await this.applyRoom(
      tx,
      {
        roomId: data.roomId,
        clinicId: data.clinicId,
        name: data.name,
        status: 'retired',
        addedAt: undefined,
        retiredAt: new Date(data.retiredAt),
      },
      stamp,
    );
  }

  async find(clinicId: string): Promise<ProjectedClinic | undefined> {
    return this.projection.findById(clinicId);
  }

  async rooms(clinicId: string): Promise<ClinicRoomProjectionState[]> {
    return this.projection.roomsOf(clinicId);
  }

  private async apply(tx: Tx, change: ClinicChange, stamp: EventStamp): Promise<void> {
    const next = applyClinicChange(await this.projection.lock(tx, change.id), change, stamp);
    if (next !== undefined) {
      await this.projection.upsert(tx, next);
    }
  }

  private async applyRoom(tx: Tx, change: RoomChange, stamp: EventStamp): Promise<void> {
    const next = applyRoomChange(await this.projection.lockRoom(tx, change.roomId), change, stamp);
    if (next !== undefined) {
      await this.projection.upsertRoom(tx, next);
    }
  }
}
