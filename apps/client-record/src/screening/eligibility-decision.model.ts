import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { EligibilityCause, EligibilityStatus } from './domain/screening-terms';
import { EligibilityCauseEnum, EligibilityStatusEnum } from './screening-enums';

@ObjectType('EligibilityDecision', {
  description:
    'One eligibility decision (clinical, audited): from a screening, an override, a GP clearance or the 12-month lapse. Append-only.',
})
export class EligibilityDecisionModel {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  screeningId!: string;

  @Field(() => EligibilityStatusEnum)
  status!: EligibilityStatus;

  @Field(() => EligibilityCauseEnum)
  cause!: EligibilityCause;

  @Field(() => [String])
  reasons!: string[];

  @Field()
  decidedAt!: Date;

  @Field({ description: 'The login that decided (system:client-record for a lapse).' })
  decidedBy!: string;

  @Field()
  decidedByRole!: string;

  @Field(() => String, { nullable: true })
  overrideReason!: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD of the GP clearance.' })
  gpClearedOn!: string | null;

  @Field(() => String, { nullable: true, description: 'Null after an erasure request.' })
  gpName!: string | null;

  @Field(() => String, { nullable: true, description: 'Null after an erasure request.' })
  gpPractice!: string | null;

  @Field(() => String, { nullable: true })
  note!: string | null;
}
