import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Tx } from '@app/database';
import type { CalendarDate } from '../therapists/domain/calendar-date';
import { CertificationEntity } from './certification.entity';
import type { Certification } from './domain/certification';
import { EXPIRY_NOTICES, ExpiryNotice, ExpiryNoticeCandidate } from './domain/expiry-notice';

/** A certification the expiry job considers, with what the rule needs and the event needs. */
export interface ExpiryCandidate extends ExpiryNoticeCandidate {
  readonly certification: Certification;
  /** The therapist's first clinic, for the event envelope. */
  readonly primaryClinicId: string | null;
}

interface CandidateRow {
  id: string;
  therapist_id: string;
  type: string;
  issued_on: string;
  expires_on: string;
  evidence_reference: string;
  recorded_by: string;
  recorded_at: Date;
  verified_by: string | null;
  verified_at: Date | null;
  revoked_on: string | null;
  revoked_by: string | null;
  revocation_reason: string | null;
  therapist_left: boolean;
  renewed: boolean;
  sent: string[];
  primary_clinic_id: string | null;
}

/** Distinct from every aggregate-id lock the outbox writer takes. */
const EXPIRY_JOB_LOCK = 'therapist-roster:certification-expiry-job';

@Injectable()
export class CertificationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(tx: Tx, certification: Omit<Certification, 'recordedAt'>): Promise<Certification> {
    await tx.insert(CertificationEntity, { ...certification });
    return toCertification(await tx.findOneByOrFail(CertificationEntity, { id: certification.id }));
  }

  async findById(id: string): Promise<Certification | undefined> {
    const row = await this.dataSource.manager.findOneBy(CertificationEntity, { id });
    return row === null ? undefined : toCertification(row);
  }

  /** Reads a certification and locks its row until the transaction ends. */
  async lockById(tx: Tx, id: string): Promise<Certification | undefined> {
    const row = await tx.findOne(CertificationEntity, {
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
    return row === null ? undefined : toCertification(row);
  }

  async markVerified(tx: Tx, id: string, verifiedBy: string): Promise<Certification> {
    await tx.update(CertificationEntity, { id }, { verifiedBy, verifiedAt: new Date() });
    return toCertification(await tx.findOneByOrFail(CertificationEntity, { id }));
  }

  async markRevoked(
    tx: Tx,
    id: string,
    revocation: { revokedOn: CalendarDate; revokedBy: string; revocationReason: string },
  ): Promise<Certification> {
    await tx.update(CertificationEntity, { id }, revocation);
    return toCertification(await tx.findOneByOrFail(CertificationEntity, { id }));
  }

  /** A therapist's certifications, newest first. */
  async listByTherapist(therapistId: string): Promise<Certification[]> {
    const rows = await this.dataSource.manager.find(CertificationEntity, {
      where: { therapistId },
      order: { issuedOn: 'DESC', type: 'ASC', id: 'ASC' },
    });
    return rows.map(toCertification);
  }

  /**
   * Takes the expiry job's lock for the rest of the transaction, or returns false at once if
   * another replica holds it (that replica is doing the run).
   */
  async tryLockExpiryJob(tx: Tx): Promise<boolean> {
    const rows = await tx.query<{ locked: boolean }[]>(
      'SELECT pg_try_advisory_xact_lock(hashtextextended($1, 0)) AS locked',
      [EXPIRY_JOB_LOCK],
    );
    return rows[0]?.locked === true;
  }

  /**
   * Certifications expiring on or before `horizon` that have not had their final
   * ("expired") notice yet, with the facts `dueNotice` decides on.
   */
  async findExpiryCandidates(
    tx: Tx,
    today: CalendarDate,
    horizon: CalendarDate,
  ): Promise<ExpiryCandidate[]> {
    const rows = await tx.query<CandidateRow[]>(
      `SELECT c.id, c.therapist_id, c.type, c.issued_on::text AS issued_on,
              c.expires_on::text AS expires_on, c.evidence_reference, c.recorded_by,
              c.recorded_at, c.verified_by, c.verified_at, c.revoked_on::text AS revoked_on,
              c.revoked_by, c.revocation_reason,
              t.status = 'left' AS therapist_left,
              EXISTS (
                SELECT 1 FROM certification r
                WHERE r.therapist_id = c.therapist_id AND r.type = c.type AND r.id <> c.id
                  AND r.issued_on <= $1::date
                  AND (r.revoked_on IS NULL OR r.revoked_on > $1::date)
                  AND (r.expires_on IS NULL OR r.expires_on > c.expires_on)
              ) AS renewed,
              ARRAY(SELECT n.notice FROM certification_notice n WHERE n.certification_id = c.id)
                AS sent,
              (SELECT tc.clinic_id FROM therapist_clinic tc WHERE tc.therapist_id = c.therapist_id
               ORDER BY tc.assigned_at, tc.clinic_id LIMIT 1) AS primary_clinic_id
       FROM certification c
       JOIN therapist t ON t.id = c.therapist_id
       WHERE c.expires_on IS NOT NULL AND c.expires_on <= $2::date
         AND NOT EXISTS (SELECT 1 FROM certification_notice n
                         WHERE n.certification_id = c.id AND n.notice = 'expired')
       ORDER BY c.expires_on, c.id`,
      [today, horizon],
    );
    return rows.map((row) => {
      const certification = toCertification({
        id: row.id,
        therapistId: row.therapist_id,
        type: row.type,
        issuedOn: row.issued_on,
        expiresOn: row.expires_on,
        evidenceReference: row.evidence_reference,
        recordedBy: row.recorded_by,
        recordedAt: row.recorded_at,
        verifiedBy: row.verified_by,
        verifiedAt: row.verified_at,
        revokedOn: row.revoked_on,
        revokedBy: row.revoked_by,
        revocationReason: row.revocation_reason,
      });
      return {
        certification,
        primaryClinicId: row.primary_clinic_id,
        expiresOn: row.expires_on,
        revoked: row.revoked_on !== null && row.revoked_on <= today,
        therapistLeft: row.therapist_left,
        renewed: row.renewed,
        sent: row.sent.filter((notice): notice is ExpiryNotice =>
          (EXPIRY_NOTICES as readonly string[]).includes(notice),
        ),
      };
    });
  }

  /** Records that a notice is being sent; false if it was already (so it must not be sent). */
  async recordNotice(
    tx: Tx,
    certificationId: string,
    notice: ExpiryNotice,
    runFor: CalendarDate,
  ): Promise<boolean> {
    const rows = await tx.query<{ certification_id: string }[]>(
      `INSERT INTO certification_notice (certification_id, notice, run_for)
       VALUES ($1, $2, $3::date)
       ON CONFLICT (certification_id, notice) DO NOTHING
       RETURNING certification_id`,
      [certificationId, notice, runFor],
    );
    return rows.length === 1;
  }
}

function toCertification(row: CertificationEntity): Certification {
  return {
    id: row.id,
    therapistId: row.therapistId,
    type: row.type,
    issuedOn: row.issuedOn,
    expiresOn: row.expiresOn,
    evidenceReference: row.evidenceReference,
    recordedBy: row.recordedBy,
    recordedAt: row.recordedAt,
    verifiedBy: row.verifiedBy,
    verifiedAt: row.verifiedAt,
    revokedOn: row.revokedOn,
    revokedBy: row.revokedBy,
    revocationReason: row.revocationReason,
  };
}
