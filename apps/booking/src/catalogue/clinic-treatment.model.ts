import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { TreatmentKind } from './domain/treatment-kind';
import { TreatmentKindEnum } from './treatment-kind.enum';
import { TreatmentModel } from './treatment.model';

@ObjectType('ClinicTreatment', {
  description: "A treatment as one clinic sells it: the catalogue's fields at the clinic's price.",
})
export class ClinicTreatmentModel {
  @Field(() => ID, { description: 'The treatment id.' })
  id!: string;

  @Field()
  code!: string;

  @Field()
  name!: string;

  @Field(() => TreatmentKindEnum)
  kind!: TreatmentKind;

  @Field(() => Int)
  durationMinutes!: number;

  @Field(() => Int)
  bufferAfterMinutes!: number;

  @Field(() => Int, {
    description: 'What this clinic charges in pence: its own price, else the network price.',
  })
  pricePence!: number;

  @Field(() => Int, { description: 'The network list price in pence.' })
  networkPricePence!: number;

  @Field({ description: 'True when the clinic set its own price.' })
  priceOverridden!: boolean;

  @Field()
  currency!: string;

  @Field(() => [String])
  requiredCertifications!: string[];

  @Field()
  requiresScreeningClearance!: boolean;

  @Field()
  selfBookable!: boolean;

  @Field(() => TreatmentModel)
  treatment!: TreatmentModel;
}
