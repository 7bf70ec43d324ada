import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import type { Tx } from '@app/database';
import { ClinicProjectionEntity } from '../clinics/clinic-projection.entity';
import { ClinicTreatmentOfferingEntity } from './clinic-treatment-offering.entity';
import type { ClinicOffering } from './domain/clinic-offering';
import type { Treatment } from './domain/treatment';
import { TreatmentEntity } from './treatment.entity';

const UNIQUE_VIOLATION = '23505';

/** Thrown by `insertTreatment` when another treatment has the code. */
export class TreatmentCodeTakenError extends Error {}

@Injectable()
export class CatalogueRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async treatments(includeRetired: boolean): Promise<Treatment[]> {
    const rows = await this.dataSource.manager.find(TreatmentEntity, {
      where: includeRetired ? {} : { active: true },
      order: { durationMinutes: 'ASC', code: 'ASC' },
    });
    return rows.map(toTreatment);
  }

  async findTreatment(tx: Tx | undefined, id: string): Promise<Treatment | undefined> {
    const row = await this.manager(tx).findOne(TreatmentEntity, { where: { id } });
    return row === null ? undefined : toTreatment(row);
  }

  async lockTreatment(tx: Tx, id: string): Promise<Treatment | undefined> {
    const row = await tx.findOne(TreatmentEntity, {
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
    return row === null ? undefined : toTreatment(row);
  }

  async codeTaken(tx: Tx, code: string, exceptId: string | null): Promise<boolean> {
    const row = await tx.findOne(TreatmentEntity, { where: { code }, select: { id: true } });
    return row !== null && row.id !== exceptId;
  }

  async insertTreatment(tx: Tx, treatment: Treatment): Promise<void> {
    try {
      await tx.insert(TreatmentEntity, {
        ...treatment,
        requiredCertifications: [...treatment.requiredCertifications],
      });
    } catch (error) {
      throw isUniqueViolation(error) ? new TreatmentCodeTakenError(treatment.code) : error;
    }
  }

  async updateTreatment(tx: Tx, treatment: Treatment): Promise<void> {
    const { id, ...fields } = treatment;
    try {
      await tx.update(
        TreatmentEntity,
        { id },
        { ...fields, requiredCertifications: [...fields.requiredCertifications] },
      );
    } catch (error) {
      throw isUniqueViolation(error) ? new TreatmentCodeTakenError(treatment.code) : error;
    }
  }

  /** True once booking has the clinic from roster events. */
  async clinicKnown(tx: Tx, clinicId: string): Promise<boolean> {
    return tx.exists(ClinicProjectionEntity, { where: { id: clinicId } });
  }

  async lockOffering(
    tx: Tx,
    clinicId: string,
    treatmentId: string,
  ): Promise<ClinicOffering | undefined> {
    const row = await tx.findOne(ClinicTreatmentOfferingEntity, {
      where: { clinicId, treatmentId },
      lock: { mode: 'pessimistic_write' },
    });
    return row === null ? undefined : toOffering(row);
  }

  async findOffering(
    tx: Tx | undefined,
    clinicId: string,
    treatmentId: string,
  ): Promise<ClinicOffering | undefined> {
    const row = await this.manager(tx).findOne(ClinicTreatmentOfferingEntity, {
      where: { clinicId, treatmentId },
    });
    return row === null ? undefined : toOffering(row);
  }

  async offeringsOf(clinicId: string): Promise<ClinicOffering[]> {
    const rows = await this.dataSource.manager.find(ClinicTreatmentOfferingEntity, {
      where: { clinicId },
    });
    return rows.map(toOffering);
  }

  async upsertOffering(tx: Tx, offering: ClinicOffering, at: Date): Promise<void> {
    await tx.upsert(
      ClinicTreatmentOfferingEntity,
      { ...offering, updatedAt: at },
      { conflictPaths: ['clinicId', 'treatmentId'] },
    );
  }

  private manager(tx: Tx | undefined): EntityManager {
    return tx ?? this.dataSource.manager;
  }
}

function toTreatment(row: TreatmentEntity): Treatment {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    kind: row.kind,
    durationMinutes: row.durationMinutes,
    bufferAfterMinutes: row.bufferAfterMinutes,
    pricePence: row.pricePence,
    currency: row.currency,
    requiredCertifications: row.requiredCertifications,
    requiresScreeningClearance: row.requiresScreeningClearance,
    selfBookable: row.selfBookable,
    active: row.active,
  };
}

function toOffering(row: ClinicTreatmentOfferingEntity): ClinicOffering {
  return {
    clinicId: row.clinicId,
    treatmentId: row.treatmentId,
    offered: row.offered,
    pricePence: row.pricePence,
  };
}

function isUniqueViolation(error: unknown): boolean {
  return (
    error instanceof QueryFailedError &&
    (error.driverError as { code?: string } | undefined)?.code === UNIQUE_VIOLATION
  );
}
