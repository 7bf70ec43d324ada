import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, LessThan, MoreThan } from 'typeorm';
import type { Tx } from '@app/database';
import type { Absence } from './domain/time-off-subtraction';
import type { TimeOff, TimeOffStatus } from './domain/time-off';
import { TimeOffEntity } from './time-off.entity';

@Injectable()
export class TimeOffRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(tx: Tx, timeOff: TimeOff): Promise<void> {
    await tx.insert(TimeOffEntity, {
      id: timeOff.id,
      therapistId: timeOff.therapistId,
      kind: timeOff.kind,
      status: timeOff.status,
      startsAt: timeOff.startsAt,
      endsAt: timeOff.endsAt,
      note: timeOff.note,
      requestedBy: timeOff.requestedBy,
      decidedBy: timeOff.decidedBy,
      decidedAt: timeOff.decidedAt,
    });
  }

  /** The time off, locked until commit so two decisions on it are serialised. */
  async lockById(tx: Tx, id: string): Promise<TimeOff | undefined> {
    const row = await tx.findOne(TimeOffEntity, {
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
    return row === null ? undefined : toTimeOff(row);
  }

  async updateStatus(
    tx: Tx,
    id: string,
    change: { status: TimeOffStatus; decidedBy: string; decidedAt: Date },
  ): Promise<TimeOff> {
    await tx.update(TimeOffEntity, { id }, change);
    return toTimeOff(await tx.findOneByOrFail(TimeOffEntity, { id }));
  }

  async listForTherapist(therapistId: string): Promise<TimeOff[]> {
    const rows = await this.dataSource.manager.find(TimeOffEntity, {
      where: { therapistId },
      order: { startsAt: 'DESC' },
    });
    return rows.map(toTimeOff);
  }

  /** Approved time off of these therapists overlapping [from, to). */
  async approvedOverlapping(
    therapistIds: readonly string[],
    from: Date,
    to: Date,
  ): Promise<Absence[]> {
    if (therapistIds.length === 0) {
      return [];
    }
    const rows = await this.dataSource.manager.find(TimeOffEntity, {
      where: {
        therapistId: In([...therapistIds]),
        status: 'approved',
        startsAt: LessThan(to),
        endsAt: MoreThan(from),
      },
    });
    return rows.map((row) => ({
      therapistId: row.therapistId,
      startsAt: row.startsAt,
      endsAt: row.endsAt,
    }));
  }
}

function toTimeOff(row: TimeOffEntity): TimeOff {
  return {
    id: row.id,
    therapistId: row.therapistId,
    kind: row.kind,
    status: row.status,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    note: row.note,
    requestedBy: row.requestedBy,
    decidedBy: row.decidedBy,
    decidedAt: row.decidedAt,
  };
}
