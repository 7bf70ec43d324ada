import { Injectable } from '@nestjs/common';
import type { Tx } from '@app/database';
import type { CertificationProjectionState } from '../domain/certification-projection';
import type { TherapistProjectionState } from '../domain/therapist-projection';
import { CertificationProjectionEntity } from './certification-projection.entity';
import { TherapistProjectionEntity } from './therapist-projection.entity';

@Injectable()
export class TherapistProjectionRepository {
  /** The therapist row, locked until `tx` ends. */
  async lockTherapist(tx: Tx, id: string): Promise<TherapistProjectionState | undefined> {
    const row = await tx.findOne(TherapistProjectionEntity, {
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
    return row ?? undefined;
  }

  async upsertTherapist(tx: Tx, therapist: TherapistProjectionState): Promise<void> {
    await tx.upsert(
      TherapistProjectionEntity,
      {
        ...therapist,
        specialties: [...therapist.specialties],
        clinicIds: [...therapist.clinicIds],
      },
      ['id'],
    );
  }

  async lockCertification(tx: Tx, id: string): Promise<CertificationProjectionState | undefined> {
    const row = await tx.findOne(CertificationProjectionEntity, {
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
    return row ?? undefined;
  }

  async upsertCertification(tx: Tx, certification: CertificationProjectionState): Promise<void> {
    await tx.upsert(CertificationProjectionEntity, { ...certification }, ['id']);
  }
}
