import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Caller, CurrentCaller, Roles } from '@app/auth';
import type { SubjectAccessDocument } from './domain/subject-access-document';
import { ErasureRequestModel } from './erasure-request.model';
import type { ErasureRequestRow } from './gdpr.repository';
import { GdprService } from './gdpr.service';
import { SubjectAccessDocumentScalar } from './subject-access-document.scalar';

function toModel(row: ErasureRequestRow): ErasureRequestModel {
  return Object.assign(new ErasureRequestModel(), {
    clientId: row.clientId,
    requestedAt: row.requestedAt,
    lastTreatmentOn: row.lastTreatmentOn,
    retentionRule: row.retentionRule,
    retentionUntil: row.retentionUntil,
    purgedAt: row.purgedAt,
  });
}

@Resolver()
export class GdprResolver {
  constructor(private readonly gdpr: GdprService) {}

  @Query(() => SubjectAccessDocumentScalar, {
    description:
      "UK GDPR subject access: everything client-record holds on the client, with the audit trail of who read or changed it, as one JSON object. For the client themself, head office, or a manager of one of the client's clinics; audited.",
  })
  @Roles('client', 'head_office_admin', 'clinical_lead', 'clinic_manager')
  async subjectAccessExport(
    @CurrentCaller() caller: Caller,
    @Args('clientId', { type: () => ID }) clientId: string,
  ): Promise<SubjectAccessDocument> {
    return this.gdpr.subjectAccessExport(caller, clientId);
  }

  @Mutation(() => ErasureRequestModel, {
    description:
      "UK GDPR erasure: removes the client's personal details now and keeps the clinical records until their retention date (adults 8 years after the last treatment; under-18s until the 25th birthday, or the 26th if 17 at the end of treatment), then purges them. For the client themself, head office administration, or a manager of one of the client's clinics. Publishes client.erased.",
  })
  @Roles('client', 'head_office_admin', 'clinic_manager')
  async requestErasure(
    @CurrentCaller() caller: Caller,
    @Args('clientId', { type: () => ID }) clientId: string,
    @Args('reason', {
      type: () => String,
      nullable: true,
      description: 'Optional, at most 500 characters; cleared when the records are purged.',
    })
    reason: string | null,
  ): Promise<ErasureRequestModel> {
    return toModel(await this.gdpr.requestErasure(caller, clientId, reason));
  }
}
