import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, QueryFailedError } from 'typeorm';
import type { Tx } from '@app/database';
import type { CalendarDate } from './domain/calendar-date';
import type { Profession } from './domain/profession';
import type { Specialty } from './domain/specialty';
import type { Therapist } from './domain/therapist';
import type { TherapistCursor } from './domain/therapist-cursor';
import type { TherapistReadScope } from './domain/therapist-read-scope';
import type { TherapistStatus } from './domain/therapist-status';
import { TherapistClinicEntity } from './therapist-clinic.entity';
import { TherapistEntity } from './therapist.entity';
import { TherapistError, TherapistErrorCode } from './therapists.errors';

const UNIQUE_VIOLATION = '23505';
const HCPC_UNIQUE = 'therapist_hcpc_number_key';

/** The stored fields of a therapist (clinic assignments are rows of their own). */
export interface TherapistRow {
  readonly id: string;
  readonly givenName: string;
  readonly familyName: string;
  readonly email: string;
  readonly phone: string | null;
  readonly profession: Profession;
  readonly hcpcNumber: string | null;
  readonly specialties: readonly Specialty[];
  readonly status: TherapistStatus;
  readonly leftOn: CalendarDate | null;
}

export interface TherapistListQuery {
  readonly scope: TherapistReadScope;
  readonly clinicId?: string;
  readonly profession?: Profession;
  readonly specialty?: Specialty;
  readonly status?: TherapistStatus;
  /** Only therapists holding a certification of this type that counts on `today`. */
  readonly currentCertificationType?: string;
  readonly today: CalendarDate;
  readonly after?: TherapistCursor;
  readonly limit: number;
}

@Injectable()
export class TherapistsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(tx: Tx, row: TherapistRow, clinicIds: readonly string[]): Promise<Therapist> {
    await this.mapHcpcConflict(row.hcpcNumber, () =>
      tx.insert(TherapistEntity, { ...row, specialties: [...row.specialties] }),
    );
    for (const clinicId of clinicIds) {
      // One statement per clinic so assigned_at (clock_timestamp) keeps the given order.
      await tx.insert(TherapistClinicEntity, { therapistId: row.id, clinicId });
    }
    return this.load(tx, row.id);
  }

  /** Reads a therapist and locks its row until the transaction ends (serialises changes). */
  async lockById(tx: Tx, id: string): Promise<Therapist | undefined> {
    const row = await tx.findOne(TherapistEntity, {
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
    return row === null ? undefined : this.withClinics(tx, row);
  }

  async findById(id: string): Promise<Therapist | undefined> {
    const row = await this.dataSource.manager.findOneBy(TherapistEntity, { id });
    return row === null ? undefined : this.withClinics(this.dataSource.manager, row);
  }

  async update(tx: Tx, row: TherapistRow): Promise<Therapist> {
    const { id, ...fields } = row;
    await this.mapHcpcConflict(row.hcpcNumber, () =>
      tx.update(TherapistEntity, { id }, { ...fields, specialties: [...fields.specialties] }),
    );
    return this.load(tx, id);
  }

  async assign(tx: Tx, therapistId: string, clinicId: string): Promise<Therapist> {
    await tx.insert(TherapistClinicEntity, { therapistId, clinicId });
    await this.touch(tx, therapistId);
    return this.load(tx, therapistId);
  }

  async unassign(tx: Tx, therapistId: string, clinicId: string): Promise<Therapist> {
    await tx.delete(TherapistClinicEntity, { therapistId, clinicId });
    await this.touch(tx, therapistId);
    return this.load(tx, therapistId);
  }

  /**
   * One page in list order (family name, given name, id), after the cursor position. The
   * caller's read scope is part of the WHERE clause, so out-of-scope rows never leave SQL.
   */
  async list(query: TherapistListQuery): Promise<Therapist[]> {
    const qb = this.dataSource.manager.createQueryBuilder(TherapistEntity, 't');
    const scope = query.scope;
    switch (scope.kind) {
      case 'all':
        break;
      case 'clinics':
        qb.andWhere(
          `EXISTS (SELECT 1 FROM therapist_clinic sc
                   WHERE sc.therapist_id = t.id AND sc.clinic_id = ANY(:scopeClinicIds::uuid[]))`,
          { scopeClinicIds: [...scope.clinicIds] },
        );
        break;
      case 'self':
        qb.andWhere('t.id = :selfId', { selfId: scope.therapistId });
        break;
      case 'none':
        return [];
      default: {
        const unreachable: never = scope;
        throw new Error(`unknown scope ${JSON.stringify(unreachable)}`);
      }
    }
    if (query.clinicId !== undefined) {
      qb.andWhere(
        `EXISTS (SELECT 1 FROM therapist_clinic fc
                 WHERE fc.therapist_id = t.id AND fc.clinic_id = :clinicId)`,
        { clinicId: query.clinicId },
      );
    }
    if (query.profession !== undefined) {
      qb.andWhere('t.profession = :profession', { profession: query.profession });
    }
    if (query.specialty !== undefined) {
      qb.andWhere(':specialty = ANY(t.specialties)', { specialty: query.specialty });
    }
    if (query.status !== undefined) {
      qb.andWhere('t.status = :status', { status: query.status });
    }
    if (query.currentCertificationType !== undefined) {
      // The certifications context's table, read in this service's own database. The
      // predicate is certificationStatusAt(...) ∈ {valid, expiring_soon} written in SQL.
      qb.andWhere(
        `EXISTS (SELECT 1 FROM certification c
                 WHERE c.therapist_id = t.id AND c.type = :certificationType
                   AND c.issued_on <= :today::date
                   AND (c.expires_on IS NULL OR c.expires_on > :today::date)
                   AND (c.revoked_on IS NULL OR c.revoked_on > :today::date))`,
        { certificationType: query.currentCertificationType, today: query.today },
      );
    }
    if (query.after !== undefined) {
      qb.andWhere('(t.family_name, t.given_name, t.id) > (:afterFamily, :afterGiven, :afterId)', {
        afterFamily: query.after.familyName,
        afterGiven: query.after.givenName,
        afterId: query.after.id,
      });
    }
    const rows = await qb
      .orderBy('t.family_name', 'ASC')
      .addOrderBy('t.given_name', 'ASC')
      .addOrderBy('t.id', 'ASC')
      .limit(query.limit)
      .getMany();
    const clinics = await this.clinicIdsOf(
      this.dataSource.manager,
      rows.map((row) => row.id),
    );
    return rows.map((row) => toTherapist(row, clinics.get(row.id) ?? []));
  }

  private async load(manager: EntityManager, id: string): Promise<Therapist> {
    const row = await manager.findOneByOrFail(TherapistEntity, { id });
    return this.withClinics(manager, row);
  }

  private async withClinics(manager: EntityManager, row: TherapistEntity): Promise<Therapist> {
    const clinics = await this.clinicIdsOf(manager, [row.id]);
    return toTherapist(row, clinics.get(row.id) ?? []);
  }

  private async clinicIdsOf(
    manager: EntityManager,
    therapistIds: readonly string[],
  ): Promise<Map<string, string[]>> {
    const byTherapist = new Map<string, string[]>();
    if (therapistIds.length === 0) {
      return byTherapist;
    }
    const rows = await manager.find(TherapistClinicEntity, {
      where: { therapistId: In([...therapistIds]) },
      order: { assignedAt: 'ASC', clinicId: 'ASC' },
    });
    for (const row of rows) {
      byTherapist.set(row.therapistId, [...(byTherapist.get(row.therapistId) ?? []), row.clinicId]);
    }
    return byTherapist;
  }

  private async touch(tx: Tx, id: string): Promise<void> {
    await tx.update(TherapistEntity, { id }, { updatedAt: new Date() });
  }

  private async mapHcpcConflict(hcpcNumber: string | null, write: () => Promise<unknown>) {
    try {
      await write();
    } catch (error) {
      const driverError: unknown = error instanceof QueryFailedError ? error.driverError : {};
      const { code, constraint } = (driverError ?? {}) as { code?: string; constraint?: string };
      if (code === UNIQUE_VIOLATION && constraint === HCPC_UNIQUE) {
        throw new TherapistError(
          TherapistErrorCode.DuplicateHcpcNumber,
          `HCPC number ${hcpcNumber ?? ''} is already recorded for another therapist; check the number on the HCPC register`,
          { field: 'hcpcNumber' },
        );
      }
      throw error;
    }
  }
}

function toTherapist(row: TherapistEntity, clinicIds: readonly string[]): Therapist {
  return {
    id: row.id,
    givenName: row.givenName,
    familyName: row.familyName,
    email: row.email,
    phone: row.phone,
    profession: row.profession,
    hcpcNumber: row.hcpcNumber,
    specialties: row.specialties,
    clinicIds,
    status: row.status,
    joinedAt: row.createdAt,
    leftOn: row.leftOn,
  };
}
