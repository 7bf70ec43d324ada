import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Caller, CurrentCaller, Roles } from '@app/auth';
import {
  AdverseEventConnectionModel,
  AdverseEventModel,
  GovernanceStatusEnum,
} from './adverse-event.model';
import { AdverseEventsService } from './adverse-events.service';
import type { GovernanceStatus } from './domain/adverse-event';
import { RecordAdverseEventFollowUpInput } from './dto/record-adverse-event-follow-up.input';
import { ReportAdverseEventInput } from './dto/report-adverse-event.input';
import { toAdverseEventModel } from './to-adverse-event-model';

@Resolver(() => AdverseEventModel)
export class AdverseEventsResolver {
  constructor(private readonly service: AdverseEventsService) {}

  @Query(() => [AdverseEventModel], {
    description:
      "A client's adverse events, most recent first: the treating therapist, the client's clinic manager, head office, or the client. Audited.",
  })
  async adverseEvents(
    @CurrentCaller() caller: Caller,
    @Args('clientId', { type: () => ID }) clientId: string,
  ): Promise<AdverseEventModel[]> {
    return (await this.service.listForClient(caller, clientId)).map(toAdverseEventModel);
  }

  @Query(() => AdverseEventConnectionModel, {
    description:
      'Head office clinical governance: severe adverse events, open (not yet reviewed) or reviewed, newest report first. Audited.',
  })
  @Roles('head_office_admin', 'clinical_lead')
  async adverseEventsForGovernance(
    @CurrentCaller() caller: Caller,
    @Args('status', { type: () => GovernanceStatusEnum }) status: GovernanceStatus,
    @Args('first', { type: () => Int, nullable: true, description: '1–100, default 20.' })
    first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<AdverseEventConnectionModel> {
    const page = await this.service.listForGovernance(caller, status, first ?? null, after ?? null);
    return {
      edges: page.edges.map((edge) => ({
        cursor: edge.cursor,
        node: toAdverseEventModel(edge.node),
      })),
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
    };
  }

  @Mutation(() => AdverseEventModel, {
    description:
      "The treating therapist, the client's clinic manager or head office reports an adverse event. Severe ones are flagged to head office clinical governance.",
  })
  async reportAdverseEvent(
    @CurrentCaller() caller: Caller,
    @Args('clientId', { type: () => ID }) clientId: string,
    @Args('input') input: ReportAdverseEventInput,
  ): Promise<AdverseEventModel> {
    return toAdverseEventModel(await this.service.report(caller, clientId, input));
  }

  @Mutation(() => AdverseEventModel, {
    description:
      'Adds a follow-up entry to an adverse event (the report and earlier entries are kept as they were).',
  })
  async recordAdverseEventFollowUp(
    @CurrentCaller() caller: Caller,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: RecordAdverseEventFollowUpInput,
  ): Promise<AdverseEventModel> {
    return toAdverseEventModel(await this.service.recordFollowUp(caller, id, input));
  }

  @Mutation(() => AdverseEventModel, {
    description: 'A clinical lead reviews a flagged (severe) adverse event, once, with a note.',
  })
  @Roles('clinical_lead')
  async reviewAdverseEvent(
    @CurrentCaller() caller: Caller,
    @Args('id', { type: () => ID }) id: string,
    @Args('note') note: string,
  ): Promise<AdverseEventModel> {
    return toAdverseEventModel(await this.service.review(caller, id, note));
  }
}
