import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { Caller, CurrentCaller, Roles } from '@app/auth';
import { AuditEntryConnectionModel, AuditEntryModel } from './audit-entry.model';
import { AuditTrailService } from './audit-trail.service';
import type { AuditTrailFilter } from './domain/audit-trail-filter';
import { AuditTrailFilterInput } from './dto/audit-trail-filter.input';

@Resolver(() => AuditEntryModel)
export class AuditTrailResolver {
  constructor(private readonly service: AuditTrailService) {}

  @Query(() => AuditEntryConnectionModel, {
    description:
      'Head office (head_office_admin, clinical_lead) reads the audit trail, newest first. Reading it about a client is itself audited (record type audit_trail).',
  })
  @Roles('head_office_admin', 'clinical_lead')
  async auditTrail(
    @CurrentCaller() caller: Caller,
    @Args('filter', { type: () => AuditTrailFilterInput, nullable: true })
    filter: AuditTrailFilterInput | null,
    @Args('first', { type: () => Int, nullable: true, description: '1–200, default 50.' })
    first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<AuditEntryConnectionModel> {
    const page = await this.service.trail(caller, filterOf(filter), first ?? null, after ?? null);
    return {
      edges: page.edges.map((edge) => ({
        cursor: edge.cursor,
        node: Object.assign(new AuditEntryModel(), edge.node),
      })),
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
    };
  }
}

function filterOf(input: AuditTrailFilterInput | null | undefined): AuditTrailFilter {
  const given = input ?? {};
  return {
    ...(given.clientId === null || given.clientId === undefined
      ? {}
      : { clientId: given.clientId }),
    ...(given.clinicId === null || given.clinicId === undefined
      ? {}
      : { clinicId: given.clinicId }),
    ...(given.actorSubject === null || given.actorSubject === undefined
      ? {}
      : { actorSubject: given.actorSubject }),
    ...(given.recordType === null || given.recordType === undefined
      ? {}
      : { recordType: given.recordType }),
    ...(given.action === null || given.action === undefined ? {} : { action: given.action }),
    ...(given.from === null || given.from === undefined ? {} : { from: given.from }),
    ...(given.to === null || given.to === undefined ? {} : { to: given.to }),
  };
}
