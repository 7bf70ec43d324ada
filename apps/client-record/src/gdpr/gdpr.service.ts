import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Caller, canActForClinic, isUuid } from '@app/auth';
import { ClientErasedV1 } from '@app/contracts';
import type { Tx } from '@app/database';
import { OutboxWriter, TransactionRunner } from '@app/messaging';
import { ForbiddenError } from '@app/platform/errors/forbidden.error';
import { TRANSACTIONS } from '@app/platform/platform.tokens';
import { ClientAccessError, ClientAccessErrorCode } from '../access/client-access.errors';
import { ClientAccessService } from '../access/client-access.service';
import type { ClientScope } from '../access/domain/client-scope';
import { AuditWriter } from '../audit/audit.writer';
import { utcDateOf } from './domain/calendar-date';
import { erasureDenialFor } from './domain/erasure-permissions';
import { latestDate, retentionOf } from './domain/retention';
import { SUBJECT_ACCESS_FORMAT, SubjectAccessDocument } from './domain/subject-access-document';
import { GDPR_CLOCK, GdprClock } from './gdpr-clock';
import { GdprError, GdprErrorCode } from './gdpr.errors';
import { ErasureRequestRow, GdprRepository } from './gdpr.repository';
import { SubjectDataRegistry } from './subject-data.registry';

/** The longest erasure reason kept (until the purge). */
export const MAX_ERASURE_REASON_LENGTH = 500;

/** The clinic an audit row or event names: one of the caller's, else the client's first. */
function clinicFor(caller: Caller | undefined, scope: ClientScope): string | null {
  const callers =
    caller === undefined
      ? undefined
      : scope.clinicIds.find((clinicId) => canActForClinic(caller, clinicId));
  return callers ?? scope.clinicIds[0] ?? null;
}

function normaliseReason(reason: string | null | undefined): string | null {
  const trimmed = reason?.trim() ?? '';
  if (trimmed.length > MAX_ERASURE_REASON_LENGTH) {
    throw new GdprError(
      GdprErrorCode.InvalidErasureReason,
      `the erasure reason has ${trimmed.length} characters; shorten it to ${MAX_ERASURE_REASON_LENGTH} or fewer (a reason is optional)`,
      { length: trimmed.length },
    );
  }
  return trimmed === '' ? null : trimmed;
}

/**
 * UK GDPR use cases: the subject access export (everything this service holds on a client)
 * and the erasure request (personal details removed at once; clinical records kept until
 * their retention date, then purged by RetentionPurgeJob). Both go through the client
 * access gate first and are audited in the same transaction.
 */
@Injectable()
export class GdprService {
  constructor(
    private readonly access: ClientAccessService,
    private readonly audit: AuditWriter,
    private readonly registry: SubjectDataRegistry,
    private readonly gdpr: GdprRepository,
    private readonly outbox: OutboxWriter,
    @Inject(TRANSACTIONS) private readonly transactions: TransactionRunner<Tx>,
    @Inject(GDPR_CLOCK) private readonly clock: GdprClock,
  ) {}

  /** The client themself, head office, or the manager of one of their clinics. */
  async subjectAccessExport(caller: Caller, clientId: string): Promise<SubjectAccessDocument> {
    return this.transactions.run(async (tx) => {
      const scope = await this.access.require(tx, caller, clientId, 'export');
      const id = scope.clientId;
      const sections = this.registry.sections();
      const data: Record<string, unknown> = {};
      for (const section of sections) {
        data[section.name] = await section.exportFor(tx, id);
      }
      const erasure = await this.gdpr.findErasureRequest(tx, id);
      const document: SubjectAccessDocument = {
        format: SUBJECT_ACCESS_FORMAT,
        exportId: randomUUID(),
        clientId: id,
        generatedAt: this.clock().toISOString(),
        generatedFor: { subject: caller.subject, role: caller.role },
        sections: sections.map((section) => section.name),
        data,
        careRelationships: await this.gdpr.careRelationshipsOf(tx, id),
        erasure:
          erasure === undefined
            ? null
            : {
                requestedAt: erasure.requestedAt.toISOString(),
                retentionUntil: erasure.retentionUntil,
                purgedAt: erasure.purgedAt?.toISOString() ?? null,
              },
        auditTrail: await this.gdpr.auditTrailOf(tx, id),
      };
      await this.audit.record(tx, caller, {
        clientId: id,
        clinicId: clinicFor(caller, scope),
        recordType: 'subject_access_export',
        recordId: document.exportId,
        action: 'export',
      });
      return document;
    });
  }

  /**
   * The client themself, head office administration, or the manager of one of their
   * clinics asks for erasure. In one transaction: every section removes its personal
   * details, the client row loses name, contact, address, GP and emergency contact (the
   * date of birth stays until the purge: the children's retention rule needs it), the
   * retention date is fixed, the request is recorded and audited, and client.erased is
   * published. A second request is refused with ERASURE_ALREADY_REQUESTED.
   */
  async requestErasure(
    caller: Caller,
    clientId: string,
    reason?: string | null,
  ): Promise<ErasureRequestRow> {
    const denial = erasureDenialFor(caller);
    if (denial !== undefined) {
      throw new ForbiddenError(denial, { clientId });
    }
    const normalisedReason = normaliseReason(reason);
    return this.transactions.run(async (tx) => {
      if (isUuid(clientId)) {
        await this.gdpr.lockClientForErasure(tx, clientId.toLowerCase());
      }
      const scope = await this.requireErasable(tx, caller, clientId);
      const id = scope.clientId;
      const sections = this.registry.sections();
      const treatmentDays = [await this.gdpr.lastTreatedBookingDay(tx, id)];
      for (const section of sections) {
        treatmentDays.push((await section.lastTreatmentOn?.(tx, id)) ?? null);
      }
      const lastTreatmentOn = latestDate(treatmentDays);
      const erasedAt = this.clock();
      const retention = retentionOf({
        dateOfBirth: await this.gdpr.dateOfBirthOf(tx, id),
        lastTreatmentOn,
        erasedOn: utcDateOf(erasedAt),
      });

      for (const section of sections) {
        await section.erasePersonalDetails(tx, id);
      }
      await this.gdpr.eraseClientDetails(tx, id, erasedAt);
      const request: ErasureRequestRow = {
        id: randomUUID(),
        clientId: id,
        requestedAt: erasedAt,
        requestedBySubject: caller.subject,
        requestedByRole: caller.role,
        reason: normalisedReason,
        lastTreatmentOn,
        retentionRule: retention.rule,
        retentionUntil: retention.retainUntil,
        purgedAt: null,
      };
      await this.gdpr.insertErasureRequest(tx, request);
      const clinicId = clinicFor(caller, scope);
      await this.audit.record(tx, caller, {
        clientId: id,
        clinicId,
        recordType: 'erasure',
        recordId: request.id,
        action: 'erase',
      });
      await this.outbox.append(tx, ClientErasedV1, {
        aggregateId: id,
        clinicId,
        data: {
          clientId: id,
          clinicIds: [...scope.clinicIds],
          erasedAt: erasedAt.toISOString(),
          retentionUntil: retention.retainUntil,
        },
      });
      return request;
    });
  }

  /** The access gate for `erase`, turning "already erased" into ERASURE_ALREADY_REQUESTED. */
  private async requireErasable(tx: Tx, caller: Caller, clientId: string): Promise<ClientScope> {
    try {
      return await this.access.require(tx, caller, clientId, 'erase');
    } catch (error: unknown) {
      if (
        !(error instanceof ClientAccessError) ||
        error.code !== ClientAccessErrorCode.ClientErased
      ) {
        throw error;
      }
      const earlier = await this.gdpr.findErasureRequest(tx, clientId.toLowerCase());
      const when =
        earlier === undefined
          ? ''
          : ` on ${earlier.requestedAt.toISOString()}; the clinical records are kept until ${earlier.retentionUntil} and purged then`;
      throw new GdprError(
        GdprErrorCode.ErasureAlreadyRequested,
        `client ${clientId} already asked for erasure${when}. Nothing more to do: their personal details are gone`,
        { clientId, retentionUntil: earlier?.retentionUntil ?? null },
      );
    }
  }
}
