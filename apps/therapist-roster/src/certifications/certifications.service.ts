import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Caller, isUuid } from '@app/auth';
import {
  CertificationRecordedV1,
  CertificationRevokedV1,
  CertificationVerifiedV1,
} from '@app/contracts';
import type { Tx } from '@app/database';
import { OutboxWriter, TransactionRunner } from '@app/messaging';
import { ForbiddenError } from '@app/platform/errors/forbidden.error';
import { TRANSACTIONS } from '@app/platform/platform.tokens';
import {
  CalendarDate,
  daysBetween,
  isCalendarDate,
  utcDateOf,
} from '../therapists/domain/calendar-date';
import type { Therapist } from '../therapists/domain/therapist';
import { primaryClinicOf } from '../therapists/therapist-event-data';
import { TherapistsService } from '../therapists/therapists.service';
import { TherapistError, TherapistErrorCode } from '../therapists/therapists.errors';
import { certificationStateOf } from './certification-event-data';
import { CertificationsRepository } from './certifications.repository';
import { CertificationError, CertificationErrorCode } from './certifications.errors';
import type { Certification } from './domain/certification';
import {
  canRecordCertification,
  canRevokeCertification,
  canVerifyCertification,
  maySeeCertificationEvidence,
} from './domain/certification-permissions';
import type { CertificationView } from './domain/certification-view';
import { normaliseCertificationType } from './domain/certification-type';

export interface RecordCertificationCommand {
  readonly therapistId: string;
  readonly type: string;
  readonly issuedOn: string;
  readonly expiresOn?: string | null;
  readonly evidenceReference: string;
}

@Injectable()
export class CertificationsService {
  constructor(
    private readonly certifications: CertificationsRepository,
    private readonly therapists: TherapistsService,
    private readonly outbox: OutboxWriter,
    @Inject(TRANSACTIONS) private readonly transactions: TransactionRunner<Tx>,
  ) {}

  /** Head office, or a manager of one of the therapist's clinics, records a certification. */
  async recordCertification(
    caller: Caller,
    command: RecordCertificationCommand,
  ): Promise<Certification> {
    if (caller.role !== 'head_office_admin' && caller.role !== 'clinic_manager') {
      throw new ForbiddenError(
        `recording certifications needs the role head_office_admin or clinic_manager; your token has ${caller.role}`,
      );
    }
    const therapist = await this.therapists.requireTherapist(command.therapistId);
    if (!canRecordCertification(caller, therapist)) {
      throw new ForbiddenError(
        `therapist ${therapist.id} does not work at a clinic your login manages; ask head office or their clinic manager`,
      );
    }
    if (therapist.status === 'left') {
      throw new TherapistError(
        TherapistErrorCode.TherapistHasLeft,
        `therapist ${therapist.id} left on ${therapist.leftOn ?? 'an earlier date'}; certifications are not recorded for therapists who left`,
      );
    }
    const type = normaliseCertificationType(command.type);
    if (type === undefined) {
      throw new CertificationError(
        CertificationErrorCode.InvalidCertificationType,
        `type ${JSON.stringify(command.type)} is not a certification type: use snake_case of up to 50 characters, e.g. pnf_level_2 or first_aid`,
        { field: 'type' },
      );
    }
    const issuedOn = requireDate(command.issuedOn, 'issuedOn');
    const expiresOn =
      command.expiresOn === null || command.expiresOn === undefined
        ? null
        : requireDate(command.expiresOn, 'expiresOn');
    if (expiresOn !== null && daysBetween(issuedOn, expiresOn) <= 0) {
      throw new CertificationError(
        CertificationErrorCode.ExpiryBeforeIssue,
        `expiresOn ${expiresOn} must be after issuedOn ${issuedOn}; check the dates on the certificate`,
        { field: 'expiresOn' },
      );
    }
    const evidenceReference = command.evidenceReference.trim();
    if (evidenceReference.length < 1 || evidenceReference.length > 200) {
      throw new CertificationError(
        CertificationErrorCode.InvalidEvidenceReference,
        'evidenceReference must be 1–200 characters: the document store reference of the certificate scan',
        { field: 'evidenceReference' },
      );
    }
    return this.transactions.run(async (tx) => {
      const certification = await this.certifications.insert(tx, {
        id: randomUUID(),
        therapistId: therapist.id,
        type,
        issuedOn,
        expiresOn,
        evidenceReference,
        recordedBy: caller.subject,
        verifiedBy: null,
        verifiedAt: null,
        revokedOn: null,
        revokedBy: null,
        revocationReason: null,
      });
      await this.outbox.append(tx, CertificationRecordedV1, {
        aggregateId: certification.id,
        clinicId: primaryClinicOf(therapist),
        data: certificationStateOf(certification, today()),
      });
      return certification;
    });
  }

  /** Head office or a clinical lead confirms the evidence; records who verified it. */
  async verifyCertification(caller: Caller, id: string): Promise<Certification> {
    if (!canVerifyCertification(caller)) {
      throw new ForbiddenError(
        `verifying certifications needs the role head_office_admin or clinical_lead; your token has ${caller.role}`,
      );
    }
    requireCertificationId(id);
    return this.transactions.run(async (tx) => {
      const current = await this.lockCertification(tx, id);
      if (current.revokedOn !== null) {
        throw new CertificationError(
          CertificationErrorCode.CertificationRevoked,
          `certification ${id} was revoked on ${current.revokedOn}; a revoked certification cannot be verified, record a new one`,
        );
      }
      if (current.verifiedBy !== null) {
        throw new CertificationError(
          CertificationErrorCode.AlreadyVerified,
          `certification ${id} was already verified by ${current.verifiedBy}`,
        );
      }
      const therapist = await this.therapists.requireTherapist(current.therapistId);
      const verified = await this.certifications.markVerified(tx, id, caller.subject);
      await this.outbox.append(tx, CertificationVerifiedV1, {
        aggregateId: id,
        clinicId: primaryClinicOf(therapist),
        data: certificationStateOf(verified, today()),
      });
      return verified;
    });
  }

  /** Head office, a clinical lead or the therapist's clinic manager revokes, from today. */
  async revokeCertification(caller: Caller, id: string, reason: string): Promise<Certification> {
    requireCertificationId(id);
    const revocationReason = reason.trim();
    return this.transactions.run(async (tx) => {
      const current = await this.lockCertification(tx, id);
      const therapist = await this.therapists.requireTherapist(current.therapistId);
      if (!canRevokeCertification(caller, therapist)) {
        throw new ForbiddenError(
          `revoking certification ${id} needs head office, a clinical lead or a manager of one of the therapist's clinics`,
        );
      }
      if (current.revokedOn !== null) {
        throw new CertificationError(
          CertificationErrorCode.AlreadyRevoked,
          `certification ${id} was already revoked on ${current.revokedOn}`,
        );
      }
      if (revocationReason.length < 1 || revocationReason.length > 500) {
        throw new CertificationError(
          CertificationErrorCode.InvalidRevocationReason,
          'reason must be 1–500 characters: say why the certification no longer counts',
          { field: 'reason' },
        );
      }
      const revokedOn = today();
      const revoked = await this.certifications.markRevoked(tx, id, {
        revokedOn,
        revokedBy: caller.subject,
        revocationReason,
      });
      await this.outbox.append(tx, CertificationRevokedV1, {
        aggregateId: id,
        clinicId: primaryClinicOf(therapist),
        data: { ...certificationStateOf(revoked, revokedOn), revokedOn },
      });
      return revoked;
    });
  }

  /** One certification, if the caller may read its therapist. */
  async getCertification(caller: Caller, id: string): Promise<CertificationView> {
    requireCertificationId(id);
    const certification = await this.certifications.findById(id);
    if (certification === undefined) {
      throw notFound(id);
    }
    const therapist = await this.therapists.requireTherapist(certification.therapistId);
    if (!this.therapists.canRead(caller, therapist)) {
      throw new ForbiddenError(
        `certification ${id} belongs to a therapist who does not work at a clinic your login may act for`,
      );
    }
    return redactFor(caller, certification);
  }

  /**
   * The certifications of a therapist the caller has already been allowed to read (the
   * parent field of a Therapist); checked again here so the method is safe on its own.
   */
  async certificationsOf(
    caller: Caller,
    therapist: Pick<Therapist, 'id' | 'clinicIds'>,
  ): Promise<CertificationView[]> {
    if (!this.therapists.canRead(caller, therapist)) {
      throw new ForbiddenError(
        `therapist ${therapist.id} does not work at a clinic your login may act for`,
      );
    }
    const certifications = await this.certifications.listByTherapist(therapist.id);
    return certifications.map((certification) => redactFor(caller, certification));
  }

  private async lockCertification(tx: Tx, id: string): Promise<Certification> {
    const certification = await this.certifications.lockById(tx, id);
    if (certification === undefined) {
      throw notFound(id);
    }
    return certification;
  }
}

function today(): CalendarDate {
  return utcDateOf(new Date());
}

function notFound(id: string): CertificationError {
  return new CertificationError(
    CertificationErrorCode.CertificationNotFound,
    `certification ${id} does not exist`,
  );
}

function requireCertificationId(id: string): void {
  const wellFormed: boolean = isUuid(id);
  if (!wellFormed) {
    throw new CertificationError(
      CertificationErrorCode.InvalidCertificationId,
      `"${id}" is not a certification id: certification ids are UUIDs`,
      { field: 'id' },
    );
  }
}

function requireDate(value: string, field: 'issuedOn' | 'expiresOn'): CalendarDate {
  if (!isCalendarDate(value)) {
    throw new CertificationError(
      CertificationErrorCode.InvalidDate,
      `${field} "${value}" is not a date; use YYYY-MM-DD, e.g. 2026-03-31`,
      { field },
    );
  }
  return value;
}

function redactFor(caller: Caller, certification: Certification): CertificationView {
  return maySeeCertificationEvidence(caller)
    ? certification
    : { ...certification, evidenceReference: null, recordedBy: null, verifiedBy: null };
}
