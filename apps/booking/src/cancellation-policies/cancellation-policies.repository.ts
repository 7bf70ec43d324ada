import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Tx } from '@app/database';
import type { CancellationPolicy } from '../bookings/domain/cancellation-policy';
import { CancellationPolicyEntity } from './cancellation-policy.entity';

/** A clinic's own policy as stored. */
export interface StoredCancellationPolicy extends CancellationPolicy {
  readonly clinicId: string;
  readonly updatedAt: Date;
}

@Injectable()
export class CancellationPoliciesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The clinic's own policy, read inside `tx` when given. */
  async find(tx: Tx | undefined, clinicId: string): Promise<StoredCancellationPolicy | undefined> {
    const row = await this.manager(tx).findOne(CancellationPolicyEntity, { where: { clinicId } });
    return row === null ? undefined : toStored(row);
  }

  /** The clinic's own policy, locked until `tx` ends (concurrent changes apply in turn). */
  async lock(tx: Tx, clinicId: string): Promise<StoredCancellationPolicy | undefined> {
    const row = await tx.findOne(CancellationPolicyEntity, {
      where: { clinicId },
      lock: { mode: 'pessimistic_write' },
    });
    return row === null ? undefined : toStored(row);
  }

  async upsert(tx: Tx, policy: StoredCancellationPolicy): Promise<void> {
    await tx.upsert(
      CancellationPolicyEntity,
      {
        clinicId: policy.clinicId,
        lateFeePercent: policy.lateFeePercent,
        lateWindowHours: policy.lateWindowHours,
        updatedAt: policy.updatedAt,
      },
      { conflictPaths: ['clinicId'] },
    );
  }

  private manager(tx: Tx | undefined): EntityManager {
    return tx ?? this.dataSource.manager;
  }
}

function toStored(row: CancellationPolicyEntity): StoredCancellationPolicy {
  return {
    clinicId: row.clinicId,
    lateFeePercent: row.lateFeePercent,
    lateWindowHours: row.lateWindowHours,
    updatedAt: row.updatedAt,
  };
}
