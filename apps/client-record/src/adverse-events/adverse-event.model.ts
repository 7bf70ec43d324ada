import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  ADVERSE_EVENT_SEVERITIES,
  ADVERSE_EVENT_TYPES,
  AdverseEventSeverity,
  AdverseEventType,
  GOVERNANCE_STATUSES,
  GovernanceStatus,
} from './domain/adverse-event';

function enumOf<T extends string>(values: readonly T[]): { [K in T]: K } {
  return Object.fromEntries(values.map((value) => [value, value])) as { [K in T]: K };
}

export const AdverseEventTypeEnum = enumOf(ADVERSE_EVENT_TYPES);
registerEnumType(AdverseEventTypeEnum, {
  name: 'AdverseEventType',
  description: 'other needs a description.',
});

export const AdverseEventSeverityEnum = enumOf(ADVERSE_EVENT_SEVERITIES);
registerEnumType(AdverseEventSeverityEnum, {
  name: 'AdverseEventSeverity',
  description: 'severe events are flagged to head office clinical governance.',
});

export const GovernanceStatusEnum = enumOf(GOVERNANCE_STATUSES);
registerEnumType(GovernanceStatusEnum, {
  name: 'AdverseEventGovernanceStatus',
  description: 'open until a clinical lead reviews the flagged event.',
});

@ObjectType('AdverseEventFollowUp', {
  description: 'A follow-up entry; entries are never changed.',
})
export class AdverseEventFollowUpModel {
  @Field(() => ID)
  id!: string;

  @Field()
  followedUpAt!: Date;

  @Field()
  note!: string;

  @Field({ description: 'True when no further follow-up is needed.' })
  resolved!: boolean;

  @Field({ description: 'The login that recorded it.' })
  recordedBy!: string;

  @Field()
  recordedAt!: Date;
}

@ObjectType('AdverseEventReview', { description: "Head office clinical governance's review." })
export class AdverseEventReviewModel {
  @Field()
  note!: string;

  @Field({ description: 'The clinical lead who reviewed it.' })
  reviewedBy!: string;

  @Field()
  reviewedAt!: Date;
}

@ObjectType('AdverseEvent', {
  description:
    'An adverse event after a session, as reported (append-only: follow-ups and the review are separate entries).',
})
export class AdverseEventModel {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  clientId!: string;

  @Field(() => ID)
  clinicId!: string;

  @Field(() => AdverseEventTypeEnum)
  type!: AdverseEventType;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => AdverseEventSeverityEnum)
  severity!: AdverseEventSeverity;

  @Field()
  occurredAt!: Date;

  @Field(() => ID, { nullable: true, description: 'The booking (session) it followed, if any.' })
  bookingId!: string | null;

  @Field()
  actionsTaken!: string;

  @Field()
  followUpRequired!: boolean;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  followUpDueOn!: string | null;

  @Field({ description: 'A follow-up is required and none has resolved the matter yet.' })
  followUpOutstanding!: boolean;

  @Field()
  flaggedForGovernance!: boolean;

  @Field(() => GovernanceStatusEnum, { nullable: true, description: 'Null when not flagged.' })
  governanceStatus!: GovernanceStatus | null;

  @Field({ description: 'The login that reported it.' })
  reportedBy!: string;

  @Field()
  reportedByRole!: string;

  @Field()
  reportedAt!: Date;

  @Field(() => Int)
  followUpCount!: number;

  @Field(() => [AdverseEventFollowUpModel], { description: 'Oldest first.' })
  followUps!: AdverseEventFollowUpModel[];

  @Field(() => AdverseEventReviewModel, { nullable: true })
  review!: AdverseEventReviewModel | null;
}

@ObjectType('AdverseEventEdge')
export class AdverseEventEdgeModel {
  @Field({ description: 'Opaque; pass as `after` to get the events that follow.' })
  cursor!: string;

  @Field(() => AdverseEventModel)
  node!: AdverseEventModel;
}

@ObjectType('AdverseEventPageInfo')
export class AdverseEventPageInfoModel {
  @Field()
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

@ObjectType('AdverseEventConnection', {
  description: 'A page of flagged adverse events, newest report first.',
})
export class AdverseEventConnectionModel {
  @Field(() => [AdverseEventEdgeModel])
  edges!: AdverseEventEdgeModel[];

  @Field(() => AdverseEventPageInfoModel)
  pageInfo!: AdverseEventPageInfoModel;
}
