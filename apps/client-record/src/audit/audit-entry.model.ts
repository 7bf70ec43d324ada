import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  AUDIT_ACTIONS,
  AUDIT_RECORD_TYPES,
  AuditAction,
  AuditRecordType,
} from './domain/audit-entry';

export const AuditRecordTypeEnum = Object.fromEntries(
  AUDIT_RECORD_TYPES.map((value) => [value, value]),
) as { [K in AuditRecordType]: K };
registerEnumType(AuditRecordTypeEnum, {
  name: 'AuditRecordType',
  description: 'What kind of record an audit row is about.',
});

export const AuditActionEnum = Object.fromEntries(AUDIT_ACTIONS.map((value) => [value, value])) as {
  [K in AuditAction]: K;
};
registerEnumType(AuditActionEnum, { name: 'AuditAction', description: 'What was done.' });

@ObjectType('AuditEntry', { description: 'One audited read or write of client data.' })
export class AuditEntryModel {
  @Field(() => ID)
  id!: string;

  @Field()
  occurredAt!: Date;

  @Field({ description: "The actor's login (token subject); system:client-record for jobs." })
  actorSubject!: string;

  @Field()
  actorRole!: string;

  @Field(() => ID, { nullable: true })
  actorTherapistId!: string | null;

  @Field(() => ID, { nullable: true })
  clinicId!: string | null;

  @Field(() => ID, { nullable: true, description: 'Null for aggregate reads.' })
  clientId!: string | null;

  @Field(() => AuditRecordTypeEnum)
  recordType!: AuditRecordType;

  @Field(() => ID, { nullable: true })
  recordId!: string | null;

  @Field(() => AuditActionEnum)
  action!: AuditAction;

  @Field({ description: 'The x-correlation-id of the request (or event chain) that did it.' })
  correlationId!: string;
}

@ObjectType('AuditEntryEdge')
export class AuditEntryEdgeModel {
  @Field({ description: 'Opaque; pass as `after` to get older rows.' })
  cursor!: string;

  @Field(() => AuditEntryModel)
  node!: AuditEntryModel;
}

@ObjectType('AuditEntryPageInfo')
export class AuditEntryPageInfoModel {
  @Field()
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

@ObjectType('AuditEntryConnection', { description: 'A page of the audit trail, newest first.' })
export class AuditEntryConnectionModel {
  @Field(() => [AuditEntryEdgeModel])
  edges!: AuditEntryEdgeModel[];

  @Field(() => AuditEntryPageInfoModel)
  pageInfo!: AuditEntryPageInfoModel;
}
