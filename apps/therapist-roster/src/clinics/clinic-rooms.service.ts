import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Caller, isUuid } from '@app/auth';
import { RoomAddedV1, RoomRetiredV1 } from '@app/contracts';
import type { Tx } from '@app/database';
import { OutboxWriter, TransactionRunner } from '@app/messaging';
import { TRANSACTIONS } from '@app/platform/platform.tokens';
import { parseClinicId, requireChangeable, requireRoomManager } from './clinic-access';
import { requireFreeRoomName, roomName } from './clinic-input';
import { ClinicsRepository } from './clinics.repository';
import { ClinicError, ClinicErrorCode } from './clinics.errors';
import type { Room } from './domain/room';

/**
 * Treatment rooms: head office or the clinic's manager adds and retires them. A retired
 * room is kept (past bookings name it) and its name may be reused by a new room.
 */
@Injectable()
export class ClinicRoomsService {
  constructor(
    private readonly clinics: ClinicsRepository,
    private readonly outbox: OutboxWriter,
    @Inject(TRANSACTIONS) private readonly transactions: TransactionRunner<Tx>,
  ) {}

  async addRoom(caller: Caller, id: string, rawName: string): Promise<Room> {
    const clinicId = parseClinicId(id);
    requireRoomManager(caller, clinicId);
    const name = roomName(rawName);
    return this.transactions.run(async (tx) => {
      const clinic = requireChangeable(await this.clinics.lockById(tx, clinicId), clinicId);
      requireFreeRoomName(clinic.rooms, name);
      const room = await this.clinics.insertRoom(tx, { id: randomUUID(), clinicId, name });
      await this.outbox.append(tx, RoomAddedV1, {
        aggregateId: clinicId,
        clinicId,
        data: { clinicId, roomId: room.id, name: room.name, addedAt: room.addedAt.toISOString() },
      });
      return room;
    });
  }

  async retireRoom(caller: Caller, id: string, roomId: string): Promise<Room> {
    const clinicId = parseClinicId(id);
    requireRoomManager(caller, clinicId);
    const wellFormed: boolean = isUuid(roomId);
    if (!wellFormed) {
      throw new ClinicError(
        ClinicErrorCode.InvalidRoomId,
        `"${roomId}" is not a room id: room ids are UUIDs`,
        { field: 'roomId' },
      );
    }
    const room = roomId.toLowerCase();
    return this.transactions.run(async (tx) => {
      const clinic = requireChangeable(await this.clinics.lockById(tx, clinicId), clinicId);
      const current = clinic.rooms.find((r) => r.id === room);
      if (current === undefined) {
        throw new ClinicError(
          ClinicErrorCode.RoomNotFound,
          `clinic ${clinic.code} has no room ${room}; list its rooms with the clinic query`,
          { field: 'roomId' },
        );
      }
      if (current.status === 'retired') {
        throw new ClinicError(
          ClinicErrorCode.RoomAlreadyRetired,
          `room "${current.name}" at ${clinic.code} was already retired`,
          { field: 'roomId' },
        );
      }
      const retired = await this.clinics.retireRoom(tx, clinicId, room);
      if (retired === undefined || retired.retiredAt === null) {
        throw new Error(`room ${room} could not be retired although the clinic was locked`);
      }
      await this.outbox.append(tx, RoomRetiredV1, {
        aggregateId: clinicId,
        clinicId,
        data: {
          clinicId,
          roomId: retired.id,
          name: retired.name,
          retiredAt: retired.retiredAt.toISOString(),
        },
      });
      return retired;
    });
  }
}
