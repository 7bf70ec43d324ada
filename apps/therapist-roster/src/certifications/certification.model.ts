import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { CERTIFICATION_STATUSES, CertificationStatus } from './domain/certification-status';

export const CertificationStatusEnum = Object.fromEntries(
  CERTIFICATION_STATUSES.map((status) => [status, status]),
) as { [K in CertificationStatus]: K };
registerEnumType(CertificationStatusEnum, {
  name: 'CertificationStatus',
  description:
    'valid and expiring_soon (within 30 days of expiry) count as current; expired from the expiry day; revoked from the day it was revoked.',
});

@ObjectType('Certification', { description: 'A certification a therapist holds.' })
export class CertificationModel {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  therapistId!: string;

  @Field({
    description:
      'snake_case; known: hcpc_registration, pnf_level_1, pnf_level_2, first_aid, chronic_pain_cpd.',
  })
  type!: string;

  @Field({ description: 'YYYY-MM-DD' })
  issuedOn!: string;

  @Field(() => String, {
    nullable: true,
    description: 'YYYY-MM-DD, the first day it no longer counts; null if it does not expire.',
  })
  expiresOn!: string | null;

  @Field(() => String, { nullable: true, description: 'Null for integrators.' })
  evidenceReference!: string | null;

  @Field(() => String, { nullable: true, description: 'Who recorded it; null for integrators.' })
  recordedBy!: string | null;

  @Field()
  recordedAt!: Date;

  @Field()
  verified!: boolean;

  @Field(() => String, { nullable: true, description: 'Who verified it; null for integrators.' })
  verifiedBy!: string | null;

  @Field(() => Date, { nullable: true })
  verifiedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  revokedOn!: string | null;

  @Field(() => String, { nullable: true })
  revocationReason!: string | null;
}
