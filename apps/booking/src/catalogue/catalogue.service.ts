import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Caller, canActForClinic, isUuid } from '@app/auth';
import { ClinicOfferingChangedV1, TreatmentChangedV1 } from '@app/contracts';
import type { Tx } from '@app/database';
import { OutboxWriter, TransactionRunner } from '@app/messaging';
import { ForbiddenError } from '@app/platform/errors/forbidden.error';
import { TRANSACTIONS } from '@app/platform/platform.tokens';
import { CatalogueRepository, TreatmentCodeTakenError } from './catalogue.repository';
import { CatalogueError, CatalogueErrorCode } from './catalogue.errors';
import { ClinicOffering, ClinicTreatment, clinicTreatmentOf } from './domain/clinic-offering';
import type { Treatment } from './domain/treatment';
import type { TreatmentKind } from './domain/treatment-kind';
import {
  changedTreatmentFields,
  checkTreatment,
  priceViolation,
  TreatmentFields,
  TreatmentRuleCode,
  TreatmentRuleViolation,
} from './domain/treatment-rules';

export interface CreateTreatmentCommand {
  readonly code: string;
  readonly name: string;
  readonly kind?: TreatmentKind | null;
  readonly durationMinutes: number;
  readonly bufferAfterMinutes: number;
  readonly pricePence: number;
  readonly requiredCertifications: readonly string[];
  readonly requiresScreeningClearance: boolean;
  readonly selfBookable: boolean;
}

/** Absent or null fields are left as they are. The code and kind never change. */
export interface UpdateTreatmentCommand {
  readonly name?: string | null;
  readonly durationMinutes?: number | null;
  readonly bufferAfterMinutes?: number | null;
  readonly pricePence?: number | null;
  readonly requiredCertifications?: readonly string[] | null;
  readonly requiresScreeningClearance?: boolean | null;
  readonly selfBookable?: boolean | null;
  /** false retires the treatment (no clinic offers it any more); true brings it back. */
  readonly active?: boolean | null;
}

/** `pricePence`: absent keeps the clinic's current price, null goes back to the network price. */
export interface SetClinicOfferingCommand {
  readonly offered: boolean;
  readonly pricePence?: number | null;
}

export interface ClinicOfferingView {
  readonly clinicId: string;
  readonly treatment: Treatment;
  readonly offered: boolean;
  /** The clinic's own price, or null for the network price. */
  readonly priceOverridePence: number | null;
  /** What the clinic charges when it offers the treatment. */
  readonly pricePence: number;
  readonly currency: 'GBP';
}

export type OfferedTreatment =
  | { readonly treatment: Treatment; readonly pricePence: number; readonly currency: 'GBP' }
  | {
      readonly error: 'TREATMENT_NOT_FOUND' | 'TREATMENT_NOT_OFFERED';
      /** Says what to do next, ready for the caller's error message. */
      readonly message: string;
    };

@Injectable()
export class CatalogueService {
  constructor(
    private readonly catalogue: CatalogueRepository,
    private readonly outbox: OutboxWriter,
    @Inject(TRANSACTIONS) private readonly transactions: TransactionRunner<Tx>,
  ) {}

  /** The network catalogue: active treatments, or every one with `includeRetired`. */
  async treatments(includeRetired = false): Promise<Treatment[]> {
    return this.catalogue.treatments(includeRetired);
  }

  /** A treatment by id, retired ones included (old bookings still name them). */
  async treatment(id: string): Promise<Treatment | undefined> {
    return isUuid(id) ? this.catalogue.findTreatment(undefined, id.toLowerCase()) : undefined;
  }

  /**
   * For booking use cases: the treatment as the clinic sells it, or why it cannot be
   * booked there. Pass the use case's transaction to read inside it.
   */
  async offeredTreatment(
    tx: Tx | undefined,
    clinicId: string,
    treatmentId: string,
  ): Promise<OfferedTreatment> {
    const treatment = isUuid(treatmentId)
      ? await this.catalogue.findTreatment(tx, treatmentId.toLowerCase())
      : undefined;
    if (treatment === undefined) {
      return {
        error: 'TREATMENT_NOT_FOUND',
        message: `treatment ${treatmentId} is not in the catalogue; pick one from the clinic's treatments`,
      };
    }
    const offering = isUuid(clinicId)
      ? await this.catalogue.findOffering(tx, clinicId.toLowerCase(), treatment.id)
      : undefined;
    const sold = clinicTreatmentOf(treatment, offering);
    if (sold === undefined) {
      return {
        error: 'TREATMENT_NOT_OFFERED',
        message: treatment.active
          ? `clinic ${clinicId} does not offer ${treatment.name}; pick one of the clinic's treatments`
          : `${treatment.name} has been retired from the catalogue; pick one of the clinic's treatments`,
      };
    }
    return { treatment, pricePence: sold.pricePence, currency: sold.currency };
  }

  /** The active treatments a clinic offers, at its price, in catalogue order. */
  async clinicTreatments(clinicId: string): Promise<ClinicTreatment[]> {
    const [treatments, offerings] = await Promise.all([
      this.catalogue.treatments(false),
      isUuid(clinicId) ? this.catalogue.offeringsOf(clinicId.toLowerCase()) : [],
    ]);
    const byTreatment = new Map(offerings.map((offering) => [offering.treatmentId, offering]));
    return treatments
      .map((treatment) => clinicTreatmentOf(treatment, byTreatment.get(treatment.id)))
      .filter((sold): sold is ClinicTreatment => sold !== undefined);
  }

  /** Head office adds a treatment to the network catalogue; every clinic offers it at once. */
  async createTreatment(caller: Caller, command: CreateTreatmentCommand): Promise<Treatment> {
    requireHeadOfficeAdmin(caller);
    const fields = valid({
      code: command.code,
      name: command.name,
      kind: command.kind ?? 'treatment',
      durationMinutes: command.durationMinutes,
      bufferAfterMinutes: command.bufferAfterMinutes,
      pricePence: command.pricePence,
      currency: 'GBP',
      requiredCertifications: command.requiredCertifications,
      requiresScreeningClearance: command.requiresScreeningClearance,
      selfBookable: command.selfBookable,
      active: true,
    });
    const treatment: Treatment = { id: randomUUID(), ...fields };
    return this.transactions.run(async (tx) => {
      if (await this.catalogue.codeTaken(tx, treatment.code, null)) {
        throw duplicateCode(treatment.code);
      }
      await this.insert(tx, treatment);
      await this.outbox.append(tx, TreatmentChangedV1, {
        aggregateId: treatment.id,
        clinicId: null,
        data: {
          ...treatmentStateOf(treatment),
          change: 'created',
          changedFields: Object.keys(fields).sort(),
        },
      });
      return treatment;
    });
  }

  /** Head office changes a treatment; `active: false` retires it (nothing is ever deleted). */
  async updateTreatment(
    caller: Caller,
    id: string,
    command: UpdateTreatmentCommand,
  ): Promise<Treatment> {
    requireHeadOfficeAdmin(caller);
    const treatmentId = requireId(id, CatalogueErrorCode.InvalidTreatmentId, 'treatment');
    return this.transactions.run(async (tx) => {
      const current = await this.catalogue.lockTreatment(tx, treatmentId);
      if (current === undefined) {
        throw notFound(treatmentId);
      }
      const { id: _id, ...before } = current;
      const after = valid({
        ...before,
        name: command.name ?? before.name,
        durationMinutes: command.durationMinutes ?? before.durationMinutes,
        bufferAfterMinutes: command.bufferAfterMinutes ?? before.bufferAfterMinutes,
        pricePence: command.pricePence ?? before.pricePence,
        requiredCertifications: command.requiredCertifications ?? before.requiredCertifications,
        requiresScreeningClearance:
          command.requiresScreeningClearance ?? before.requiresScreeningClearance,
        selfBookable: command.selfBookable ?? before.selfBookable,
        active: command.active ?? before.active,
      });
      const changedFields = changedTreatmentFields(before, after);
      if (changedFields.length === 0) {
        throw new CatalogueError(
          CatalogueErrorCode.NoChanges,
          `nothing to change: ${current.code} already has these values; give at least one different field`,
        );
      }
      const updated: Treatment = { id: treatmentId, ...after };
      await this.catalogue.updateTreatment(tx, updated);
      await this.outbox.append(tx, TreatmentChangedV1, {
        aggregateId: treatmentId,
        clinicId: null,
        data: { ...treatmentStateOf(updated), change: 'updated', changedFields },
      });
      return updated;
    });
  }

  /**
   * Head office, or the clinic's manager, says whether the clinic offers a treatment and at
   * what price. A retired treatment cannot be offered.
   */
  async setClinicTreatmentOffering(
    caller: Caller,
    clinicId: string,
    treatmentId: string,
    command: SetClinicOfferingCommand,
  ): Promise<ClinicOfferingView> {
    const clinic = requireId(clinicId, CatalogueErrorCode.InvalidClinicId, 'clinic');
    const treatmentKey = requireId(treatmentId, CatalogueErrorCode.InvalidTreatmentId, 'treatment');
    const mayManage =
      caller.role === 'head_office_admin' ||
      (caller.role === 'clinic_manager' && canActForClinic(caller, clinic));
    if (!mayManage) {
      throw new ForbiddenError(
        caller.role === 'clinic_manager'
          ? `clinic ${clinic} is not one of the clinics your login manages; ask head office or that clinic's manager`
          : `choosing a clinic's treatments needs the role head_office_admin or clinic_manager; your token has ${caller.role}`,
      );
    }
    if (command.pricePence !== undefined && command.pricePence !== null) {
      throwIfViolated(priceViolation(command.pricePence, 'pricePence'));
    }
    return this.transactions.run(async (tx) => {
      if (!(await this.catalogue.clinicKnown(tx, clinic))) {
        throw new CatalogueError(
          CatalogueErrorCode.ClinicNotFound,
          `clinic ${clinic} is not known to booking yet; check the id, or wait for the clinic to be opened in the roster`,
          { clinicId: clinic },
        );
      }
      const treatment = await this.catalogue.lockTreatment(tx, treatmentKey);
      if (treatment === undefined) {
        throw notFound(treatmentKey);
      }
      if (command.offered && !treatment.active) {
        throw new CatalogueError(
          CatalogueErrorCode.TreatmentRetired,
          `${treatment.name} (${treatment.code}) has been retired from the catalogue and cannot be offered; ask head office to reactivate it`,
          { treatmentId: treatment.id },
        );
      }
      const current = await this.catalogue.lockOffering(tx, clinic, treatment.id);
      const next: ClinicOffering = {
        clinicId: clinic,
        treatmentId: treatment.id,
        offered: command.offered,
        pricePence:
          command.pricePence === undefined ? (current?.pricePence ?? null) : command.pricePence,
      };
      const view = offeringViewOf(treatment, next);
      const unchanged =
        current !== undefined
          ? current.offered === next.offered && current.pricePence === next.pricePence
          : next.offered && next.pricePence === null;
      if (!unchanged) {
        await this.catalogue.upsertOffering(tx, next, new Date());
        await this.outbox.append(tx, ClinicOfferingChangedV1, {
          aggregateId: clinic,
          clinicId: clinic,
          data: {
            clinicId: clinic,
            treatmentId: treatment.id,
            treatmentCode: treatment.code,
            offered: view.offered,
            pricePence: view.pricePence,
            priceOverridePence: view.priceOverridePence,
            currency: view.currency,
          },
        });
      }
      return view;
    });
  }

  private async insert(tx: Tx, treatment: Treatment): Promise<void> {
    try {
      await this.catalogue.insertTreatment(tx, treatment);
    } catch (error) {
      throw error instanceof TreatmentCodeTakenError ? duplicateCode(treatment.code) : error;
    }
  }
}

function requireHeadOfficeAdmin(caller: Caller): void {
  if (caller.role !== 'head_office_admin') {
    throw new ForbiddenError(
      `only head office (head_office_admin) edits the network treatment catalogue; your token has ${caller.role}. A clinic chooses its treatments and prices with setClinicTreatmentOffering`,
    );
  }
}

function requireId(id: string, code: CatalogueErrorCode, what: string): string {
  if (!isUuid(id)) {
    throw new CatalogueError(
      code,
      `${JSON.stringify(id)} is not a ${what} id: give the UUID of the ${what}`,
    );
  }
  return id.toLowerCase();
}

const RULE_ERRORS: Readonly<Record<TreatmentRuleCode, CatalogueErrorCode>> = {
  INVALID_TREATMENT_CODE: CatalogueErrorCode.InvalidTreatmentCode,
  INVALID_TREATMENT_NAME: CatalogueErrorCode.InvalidTreatmentName,
  INVALID_DURATION: CatalogueErrorCode.InvalidDuration,
  INVALID_BUFFER: CatalogueErrorCode.InvalidBuffer,
  INVALID_PRICE: CatalogueErrorCode.InvalidPrice,
  UNKNOWN_CERTIFICATION_TYPE: CatalogueErrorCode.UnknownCertificationType,
  ASSESSMENT_REQUIRES_CLEARANCE: CatalogueErrorCode.AssessmentRequiresClearance,
};

function valid(fields: TreatmentFields): TreatmentFields {
  const check = checkTreatment(fields);
  if (!check.ok) {
    throw ruleError(check.violation);
  }
  return check.value;
}

function throwIfViolated(violation: TreatmentRuleViolation | undefined): void {
  if (violation !== undefined) {
    throw ruleError(violation);
  }
}

function ruleError(violation: TreatmentRuleViolation): CatalogueError {
  return new CatalogueError(RULE_ERRORS[violation.code], violation.message, {
    field: violation.field,
  });
}

function notFound(treatmentId: string): CatalogueError {
  return new CatalogueError(
    CatalogueErrorCode.TreatmentNotFound,
    `treatment ${treatmentId} is not in the catalogue; list the catalogue with the treatments query`,
    { treatmentId },
  );
}

function duplicateCode(code: string): CatalogueError {
  return new CatalogueError(
    CatalogueErrorCode.DuplicateTreatmentCode,
    `another treatment already has the code ${code}; choose a different code, or update that treatment`,
    { treatmentCode: code },
  );
}

function offeringViewOf(treatment: Treatment, offering: ClinicOffering): ClinicOfferingView {
  return {
    clinicId: offering.clinicId,
    treatment,
    offered: offering.offered && treatment.active,
    priceOverridePence: offering.pricePence,
    pricePence: offering.pricePence ?? treatment.pricePence,
    currency: treatment.currency,
  };
}

function treatmentStateOf(treatment: Treatment) {
  return {
    treatmentId: treatment.id,
    code: treatment.code,
    name: treatment.name,
    kind: treatment.kind,
    durationMinutes: treatment.durationMinutes,
    bufferAfterMinutes: treatment.bufferAfterMinutes,
    pricePence: treatment.pricePence,
    currency: treatment.currency,
    requiredCertifications: [...treatment.requiredCertifications],
    requiresScreeningClearance: treatment.requiresScreeningClearance,
    selfBookable: treatment.selfBookable,
    active: treatment.active,
  };
}
