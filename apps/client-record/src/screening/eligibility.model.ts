import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { EligibilityCause } from './domain/screening-terms';
import {
  EligibilityCauseEnum,
  EligibilityStatusEnum,
  EligibilityStatusView,
} from './screening-enums';

@ObjectType('Eligibility', {
  description:
    "A client's eligibility for treatment as it stands. Status fields are for anyone who may see the client (reception, integrators with clients:read); `reasons` is clinical.",
})
export class EligibilityModel {
  @Field(() => ID)
  clientId!: string;

  @Field(() => EligibilityStatusEnum)
  status!: EligibilityStatusView;

  @Field(() => String, {
    nullable: true,
    description: 'YYYY-MM-DD: the last day the screening counts; null when not screened.',
  })
  validUntil!: string | null;

  @Field(() => Date, { nullable: true, description: 'When the current status was decided.' })
  decidedAt!: Date | null;

  @Field(() => EligibilityCauseEnum, { nullable: true })
  cause!: EligibilityCause | null;

  @Field(() => ID, { nullable: true, description: 'The screening this eligibility rests on.' })
  screeningId!: string | null;
}
