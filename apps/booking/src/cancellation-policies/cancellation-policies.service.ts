import { Inject, Injectable } from '@nestjs/common';
import { Caller, canActForClinic, isUuid } from '@app/auth';
import { CancellationPolicyChangedV1 } from '@app/contracts';
import type { Tx } from '@app/database';
import { OutboxWriter, TransactionRunner } from '@app/messaging';
import { ForbiddenError } from '@app/platform/errors/forbidden.error';
import { TRANSACTIONS } from '@app/platform/platform.tokens';
import type { CancelledBy } from '../bookings/domain/booking-status';
import {
  CancellationPolicy,
  cancellationPolicyViolation,
  cancellationTerms,
  CancellationTerms,
  NETWORK_CANCELLATION_POLICY,
} from '../bookings/domain/cancellation-policy';
import { ClinicProjectionService } from '../clinics/clinic-projection.service';
import {
  CancellationPoliciesRepository,
  StoredCancellationPolicy,
} from './cancellation-policies.repository';
import {
  CancellationPolicyError,
  CancellationPolicyErrorCode,
} from './cancellation-policies.errors';

/** The policy a clinic's cancellations are judged by: its own, or the network's. */
export interface ClinicCancellationPolicy extends CancellationPolicy {
  readonly clinicId: string;
  /** True while the clinic has not set its own policy. */
  readonly networkDefault: boolean;
  /** When the clinic last set its policy; null for the network default. */
  readonly updatedAt: Date | null;
}

/** The terms of one cancellation and the policy that judged it (recorded on the booking). */
export interface AppliedCancellationTerms extends CancellationTerms {
  readonly policy: CancellationPolicy;
}

export interface CancellationToJudge {
  readonly clinicId: string;
  readonly startsAt: Date;
  readonly now: Date;
  readonly pricePence: number;
  readonly cancelledBy: CancelledBy;
  readonly wasConfirmed: boolean;
}

@Injectable()
export class CancellationPoliciesService {
  constructor(
    private readonly policies: CancellationPoliciesRepository,
    private readonly clinics: ClinicProjectionService,
    private readonly outbox: OutboxWriter,
    @Inject(TRANSACTIONS) private readonly transactions: TransactionRunner<Tx>,
  ) {}

  /**
   * The clinic's policy, for anyone signed in: it is the terms a client accepts when booking
   * there (the same terms `cancellation_policy.changed` publishes).
   */
  async policyOf(clinicId: string): Promise<ClinicCancellationPolicy> {
    const clinic = requireClinicId(clinicId);
    if ((await this.clinics.find(clinic)) === undefined) {
      throw clinicNotFound(clinic);
    }
    return this.effectivePolicy(undefined, clinic);
  }

  /**
   * For the cancel use cases: judges a cancellation by the clinic's policy as read inside
   * their transaction `tx`, and says which policy that was.
   */
  async judgeCancellation(
    tx: Tx,
    cancellation: CancellationToJudge,
  ): Promise<AppliedCancellationTerms> {
    const stored = await this.policies.find(tx, cancellation.clinicId);
    const policy: CancellationPolicy = {
      lateFeePercent: (stored ?? NETWORK_CANCELLATION_POLICY).lateFeePercent,
      lateWindowHours: (stored ?? NETWORK_CANCELLATION_POLICY).lateWindowHours,
    };
    return { ...cancellationTerms({ ...cancellation, policy }), policy };
  }

  /**
   * Head office (any clinic) or the clinic's manager (their own clinics) sets the clinic's
   * late-cancellation policy; `cancellation_policy.changed` goes out in the same transaction.
   * Setting the values the clinic already has changes and publishes nothing.
   */
  async setPolicy(
    caller: Caller,
    clinicId: string,
    requested: CancellationPolicy,
  ): Promise<ClinicCancellationPolicy> {
    const clinic = requireClinicId(clinicId);
    requireMayManage(caller, clinic);
    const policy: CancellationPolicy = {
      lateFeePercent: requested.lateFeePercent,
      lateWindowHours: requested.lateWindowHours,
    };
    const violation = cancellationPolicyViolation(policy);
    if (violation !== undefined) {
      throw new CancellationPolicyError(
        CancellationPolicyErrorCode.InvalidCancellationPolicy,
        violation.message,
        { field: violation.field },
      );
    }
    if ((await this.clinics.find(clinic)) === undefined) {
      throw clinicNotFound(clinic);
    }
    return this.transactions.run(async (tx) => {
      const current = await this.policies.lock(tx, clinic);
      if (
        current !== undefined &&
        current.lateFeePercent === policy.lateFeePercent &&
        current.lateWindowHours === policy.lateWindowHours
      ) {
        return viewOf(clinic, current);
      }
      const next: StoredCancellationPolicy = { clinicId: clinic, ...policy, updatedAt: new Date() };
      await this.policies.upsert(tx, next);
      await this.outbox.append(tx, CancellationPolicyChangedV1, {
        aggregateId: clinic,
        clinicId: clinic,
        data: {
          clinicId: clinic,
          lateFeePercent: next.lateFeePercent,
          lateWindowHours: next.lateWindowHours,
          changedAt: next.updatedAt.toISOString(),
        },
      });
      return viewOf(clinic, next);
    });
  }

  /** The clinic's own policy or the network's (no check that booking knows the clinic). */
  async effectivePolicy(tx: Tx | undefined, clinicId: string): Promise<ClinicCancellationPolicy> {
    const clinic = clinicId.toLowerCase();
    return viewOf(clinic, isUuid(clinic) ? await this.policies.find(tx, clinic) : undefined);
  }
}

function viewOf(
  clinicId: string,
  stored: StoredCancellationPolicy | undefined,
): ClinicCancellationPolicy {
  return stored === undefined
    ? { clinicId, ...NETWORK_CANCELLATION_POLICY, networkDefault: true, updatedAt: null }
    : {
        clinicId,
        lateFeePercent: stored.lateFeePercent,
        lateWindowHours: stored.lateWindowHours,
        networkDefault: false,
        updatedAt: stored.updatedAt,
      };
}

function requireClinicId(clinicId: string): string {
  if (!isUuid(clinicId)) {
    throw new CancellationPolicyError(
      CancellationPolicyErrorCode.InvalidClinicId,
      `${JSON.stringify(clinicId)} is not a clinic id: give the UUID of the clinic`,
      { field: 'clinicId' },
    );
  }
  return clinicId.toLowerCase();
}

function requireMayManage(caller: Caller, clinicId: string): void {
  const mayManage =
    caller.role === 'head_office_admin' ||
    (caller.role === 'clinic_manager' && canActForClinic(caller, clinicId));
  if (!mayManage) {
    throw new ForbiddenError(
      caller.role === 'clinic_manager'
        ? `clinic ${clinicId} is not one of the clinics your login manages; ask head office or that clinic's manager`
        : `setting a clinic's cancellation policy needs the role head_office_admin or clinic_manager; your token has ${caller.role}`,
    );
  }
}

function clinicNotFound(clinicId: string): CancellationPolicyError {
  return new CancellationPolicyError(
    CancellationPolicyErrorCode.ClinicNotFound,
    `clinic ${clinicId} is not known to booking yet; check the id, or wait for the clinic to be opened in the roster`,
    { clinicId },
  );
}
