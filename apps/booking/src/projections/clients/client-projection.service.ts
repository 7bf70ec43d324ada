import { Injectable } from '@nestjs/common';
import type {
  CarePlanUpdatedV1,
  ClientErasedV1,
  EligibilityChangedV1,
  EventData,
} from '@app/contracts';
import type { Tx } from '@app/database';
import { recordErasure, replaceCarePlan, replaceEligibility } from '../domain/client-projection';
import type { EventStamp } from '../domain/event-stamp';
import { ClientProjectionRepository } from './client-projection.repository';

/** Keeps booking's client eligibility, care plans and erasures from client-record events. */
@Injectable()
export class ClientProjectionService {
  constructor(private readonly projection: ClientProjectionRepository) {}

  async eligibilityChanged(
    data: EventData<typeof EligibilityChangedV1>,
    stamp: EventStamp,
    tx: Tx,
  ): Promise<void> {
    const erased = (await this.projection.lockErasure(tx, data.clientId)) !== undefined;
    const current = await this.projection.lockEligibility(tx, data.clientId);
    const next = replaceEligibility(current, data, erased, stamp);
    if (next !== undefined) {
      await this.projection.upsertEligibility(tx, next);
    }
  }

  /** care_plan.created and care_plan.updated (both carry the plan's full current state). */
  async carePlanReceived(
    data: EventData<typeof CarePlanUpdatedV1>,
    stamp: EventStamp,
    tx: Tx,
  ): Promise<void> {
    const erased = (await this.projection.lockErasure(tx, data.clientId)) !== undefined;
    const current = await this.projection.lockCarePlan(tx, data.carePlanId);
    const next = replaceCarePlan(current, data, erased, stamp);
    if (next !== undefined) {
      await this.projection.upsertCarePlan(tx, next);
    }
  }

  /**
   * client.erased: record it (booking pseudonymises the client's bookings from this record)
   * and drop the client's eligibility and care plans; later events about them are ignored.
   */
  async clientErased(
    data: EventData<typeof ClientErasedV1>,
    stamp: EventStamp,
    tx: Tx,
  ): Promise<void> {
    const next = recordErasure(await this.projection.lockErasure(tx, data.clientId), data, stamp);
    if (next !== undefined) {
      await this.projection.insertErasure(tx, next);
    }
    await this.projection.forgetClient(tx, data.clientId);
  }
}
