import { Injectable } from '@nestjs/common';
import type { CertificationState, TherapistState } from '@app/contracts';
import type { Tx } from '@app/database';
import { applyCertificationState, CertificationExtras } from '../domain/certification-projection';
import type { EventStamp } from '../domain/event-stamp';
import { applyTherapistState } from '../domain/therapist-projection';
import { TherapistProjectionRepository } from './therapist-projection.repository';

/** Keeps booking's therapists and certifications from roster events; one event per call. */
@Injectable()
export class TherapistProjectionService {
  constructor(private readonly projection: TherapistProjectionRepository) {}

  /** therapist.joined / updated / assigned / unassigned / left: the full state each time. */
  async therapistStateReceived(
    state: TherapistState & { readonly leftOn?: string },
    stamp: EventStamp,
    tx: Tx,
  ): Promise<void> {
    const current = await this.projection.lockTherapist(tx, state.therapistId);
    const next = applyTherapistState(current, state, state.leftOn, stamp);
    if (next !== undefined) {
      await this.projection.upsertTherapist(tx, next);
    }
  }

  /** certification.recorded / verified / revoked / expiring / expired: the full state each time. */
  async certificationStateReceived(
    state: CertificationState & CertificationExtras,
    stamp: EventStamp,
    tx: Tx,
  ): Promise<void> {
    const current = await this.projection.lockCertification(tx, state.certificationId);
    const next = applyCertificationState(current, state, { revokedOn: state.revokedOn }, stamp);
    if (next !== undefined) {
      await this.projection.upsertCertification(tx, next);
    }
  }
}
