import { Field, ID, InputType } from '@nestjs/graphql';
import { AuditActionEnum, AuditRecordTypeEnum } from '../audit-entry.model';
import type { AuditAction, AuditRecordType } from '../domain/audit-entry';

@InputType({ description: 'Every field optional; rows must match all that are given.' })
export class AuditTrailFilterInput {
  @Field(() => ID, { nullable: true })
  clientId?: string | null;

  @Field(() => ID, { nullable: true })
  clinicId?: string | null;

  @Field(() => String, { nullable: true, description: "The actor's login (token subject)." })
  actorSubject?: string | null;

  @Field(() => AuditRecordTypeEnum, { nullable: true })
  recordType?: AuditRecordType | null;

  @Field(() => AuditActionEnum, { nullable: true })
  action?: AuditAction | null;

  @Field(() => Date, { nullable: true, description: 'Rows at or after this instant.' })
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Rows before this instant (exclusive).' })
  to?: Date | null;
}
