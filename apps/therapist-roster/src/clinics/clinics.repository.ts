import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, IsNull, QueryFailedError } from 'typeorm';
import type { ClinicScope } from '@app/auth';
import type { Tx } from '@app/database';
import { ClinicHoursExceptionEntity } from './clinic-hours-exception.entity';
import { ClinicRoomEntity } from './clinic-room.entity';
import { ClinicEntity } from './clinic.entity';
import { ClinicError, ClinicErrorCode } from './clinics.errors';
import { Clinic } from './domain/clinic';
import type { ClinicAddress } from './domain/clinic-address';
import type { ClinicContact } from './domain/clinic-contact';
import type { ClinicStatus } from './domain/clinic-status';
import type { HoursException, WeeklyHours } from './domain/opening-hours';
import type { Room } from './domain/room';

const UNIQUE_VIOLATION = '23505';

export type NewClinic = Omit<Clinic, 'openedAt' | 'rooms'> & {
  readonly rooms: readonly Pick<Room, 'id' | 'name'>[];
};

export interface ClinicDetailsChange {
  readonly name: string;
  readonly address: ClinicAddress | null;
  readonly contact: ClinicContact | null;
}

@Injectable()
export class ClinicsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Inserts a clinic with its exceptions and rooms; CLINIC_CODE_TAKEN for a used code. */
  async insert(tx: Tx, clinic: NewClinic): Promise<Clinic> {
    try {
      await tx.insert(ClinicEntity, {
        id: clinic.id,
        code: clinic.code,
        name: clinic.name,
        timezone: clinic.timezone,
        status: clinic.status,
        ...addressColumns(clinic.address),
        ...contactColumns(clinic.contact),
        weeklyHours: clinic.weeklyHours,
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new ClinicError(
          ClinicErrorCode.ClinicCodeTaken,
          `clinic code ${clinic.code} is already used by another clinic; choose another code`,
          { field: 'code' },
        );
      }
      throw error;
    }
    for (const exception of clinic.hoursExceptions) {
      await this.insertException(tx, clinic.id, exception);
    }
    for (const room of clinic.rooms) {
      await this.insertRoom(tx, { id: room.id, clinicId: clinic.id, name: room.name });
    }
    return this.loadOrFail(tx, clinic.id);
  }

  async findById(id: string): Promise<Clinic | undefined> {
    const row = await this.dataSource.manager.findOneBy(ClinicEntity, { id });
    return row === null ? undefined : (await this.withDetails(this.dataSource.manager, [row]))[0];
  }

  /**
   * Loads a clinic inside `tx`, locking its row until commit: mutations of one clinic run
   * one at a time, so each event's full state is the state it committed.
   */
  async lockById(tx: Tx, id: string): Promise<Clinic | undefined> {
    const row = await tx.findOne(ClinicEntity, {
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
    return row === null ? undefined : (await this.withDetails(tx, [row]))[0];
  }

  /** The clinic as `tx` sees it now (after this transaction's writes). */
  async loadOrFail(tx: Tx, id: string): Promise<Clinic> {
    const row = await tx.findOneByOrFail(ClinicEntity, { id });
    const [clinic] = await this.withDetails(tx, [row]);
    if (clinic === undefined) {
      throw new Error(`clinic ${id} vanished inside its own transaction`);
    }
    return clinic;
  }

  async list(scope: ClinicScope): Promise<Clinic[]> {
    if (!scope.all && scope.clinicIds.length === 0) {
      return [];
    }
    const rows = await this.dataSource.manager.find(ClinicEntity, {
      where: scope.all ? {} : { id: In([...scope.clinicIds]) },
      order: { name: 'ASC' },
    });
    return this.withDetails(this.dataSource.manager, rows);
  }

  async updateDetails(tx: Tx, id: string, change: ClinicDetailsChange): Promise<void> {
    await tx.update(
      ClinicEntity,
      { id },
      {
        name: change.name,
        ...addressColumns(change.address),
        ...contactColumns(change.contact),
      },
    );
  }

  async updateStatus(tx: Tx, id: string, status: ClinicStatus): Promise<void> {
    await tx.update(ClinicEntity, { id }, { status });
  }

  async updateWeeklyHours(tx: Tx, id: string, weeklyHours: WeeklyHours): Promise<void> {
    await tx.update(ClinicEntity, { id }, { weeklyHours });
  }

  async insertException(tx: Tx, clinicId: string, exception: HoursException): Promise<void> {
    try {
      await tx.insert(ClinicHoursExceptionEntity, {
        clinicId,
        date: exception.date,
        ranges: [...exception.ranges],
        reason: exception.reason,
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new ClinicError(
          ClinicErrorCode.HoursExceptionExists,
          `the clinic already has an hours exception on ${exception.date}; remove it first to replace it`,
          { field: 'date' },
        );
      }
      throw error;
    }
  }

  /** True when an exception on `date` existed and was removed. */
  async deleteException(tx: Tx, clinicId: string, date: string): Promise<boolean> {
    const result = await tx.delete(ClinicHoursExceptionEntity, { clinicId, date });
    return (result.affected ?? 0) > 0;
  }

  /** Inserts an active room; ROOM_NAME_TAKEN if an active room of the clinic has the name. */
  async insertRoom(tx: Tx, room: Pick<Room, 'id' | 'clinicId' | 'name'>): Promise<Room> {
    try {
      await tx.insert(ClinicRoomEntity, { id: room.id, clinicId: room.clinicId, name: room.name });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new ClinicError(
          ClinicErrorCode.RoomNameTaken,
          `the clinic already has an active room called "${room.name}"; choose another name`,
          { field: 'name' },
        );
      }
      throw error;
    }
    return toRoom(await tx.findOneByOrFail(ClinicRoomEntity, { id: room.id }));
  }

  /** Retires an active room now; undefined if it was not an active room of the clinic. */
  async retireRoom(tx: Tx, clinicId: string, roomId: string): Promise<Room | undefined> {
    const result = await tx.update(
      ClinicRoomEntity,
      { id: roomId, clinicId, retiredAt: IsNull() },
      { retiredAt: () => 'now()' },
    );
    if ((result.affected ?? 0) === 0) {
      return undefined;
    }
    return toRoom(await tx.findOneByOrFail(ClinicRoomEntity, { id: roomId }));
  }

  private async withDetails(manager: EntityManager, rows: ClinicEntity[]): Promise<Clinic[]> {
    if (rows.length === 0) {
      return [];
    }
    const ids = rows.map((row) => row.id);
    // One after the other: inside a transaction both would share one connection anyway.
    const exceptions = await manager.find(ClinicHoursExceptionEntity, {
      where: { clinicId: In(ids) },
      order: { date: 'ASC' },
    });
    const rooms = await manager.find(ClinicRoomEntity, {
      where: { clinicId: In(ids) },
      order: { addedAt: 'ASC', name: 'ASC' },
    });
    return rows.map((row) =>
      toClinic(
        row,
        exceptions.filter((e) => e.clinicId === row.id),
        rooms.filter((r) => r.clinicId === row.id),
      ),
    );
  }
}

function isUniqueViolation(error: unknown): boolean {
  return (
    error instanceof QueryFailedError &&
    (error.driverError as { code?: string }).code === UNIQUE_VIOLATION
  );
}

function addressColumns(
  address: ClinicAddress | null,
): Pick<ClinicEntity, 'addressLine1' | 'addressLine2' | 'addressCity' | 'addressPostcode'> {
  return {
    addressLine1: address?.line1 ?? null,
    addressLine2: address?.line2 ?? null,
    addressCity: address?.city ?? null,
    addressPostcode: address?.postcode ?? null,
  };
}

function contactColumns(
  contact: ClinicContact | null,
): Pick<ClinicEntity, 'contactPhone' | 'contactEmail'> {
  return { contactPhone: contact?.phone ?? null, contactEmail: contact?.email ?? null };
}

function toClinic(
  row: ClinicEntity,
  exceptions: readonly ClinicHoursExceptionEntity[],
  rooms: readonly ClinicRoomEntity[],
): Clinic {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    timezone: row.timezone,
    status: row.status,
    address:
      row.addressLine1 === null || row.addressCity === null || row.addressPostcode === null
        ? null
        : {
            line1: row.addressLine1,
            line2: row.addressLine2,
            city: row.addressCity,
            postcode: row.addressPostcode,
          },
    contact:
      row.contactPhone === null && row.contactEmail === null
        ? null
        : { phone: row.contactPhone, email: row.contactEmail },
    weeklyHours: row.weeklyHours,
    hoursExceptions: exceptions.map((e) => ({ date: e.date, ranges: e.ranges, reason: e.reason })),
    rooms: rooms.map(toRoom),
    openedAt: row.createdAt,
  };
}

function toRoom(row: ClinicRoomEntity): Room {
  return {
    id: row.id,
    clinicId: row.clinicId,
    name: row.name,
    status: row.retiredAt === null ? 'active' : 'retired',
    addedAt: row.addedAt,
    retiredAt: row.retiredAt,
  };
}
