import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, EntityManager } from 'typeorm';
import type { Tx } from '@app/database';
import type { ClinicStatus } from '../clinics/domain/clinic-status';
import type { WeeklyHours } from '../clinics/domain/opening-hours';
import type { TherapistStatus } from '../therapists/domain/therapist-status';
import { addDays } from './domain/calendar-date';
import type { PatternShift } from './domain/pattern-shift';
import { WorkingPatternShiftEntity } from './working-pattern-shift.entity';

/** The therapist and clinic as they stand once locked inside the pattern's transaction. */
export interface LockedPatternParties {
  readonly therapist: {
    readonly displayName: string;
    readonly status: TherapistStatus;
    readonly leftOn: string | null;
    readonly clinicIds: readonly string[];
  };
  readonly clinic: {
    readonly name: string;
    readonly timezone: string;
    readonly status: ClinicStatus;
    readonly weekly: WeeklyHours;
  };
}

@Injectable()
export class WorkingPatternsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Serialises pattern changes of one therapist until commit, so two clinics cannot both
   * add clashing shifts for them at once.
   */
  async lockTherapist(tx: Tx, therapistId: string): Promise<void> {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [
      `working-pattern:${therapistId}`,
    ]);
  }

  /**
   * Locks the therapist's row (FOR UPDATE: assignment, unassignment and leaving wait) and the
   * clinic's row (FOR SHARE: opening-hours and status changes wait) until commit, then reads
   * both fresh, so a pattern is checked against what stands when it is written. Undefined
   * when either is gone.
   */
  async lockParties(
    tx: Tx,
    therapistId: string,
    clinicId: string,
  ): Promise<LockedPatternParties | undefined> {
    const therapists = await tx.query<
      { given_name: string; family_name: string; status: TherapistStatus; left_on: string | null }[]
    >(
      `SELECT given_name, family_name, status, left_on::text AS left_on
         FROM therapist WHERE id = $1 FOR UPDATE`,
      [therapistId],
    );
    const clinics = await tx.query<
      { name: string; timezone: string; status: ClinicStatus; weekly_hours: WeeklyHours }[]
    >(`SELECT name, timezone, status, weekly_hours FROM clinic WHERE id = $1 FOR SHARE`, [
      clinicId,
    ]);
    const [therapist] = therapists;
    const [clinic] = clinics;
    if (therapist === undefined || clinic === undefined) {
      return undefined;
    }
    const assignments = await tx.query<{ clinic_id: string }[]>(
      `SELECT clinic_id FROM therapist_clinic WHERE therapist_id = $1 ORDER BY assigned_at`,
      [therapistId],
    );
    return {
      therapist: {
        displayName: `${therapist.given_name} ${therapist.family_name}`,
        status: therapist.status,
        leftOn: therapist.left_on,
        clinicIds: assignments.map((row) => row.clinic_id),
      },
      clinic: {
        name: clinic.name,
        timezone: clinic.timezone,
        status: clinic.status,
        weekly: clinic.weekly_hours,
      },
    };
  }

  /** Every shift of the therapist, at every clinic, in every period. */
  async findByTherapist(tx: Tx, therapistId: string): Promise<PatternShift[]> {
    const rows = await tx.find(WorkingPatternShiftEntity, {
      where: { therapistId },
      order: { effectiveFrom: 'ASC', weekday: 'ASC', startTime: 'ASC' },
    });
    return rows.map(toShift);
  }

  /**
   * Replaces the therapist's pattern at the clinic from `from` on: shifts starting on or
   * after it go, shifts running past it end the day before, then `shifts` are added.
   */
  async replaceFrom(
    tx: Tx,
    therapistId: string,
    clinicId: string,
    from: string,
    shifts: readonly PatternShift[],
  ): Promise<void> {
    await tx
      .createQueryBuilder()
      .delete()
      .from(WorkingPatternShiftEntity)
      .where('therapist_id = :therapistId AND clinic_id = :clinicId AND effective_from >= :from', {
        therapistId,
        clinicId,
        from,
      })
      .execute();
    await tx
      .createQueryBuilder()
      .update(WorkingPatternShiftEntity)
      .set({ effectiveTo: addDays(from, -1) })
      .where('therapist_id = :therapistId AND clinic_id = :clinicId', { therapistId, clinicId })
      .andWhere(
        new Brackets((q) =>
          q.where('effective_to IS NULL').orWhere('effective_to >= :from', { from }),
        ),
      )
      .execute();
    if (shifts.length > 0) {
      await tx.insert(
        WorkingPatternShiftEntity,
        shifts.map((shift) => ({
          id: shift.id,
          therapistId: shift.therapistId,
          clinicId: shift.clinicId,
          weekday: shift.weekday,
          startTime: shift.start,
          endTime: shift.end,
          effectiveFrom: shift.effectiveFrom,
          effectiveTo: shift.effectiveTo,
        })),
      );
    }
  }

  /** Shifts at the clinic in force on some date of [from, to]. */
  async findInForce(
    filter: { readonly clinicId?: string; readonly therapistId?: string },
    from: string,
    to: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<PatternShift[]> {
    const query = manager
      .createQueryBuilder(WorkingPatternShiftEntity, 's')
      .where('s.effective_from <= :to', { to })
      .andWhere('(s.effective_to IS NULL OR s.effective_to >= :from)', { from });
    if (filter.clinicId !== undefined) {
      query.andWhere('s.clinic_id = :clinicId', { clinicId: filter.clinicId });
    }
    if (filter.therapistId !== undefined) {
      query.andWhere('s.therapist_id = :therapistId', { therapistId: filter.therapistId });
    }
    const rows = await query.orderBy('s.start_time', 'ASC').getMany();
    return rows.map(toShift);
  }
}

function toShift(row: WorkingPatternShiftEntity): PatternShift {
  return {
    id: row.id,
    therapistId: row.therapistId,
    clinicId: row.clinicId,
    weekday: row.weekday,
    start: row.startTime,
    end: row.endTime,
    effectiveFrom: row.effectiveFrom,
    effectiveTo: row.effectiveTo,
  };
}
