import { Field, InputType, Int } from '@nestjs/graphql';
import type { TreatmentKind } from '../domain/treatment-kind';
import { TreatmentKindEnum } from '../treatment-kind.enum';

@InputType()
export class CreateTreatmentInput {
  @Field({ description: 'Stable code, upper-case with underscores, e.g. PNF_STRETCH_90.' })
  code!: string;

  @Field()
  name!: string;

  @Field(() => TreatmentKindEnum, { nullable: true, description: 'Default: treatment.' })
  kind?: TreatmentKind | null;

  @Field(() => Int, { description: '15 to 180, in steps of 5.' })
  durationMinutes!: number;

  @Field(() => Int, { description: '0 to 60.' })
  bufferAfterMinutes!: number;

  @Field(() => Int, { description: 'Network list price in pence (GBP), 0 or more.' })
  pricePence!: number;

  @Field(() => [String], { description: 'Certification types, e.g. pnf_level_1.' })
  requiredCertifications!: string[];

  @Field()
  requiresScreeningClearance!: boolean;

  @Field()
  selfBookable!: boolean;
}
