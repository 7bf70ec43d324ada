import { Injectable } from '@nestjs/common';
import type { Tx } from '@app/database';
import type {
  CarePlanProjectionState,
  ClientEligibilityProjectionState,
  ClientErasureProjectionState,
} from '../domain/client-projection';
import { CarePlanProjectionEntity } from './care-plan-projection.entity';
import { ClientEligibilityProjectionEntity } from './client-eligibility-projection.entity';
import { ClientErasureProjectionEntity } from './client-erasure-projection.entity';
import { lockClient } from '../../bookings/booking-locks';

@Injectable()
export class ClientProjectionRepository {
  async lockEligibility(
    tx: Tx,
    clientId: string,
  ): Promise<ClientEligibilityProjectionState | undefined> {
    const row = await tx.findOne(ClientEligibilityProjectionEntity, {
      where: { clientId },
      lock: { mode: 'pessimistic_write' },
    });
    return row ?? undefined;
  }

  async upsertEligibility(tx: Tx, eligibility: ClientEligibilityProjectionState): Promise<void> {
    await tx.upsert(
      ClientEligibilityProjectionEntity,
      { ...eligibility, clinicIds: [...eligibility.clinicIds] },
      ['clientId'],
    );
  }

  async lockCarePlan(tx: Tx, id: string): Promise<CarePlanProjectionState | undefined> {
    const row = await tx.findOne(CarePlanProjectionEntity, {
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
    return row ?? undefined;
  }

  async upsertCarePlan(tx: Tx, plan: CarePlanProjectionState): Promise<void> {
    await tx.upsert(CarePlanProjectionEntity, { ...plan }, ['id']);
  }

  /**
   * The client's erasure, if any, read under a per-client lock held until `tx` ends, so an
   * erasure and an event about the same client on another partition wait for each other.
   */
  async lockErasure(tx: Tx, clientId: string): Promise<ClientErasureProjectionState | undefined> {
    await lockClient(tx, clientId);
    const row = await tx.findOneBy(ClientErasureProjectionEntity, { clientId });
    return row ?? undefined;
  }

  async insertErasure(tx: Tx, erasure: ClientErasureProjectionState): Promise<void> {
    await tx
      .createQueryBuilder()
      .insert()
      .into(ClientErasureProjectionEntity)
      .values({ ...erasure, clinicIds: [...erasure.clinicIds] })
      .orIgnore()
      .execute();
  }

  /** Removes what booking held on the client beyond their erasure record. */
  async forgetClient(tx: Tx, clientId: string): Promise<void> {
    await tx.delete(ClientEligibilityProjectionEntity, { clientId });
    await tx.delete(CarePlanProjectionEntity, { clientId });
  }
}
