import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, QueryFailedError } from 'typeorm';
import type { ClinicScope } from '@app/auth';
import type { Tx } from '@app/database';
import { ClinicEntity } from './clinic.entity';
import { ClinicError, ClinicErrorCode } from './clinics.errors';
import { Clinic } from './domain/clinic';

const UNIQUE_VIOLATION = '23505';

@Injectable()
export class ClinicsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(tx: Tx, clinic: Omit<Clinic, 'openedAt'>): Promise<Clinic> {
    try {
      await tx.insert(ClinicEntity, {
        id: clinic.id,
        code: clinic.code,
        name: clinic.name,
        timezone: clinic.timezone,
        status: clinic.status,
      });
    } catch (error) {
      if (
        error instanceof QueryFailedError &&
        (error.driverError as { code?: string }).code === UNIQUE_VIOLATION
      ) {
        throw new ClinicError(
          ClinicErrorCode.ClinicCodeTaken,
          `clinic code ${clinic.code} is already used by another clinic; choose another code`,
          { field: 'code' },
        );
      }
      throw error;
    }
    const row = await tx.findOneByOrFail(ClinicEntity, { id: clinic.id });
    return toClinic(row);
  }

  async findById(id: string): Promise<Clinic | undefined> {
    const row = await this.dataSource.manager.findOneBy(ClinicEntity, { id });
    return row === null ? undefined : toClinic(row);
  }

  async list(scope: ClinicScope): Promise<Clinic[]> {
    if (!scope.all && scope.clinicIds.length === 0) {
      return [];
    }
    const rows = await this.dataSource.manager.find(ClinicEntity, {
      where: scope.all ? {} : { id: In([...scope.clinicIds]) },
      order: { name: 'ASC' },
    });
    return rows.map(toClinic);
  }
}

function toClinic(row: ClinicEntity): Clinic {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    timezone: row.timezone,
    status: row.status,
    openedAt: row.createdAt,
  };
}
